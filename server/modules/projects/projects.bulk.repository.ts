import { type SqlBool, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { NewProject, OrgNode } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { orgNodeVisibleTo, projectVisibleTo } from '../../platform/scope.ts'
import { listProjects, projectColumns } from './projects.repository.ts'
import type { ProjectListFilter } from './projects.schemas.ts'

/** Queries for many projects at once (import and export): a few set-based statements, never one per row. */

export type ScopedNode = OrgNode & { departmentName: string | null }

/** The org nodes among these codes that the actor can see, with their department's name. One query. */
export async function findVisibleNodes(db: Db | Trx, actor: Actor, codes: string[]): Promise<Map<string, ScopedNode>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .selectFrom('orgNode')
    .leftJoin('orgNode as dept', 'dept.code', 'orgNode.departmentCode')
    .selectAll('orgNode')
    .select('dept.name as departmentName')
    .where(orgNodeVisibleTo(actor))
    .where(sql<SqlBool>`org_node.code = any(${codes}::varchar[])`)
    .execute()
  return new Map(rows.map((r) => [r.code, r]))
}

/** The active budget units the actor can file projects for, for the template's unit list: a bureau files only its own. */
export function listTemplateUnits(db: Db, actor: Actor) {
  return db
    .selectFrom('orgNode')
    .leftJoin('orgNode as dept', 'dept.code', 'orgNode.departmentCode')
    .select(['orgNode.code', 'orgNode.name', 'dept.name as departmentName'])
    .where(orgNodeVisibleTo(actor))
    .where('orgNode.kind', '=', 'unit')
    .where('orgNode.status', '=', 'active')
    .$if(actor.org.kind === 'jurisdiction', (q) => q.where('orgNode.jurisdictionCode', '=', actor.org.jurisdictionCode))
    .orderBy('orgNode.code')
    .execute()
}

export interface ProjectKey {
  jurisdictionCode: string
  fiscalYear: number
  code: string
}
export const keyOf = (k: ProjectKey) => `${k.jurisdictionCode}|${k.fiscalYear}|${k.code}`

const LOOKUP_BATCH = 10_000

/**
 * The projects already stored under these keys, in scope or not (an out-of-scope one still blocks its code),
 * with a flag saying whether the actor may see it.
 */
export async function findProjectsByKeys(db: Db | Trx, actor: Actor, keys: ProjectKey[]) {
  const lookup = (batch: ProjectKey[]) =>
    db
      .selectFrom('project')
      .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
      .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode')
      .select(projectColumns)
      .select((eb) => projectVisibleTo(actor)(eb).as('visible'))
      .where(
        sql<SqlBool>`(project.jurisdiction_code, project.fiscal_year, project.code) in (select * from unnest(${batch.map((k) => k.jurisdictionCode)}::varchar[], ${batch.map((k) => k.fiscalYear)}::int[], ${batch.map((k) => k.code)}::varchar[]))`,
      )
      .execute()
  const found = new Map<string, Awaited<ReturnType<typeof lookup>>[number]>()
  for (let start = 0; start < keys.length; start += LOOKUP_BATCH) {
    for (const row of await lookup(keys.slice(start, start + LOOKUP_BATCH))) found.set(keyOf(row), row)
  }
  return found
}

export type StoredProject = Awaited<ReturnType<typeof findProjectsByKeys>> extends Map<string, infer V> ? V : never

const returned = [
  'id', 'code', 'name', 'fiscalYear', 'jurisdictionCode', 'departmentCode', 'unitCode', 'budgetKind', 'attribute', 'projectType',
  'objectKind', 'periodStartYear', 'periodEndYear', 'mediumTermAmount', 'amountGeneral', 'amountFund', 'amountStateCapital',
  'amountSocialInsurance', 'amountFiscal', 'amountOther', 'amountTotal', 'isMajorNew', 'description', 'contactName', 'contactPhone',
  'status', 'version', 'createdAt', 'updatedAt',
] as const

/**
 * One multi-row INSERT … ON CONFLICT (jurisdiction_code, fiscal_year, code) DO UPDATE: new codes are created,
 * known ones updated in place (status, creator and creation time kept; version bumped). `inserted` tells which.
 */
export function upsertProjects(trx: Trx, rows: NewProject[]) {
  return trx
    .insertInto('project')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['jurisdictionCode', 'fiscalYear', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        departmentCode: eb.ref('excluded.departmentCode'),
        unitCode: eb.ref('excluded.unitCode'),
        budgetKind: eb.ref('excluded.budgetKind'),
        attribute: eb.ref('excluded.attribute'),
        projectType: eb.ref('excluded.projectType'),
        objectKind: eb.ref('excluded.objectKind'),
        periodStartYear: eb.ref('excluded.periodStartYear'),
        periodEndYear: eb.ref('excluded.periodEndYear'),
        mediumTermAmount: eb.ref('excluded.mediumTermAmount'),
        amountGeneral: eb.ref('excluded.amountGeneral'),
        amountFund: eb.ref('excluded.amountFund'),
        amountStateCapital: eb.ref('excluded.amountStateCapital'),
        amountSocialInsurance: eb.ref('excluded.amountSocialInsurance'),
        amountFiscal: eb.ref('excluded.amountFiscal'),
        amountOther: eb.ref('excluded.amountOther'),
        amountTotal: eb.ref('excluded.amountTotal'),
        isMajorNew: eb.ref('excluded.isMajorNew'),
        description: eb.ref('excluded.description'),
        contactName: eb.ref('excluded.contactName'),
        contactPhone: eb.ref('excluded.contactPhone'),
        searchText: eb.ref('excluded.searchText'),
        updatedAt: eb.ref('excluded.updatedAt'),
        version: sql<number>`project.version + 1`,
      })),
    )
    .returning([...returned, sql<boolean>`xmax = 0`.as('inserted')])
    .execute()
}

const EXPORT_BATCH = 1000

/**
 * The filtered list in its order, a batch at a time: the ordered ids first (small even at 100 k rows), then
 * the rows of each batch. Works for every sort, relevance included, and never holds the whole list's rows.
 */
export async function* iterateProjects(db: Db, actor: Actor, filter: Omit<ProjectListFilter, 'page' | 'pageSize' | 'amountUnit'>) {
  const ids = (await listProjects(db, actor, filter).clearSelect().select('project.id').execute()).map((r) => r.id)
  for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
    const batch = ids.slice(start, start + EXPORT_BATCH)
    const rows = await db
      .selectFrom('project')
      .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
      .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode')
      .select(projectColumns)
      .where(projectVisibleTo(actor))
      .where(sql<SqlBool>`project.id = any(${batch}::uuid[])`)
      .execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    for (const id of batch) {
      const row = byId.get(id)
      if (row) yield row
    }
  }
}
