import { type SqlBool, sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { OrgNode } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { orgNodeVisibleTo, projectVisibleTo } from '../../platform/scope.ts'
import { listProjects, projectColumns } from './projects.repository.ts'
import type { ProjectListFilter } from './projects.schemas.ts'

/** Queries for many projects at once (import and export): a few set-based statements, never one per row. */

export type ScopedNode = OrgNode & { departmentName: string | null }

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
