import { sql } from 'kysely'
import type { SeedIndicator } from '../../../domain/indicators.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { NewIndicator } from '../../db/schema.ts'
import { type FrameworkSeed, frameworkSeeds } from './frameworks.data.ts'
import { termsOf } from './indicators.index.ts'
import { libraryIndicators } from './seed/index.ts'

const BATCH = 500

/**
 * Loads library indicators owned by a jurisdiction, indexed for search, in a few multi-row inserts. Codes already
 * live are skipped, so loading twice changes nothing.
 */
export async function seedIndicatorLibrary(db: Db | Trx, options: { ownerJurisdictionCode: string | null; fromYear: number; now: Date; indicators?: SeedIndicator[] }) {
  const indicators = options.indicators ?? libraryIndicators
  const existing = new Set((await db.selectFrom('indicator').select('code').where('status', 'in', ['proposed', 'active', 'retired']).execute()).map((r) => r.code))
  const fresh = indicators.filter((i) => !existing.has(i.code))
  for (let start = 0; start < fresh.length; start += BATCH) {
    const batch = fresh.slice(start, start + BATCH)
    const rows: NewIndicator[] = batch.map((i) => ({
      code: i.code,
      name: i.name,
      level1: i.level1,
      level2: i.level2,
      nature: i.nature,
      unit: i.unit,
      definition: i.definition,
      formula: i.formula,
      dataSource: i.dataSource,
      valueBasis: i.valueBasis,
      scoringRule: i.scoringRule,
      sectors: i.sectors,
      projectKinds: i.projectKinds,
      scope: i.scope,
      costKind: i.level2 === '成本指标' ? (i.costKind ?? 'economic') : null,
      exampleTarget: i.exampleTarget ?? null,
      ownerJurisdictionCode: options.ownerJurisdictionCode,
      validFromYear: options.fromYear,
      status: 'active',
      reviewedAt: options.now,
      createdAt: options.now,
      updatedAt: options.now,
    }))
    const inserted = await db.insertInto('indicator').values(rows).returning(['id', 'name', 'level2', 'definition', 'sectors', 'projectKinds']).execute()
    const terms: { term: string; indicatorId: string; tf: number }[] = []
    const lengths: { id: string; length: number }[] = []
    for (const row of inserted) {
      const { tf, length } = termsOf(row)
      lengths.push({ id: row.id, length })
      for (const [term, n] of tf) terms.push({ term, indicatorId: row.id, tf: n })
    }
    for (let i = 0; i < terms.length; i += 2000) await db.insertInto('indicatorTerm').values(terms.slice(i, i + 2000)).execute()
    for (const { id, length } of lengths) await db.updateTable('indicator').set({ docLength: length }).where('id', '=', id).execute()
  }
  // Fresh statistics, or the planner guesses the term table's size and may pick nested loops over all of it.
  if (fresh.length) await sql`analyze indicator, indicator_term`.execute(db)
  return fresh.length
}

/** The national framework templates (88号/10号 and 101号), unless already there. */
export async function seedFrameworks(db: Db | Trx, now: Date, seeds: FrameworkSeed[] = frameworkSeeds) {
  for (const seed of seeds) {
    const exists = await db.selectFrom('indicatorFramework').select('code').where('code', '=', seed.code).executeTakeFirst()
    if (exists) continue
    await db
      .insertInto('indicatorFramework')
      .values({ code: seed.code, name: seed.name, description: seed.description, jurisdictionCode: null, fiscalYearFrom: seed.fiscalYearFrom, createdAt: now, updatedAt: now })
      .execute()
    await insertFrameworkNodes(db, seed.code, seed.nodes)
  }
}

export async function insertFrameworkNodes(db: Db | Trx, frameworkCode: string, nodes: FrameworkSeed['nodes']) {
  let order = 0
  for (const node of nodes) {
    const { id } = await db
      .insertInto('frameworkNode')
      .values({ frameworkCode, parentId: null, level: 1, name: node.name, sortOrder: ++order, mapsFrom: node.mapsFrom })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (node.children.length)
      await db
        .insertInto('frameworkNode')
        .values(node.children.map((c) => ({ frameworkCode, parentId: id, level: 2 as const, name: c.name, sortOrder: ++order, mapsFrom: c.mapsFrom })))
        .execute()
  }
}
