import type { Db, Trx } from '../../db/database.ts'
import type { NewOrgNode, OrgKind, OrgNodeUpdate } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains } from '../../http/paging.ts'
import { orgNodeVisibleTo } from '../../platform/scope.ts'

export interface OrgFilter {
  kind: OrgKind
  q?: string
  status?: 'active' | 'disabled'
  parentCode?: string
  jurisdictionCode?: string
  departmentCode?: string
}

const sortable = { code: 'orgNode.code', name: 'orgNode.name', status: 'orgNode.status', updatedAt: 'orgNode.updatedAt' } as const
export type OrgSort = keyof typeof sortable
export const orgSortKeys = Object.keys(sortable) as [OrgSort, ...OrgSort[]]

/** Org nodes of one kind that the actor may see, filtered and sorted; the caller pages it. */
export function listOrgNodes(db: Db, actor: Actor, filter: OrgFilter, sort: OrgSort = 'code', order: 'asc' | 'desc' = 'asc') {
  let query = db
    .selectFrom('orgNode')
    .leftJoin('orgNode as parent', 'parent.code', 'orgNode.parentCode')
    .select([
      'orgNode.code',
      'orgNode.name',
      'orgNode.kind',
      'orgNode.level',
      'orgNode.parentCode',
      'parent.name as parentName',
      'orgNode.jurisdictionCode',
      'orgNode.departmentCode',
      'orgNode.financeBureauName',
      'orgNode.status',
      'orgNode.version',
      'orgNode.updatedAt',
    ])
    .where('orgNode.kind', '=', filter.kind)
    .where(orgNodeVisibleTo(actor))
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('orgNode.name', 'ilike', pattern), eb('orgNode.code', 'ilike', pattern)]))
  }
  if (filter.status) query = query.where('orgNode.status', '=', filter.status)
  if (filter.parentCode) query = query.where('orgNode.parentCode', '=', filter.parentCode)
  if (filter.jurisdictionCode) query = query.where('orgNode.jurisdictionCode', '=', filter.jurisdictionCode)
  if (filter.departmentCode) query = query.where('orgNode.departmentCode', '=', filter.departmentCode)
  return query.orderBy(sortable[sort], order).orderBy('orgNode.code')
}

export function findVisibleOrgNode(db: Db | Trx, actor: Actor, code: string) {
  return db.selectFrom('orgNode').selectAll().where('code', '=', code).where(orgNodeVisibleTo(actor)).executeTakeFirst()
}

export function findOrgNodeForUpdate(trx: Trx, actor: Actor, code: string) {
  return trx.selectFrom('orgNode').selectAll().where('code', '=', code).where(orgNodeVisibleTo(actor)).forUpdate().executeTakeFirst()
}

export function findOrgNode(db: Db | Trx, code: string) {
  return db.selectFrom('orgNode').selectAll().where('code', '=', code).executeTakeFirst()
}

export function listVisibleTree(db: Db, actor: Actor) {
  return db
    .selectFrom('orgNode')
    .select(['code', 'name', 'kind', 'status', 'parentCode', 'path'])
    .where(orgNodeVisibleTo(actor))
    .orderBy('code')
    .execute()
}

export function insertOrgNode(trx: Trx, node: NewOrgNode) {
  return trx.insertInto('orgNode').values(node).returningAll().executeTakeFirstOrThrow()
}

export function updateOrgNode(trx: Trx, code: string, changes: OrgNodeUpdate) {
  return trx
    .updateTable('orgNode')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow()
}
