import { sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains } from '../../http/paging.ts'
import { projectVisibleTo } from '../../platform/scope.ts'
import type { AdjustmentListFilter, PaymentListFilter } from './execution.schemas.ts'

/** Kysely only: the payments and adjustments a caller may see, through the projects they may see. */

export function listPayments(db: Db | Trx, actor: Actor, filter: Partial<PaymentListFilter>) {
  let query = db
    .selectFrom('executionPayment as pay')
    .innerJoin('project', 'project.id', 'pay.projectId')
    .innerJoin('orgNode as unit', 'unit.code', 'project.unitCode')
    .where(projectVisibleTo(actor))
    .select([
      'pay.id',
      'pay.projectId',
      'project.code as projectCode',
      'project.name as projectName',
      'project.unitCode',
      'unit.name as unitName',
      'project.departmentCode',
      'pay.jurisdictionCode',
      'pay.fiscalYear',
      sql<string>`pay.paid_on::text`.as('paidOn'),
      'pay.month',
      'pay.amount',
      'pay.fundSource',
      'pay.voucherNo',
      'pay.source',
      'pay.createdAt',
    ])
  if (filter.projectId) query = query.where('pay.projectId', '=', filter.projectId)
  if (filter.fiscalYear) query = query.where('pay.fiscalYear', '=', filter.fiscalYear)
  if (filter.month) query = query.where('pay.month', '=', filter.month)
  if (filter.departmentCode) query = query.where('project.departmentCode', '=', filter.departmentCode)
  if (filter.unitCode) query = query.where('project.unitCode', '=', filter.unitCode)
  if (filter.source) query = query.where('pay.source', '=', filter.source)
  if (filter.paidFrom) query = query.where('pay.paidOn', '>=', filter.paidFrom)
  if (filter.paidTo) query = query.where('pay.paidOn', '<=', filter.paidTo)
  if (filter.q) {
    const like = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('project.code', 'like', like), eb('project.name', 'like', like), eb('pay.voucherNo', 'like', like)]))
  }
  const column = { paidOn: 'pay.paidOn', amount: 'pay.amount', voucherNo: 'pay.voucherNo', createdAt: 'pay.createdAt' } as const
  const order = filter.order ?? 'desc'
  return query.orderBy(column[filter.sort ?? 'paidOn'], order).orderBy('pay.voucherNo', order)
}

/** Sum and count of the filtered payments, for the list's footer. */
export function sumPayments(db: Db | Trx, actor: Actor, filter: Partial<PaymentListFilter>) {
  return listPayments(db, actor, filter)
    .clearSelect()
    .clearOrderBy()
    .select([sql<string>`coalesce(sum(pay.amount), 0)::text`.as('amount'), sql<number>`count(*)::int`.as('count')])
}

export function listAdjustments(db: Db | Trx, actor: Actor, filter: Partial<AdjustmentListFilter>) {
  let query = db
    .selectFrom('budgetAdjustment as adj')
    .innerJoin('project', 'project.id', 'adj.projectId')
    .innerJoin('orgNode as unit', 'unit.code', 'project.unitCode')
    .leftJoin('appUser as author', 'author.id', 'adj.createdBy')
    .where(projectVisibleTo(actor))
    .select([
      'adj.id',
      'adj.projectId',
      'project.code as projectCode',
      'project.name as projectName',
      'unit.name as unitName',
      'project.departmentCode',
      'adj.fiscalYear',
      'adj.amount',
      'adj.reason',
      sql<string>`adj.adjusted_on::text`.as('adjustedOn'),
      'adj.actionId',
      'author.displayName as createdByName',
      'adj.createdAt',
    ])
  if (filter.projectId) query = query.where('adj.projectId', '=', filter.projectId)
  if (filter.fiscalYear) query = query.where('adj.fiscalYear', '=', filter.fiscalYear)
  if (filter.departmentCode) query = query.where('project.departmentCode', '=', filter.departmentCode)
  if (filter.q) {
    const like = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('project.code', 'like', like), eb('project.name', 'like', like), eb('adj.reason', 'like', like)]))
  }
  const order = filter.order ?? 'desc'
  return query.orderBy('adj.adjustedOn', order).orderBy('adj.createdAt', order)
}

export function visibleProject(db: Db | Trx, actor: Actor, id: string) {
  return db
    .selectFrom('project')
    .where('id', '=', id)
    .where(projectVisibleTo(actor))
    .select(['id', 'code', 'name', 'jurisdictionCode', 'departmentCode', 'unitCode', 'fiscalYear', 'status', 'amountFiscal'])
    .executeTakeFirst()
}

/** The filtered payments for an export, a page of EXPORT_BATCH at a time (the list's order, up to `limit` rows). */
export async function* iteratePayments(db: Db, actor: Actor, filter: Partial<PaymentListFilter>, limit: number) {
  const EXPORT_BATCH = 2000
  for (let offset = 0; offset < limit; offset += EXPORT_BATCH) {
    const rows = await listPayments(db, actor, filter).limit(Math.min(EXPORT_BATCH, limit - offset)).offset(offset).execute()
    yield* rows
    if (rows.length < EXPORT_BATCH) return
  }
}
