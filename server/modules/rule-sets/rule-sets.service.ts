import { type RuleLayer, resolveRules, validateOverrides, validateRuleSet } from '../../../domain/rule-set-resolve.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { isWithinScope, jurisdictionChainOf } from '../../platform/scope.ts'

interface Jurisdiction {
  code: string
  name: string
  path: string
}

/** A jurisdiction the actor may read rules of: its own, those above it, and (for a bureau) those below it. */
async function readableJurisdiction(db: Db | Trx, ctx: ActorCtx, code: string): Promise<Jurisdiction> {
  const node = await db.selectFrom('orgNode').select(['code', 'name', 'path']).where('code', '=', code).where('kind', '=', 'jurisdiction').executeTakeFirst()
  const visible = node && (jurisdictionChainOf(ctx.actor).includes(node.code) || (ctx.actor.org.kind === 'jurisdiction' && isWithinScope(ctx.actor, node.path)))
  if (!visible) throw new AppError('NOT_FOUND')
  return node
}

/** The stored revision of each jurisdiction on the chain in force for a year: the latest year up to it, at a moment. */
async function layersFor(db: Db | Trx, jurisdiction: Jurisdiction, fiscalYear: number, asOf?: Date) {
  const chain = jurisdiction.path.split('/').filter(Boolean)
  const nodes = await db.selectFrom('orgNode').select(['code', 'name']).where('code', 'in', chain).execute()
  let q = db
    .selectFrom('ruleSet')
    .selectAll()
    .where('jurisdictionCode', 'in', chain)
    .where('fiscalYear', '<=', fiscalYear)
  q = asOf ? q.where('createdAt', '<=', asOf) : q.where('isCurrent', '=', true)
  const rows = await q.orderBy('fiscalYear', 'desc').orderBy('revision', 'desc').execute()
  return chain.flatMap((code) => {
    const row = rows.find((r) => r.jurisdictionCode === code)
    if (!row) return []
    const name = nodes.find((n) => n.code === code)?.name ?? code
    return [{ row, layer: { source: `${name} ${row.fiscalYear}年 第${row.revision}版`, overrides: row.overrides } as RuleLayer }]
  })
}

/** The rules in force for a jurisdiction and year (optionally as they stood at a moment), with where each value comes from. */
export async function effectiveRules(db: Db | Trx, jurisdictionCode: string, fiscalYear: number, asOf?: Date) {
  const jurisdiction = await db.selectFrom('orgNode').select(['code', 'name', 'path']).where('code', '=', jurisdictionCode).executeTakeFirstOrThrow()
  return resolveRules((await layersFor(db, jurisdiction, fiscalYear, asOf)).map((l) => l.layer))
}

/** What the rule-set editor shows: the effective rules, what the parent would give, and this jurisdiction's own overrides. */
export async function getRuleSet(db: Db, ctx: ActorCtx, code: string, fiscalYear: number, asOf?: Date) {
  const jurisdiction = await readableJurisdiction(db, ctx, code)
  const layers = await layersFor(db, jurisdiction, fiscalYear, asOf)
  const ownLayer = layers.find((l) => l.row.jurisdictionCode === code && l.row.fiscalYear === fiscalYear)
  const inherited = layers.filter((l) => l !== ownLayer)
  const own = ownLayer?.row
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    fiscalYear,
    version: own?.revision ?? 0,
    own: own ? { revision: own.revision, overrides: own.overrides, note: own.note, createdAt: own.createdAt } : null,
    effective: resolveRules(layers.map((l) => l.layer)),
    inherited: resolveRules(inherited.map((l) => l.layer)),
    layers: layers.map((l) => ({ jurisdictionCode: l.row.jurisdictionCode, fiscalYear: l.row.fiscalYear, revision: l.row.revision, source: l.layer.source, overrides: l.row.overrides })),
  }
}

export async function listRuleSetRevisions(db: Db, ctx: ActorCtx, code: string, fiscalYear: number) {
  await readableJurisdiction(db, ctx, code)
  return db
    .selectFrom('ruleSet')
    .leftJoin('appUser', 'appUser.id', 'ruleSet.createdBy')
    .select(['ruleSet.id', 'ruleSet.revision', 'ruleSet.overrides', 'ruleSet.note', 'ruleSet.isCurrent', 'ruleSet.createdAt', 'appUser.displayName as createdByName'])
    .where('ruleSet.jurisdictionCode', '=', code)
    .where('ruleSet.fiscalYear', '=', fiscalYear)
    .orderBy('ruleSet.revision', 'desc')
    .execute()
}

function ruleProblems(ctx: ActorCtx, problems: { path: string; zh: string; en: string }[]): never {
  throw new AppError(
    'RULE_VIOLATION',
    problems.map((p) => ({ path: p.path, message: p[ctx.lang] })),
    { zh: problems[0]!.zh, en: problems[0]!.en },
  )
}

/**
 * Saves a jurisdiction's rules for a year as a new revision; the previous one stays, so results computed under it
 * can be recomputed exactly (effectiveRules with asOf). Only a finance bureau at or above the jurisdiction may.
 */
export async function saveRuleSet(db: Db, ctx: ActorCtx, code: string, fiscalYear: number, input: { version: number; overrides: Record<string, unknown>; note: string }) {
  const jurisdiction = await readableJurisdiction(db, ctx, code)
  if (!isWithinScope(ctx.actor, jurisdiction.path)) throw new AppError('FORBIDDEN')
  const shapeProblems = validateOverrides(input.overrides)
  if (shapeProblems.length) ruleProblems(ctx, shapeProblems)
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('ruleSet')
      .selectAll()
      .where('jurisdictionCode', '=', code)
      .where('fiscalYear', '=', fiscalYear)
      .where('isCurrent', '=', true)
      .forUpdate()
      .executeTakeFirst()
    if ((current?.revision ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT', { currentVersion: current?.revision ?? 0 })
    const parentLayers = (await layersFor(trx, jurisdiction, fiscalYear)).filter((l) => !(l.row.jurisdictionCode === code && l.row.fiscalYear === fiscalYear))
    const resolved = resolveRules([...parentLayers.map((l) => l.layer), { source: '本次修改', overrides: input.overrides }])
    const problems = validateRuleSet(resolved.rules)
    if (problems.length) ruleProblems(ctx, problems)
    if (current) await trx.updateTable('ruleSet').set({ isCurrent: false }).where('id', '=', current.id).execute()
    const revision = (current?.revision ?? (await latestRevision(trx, code, fiscalYear))) + 1
    await trx
      .insertInto('ruleSet')
      .values({ jurisdictionCode: code, fiscalYear, revision, overrides: JSON.stringify(input.overrides), note: input.note, isCurrent: true, createdBy: ctx.actor.userId, createdAt: ctx.now })
      .execute()
    await recordAudit(trx, ctx, {
      action: 'ruleset.update',
      entityType: 'rule_set',
      entityId: `${code}/${fiscalYear}`,
      before: current ? { revision: current.revision, overrides: current.overrides } : null,
      after: { revision, overrides: input.overrides, note: input.note },
    })
    return revision
  })
}

async function latestRevision(trx: Trx, code: string, fiscalYear: number) {
  const row = await trx
    .selectFrom('ruleSet')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('jurisdictionCode', '=', code)
    .where('fiscalYear', '=', fiscalYear)
    .executeTakeFirst()
  return Number(row?.revision ?? 0)
}
