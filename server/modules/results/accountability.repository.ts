import type { Db, Trx } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import type { AccountabilityListFilter } from './accountability.schemas.ts'
import { accountabilityVisibleTo } from './interviews.repository.ts'

function visible(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('accountability')
    .where(accountabilityVisibleTo(actor))
    .innerJoin('project', 'project.id', 'accountability.projectId')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'accountability.departmentCode')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'accountability.unitCode')
    .leftJoin('appUser as creator', 'creator.id', 'accountability.createdBy')
}

const columns = [
  'accountability.id',
  'accountability.jurisdictionCode',
  'accountability.fiscalYear',
  'accountability.projectId',
  'project.name as projectName',
  'project.code as projectCode',
  'accountability.departmentCode',
  'departmentNode.name as departmentName',
  'accountability.unitCode',
  'unitNode.name as unitName',
  'accountability.incident',
  'accountability.lossAmount',
  'accountability.measures',
  'accountability.decidedOn',
  'accountability.decidedBy',
  'creator.displayName as createdByName',
  'accountability.version',
  'accountability.createdAt',
  'accountability.updatedAt',
] as const

function matching(db: Db | Trx, actor: Actor, filter: AccountabilityListFilter) {
  let query = whereEquals(visible(db, actor), filter, {
    fiscalYear: 'accountability.fiscalYear',
    departmentCode: 'accountability.departmentCode',
    unitCode: 'accountability.unitCode',
    projectId: 'accountability.projectId',
  })
  if (filter.from) query = query.where('accountability.decidedOn', '>=', filter.from)
  if (filter.to) query = query.where('accountability.decidedOn', '<=', filter.to)
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('project.name', 'ilike', pattern), eb('project.code', 'ilike', pattern), eb('accountability.incident', 'ilike', pattern)]))
  }
  return query
}

/** The actor's 问责 records, newest decision first unless sorted. */
export function listAccountability(db: Db | Trx, actor: Actor, filter: AccountabilityListFilter) {
  const sortColumn = { decidedOn: 'accountability.decidedOn', lossAmount: 'accountability.lossAmount', createdAt: 'accountability.createdAt' } as const
  const direction = filter.sort ? filter.order : 'desc'
  return matching(db, actor, filter).select(columns).orderBy(sortColumn[filter.sort ?? 'decidedOn'], direction).orderBy('accountability.id')
}

export function countAccountability(db: Db | Trx, actor: Actor, filter: AccountabilityListFilter) {
  return matching(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('total'))
}

export function findAccountability(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(columns).where('accountability.id', '=', id).executeTakeFirst()
}
export type AccountabilityRow = NonNullable<Awaited<ReturnType<typeof findAccountability>>>

export async function lockAccountability(trx: Trx, actor: Actor, id: string) {
  const locked = await trx.selectFrom('accountability').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return locked ? findAccountability(trx, actor, id) : undefined
}
