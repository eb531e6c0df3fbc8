import type { Db, Trx } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { orgNodeVisibleTo } from '../../platform/scope.ts'
import type { AssessmentListFilter } from './assessments.schemas.ts'

/** The departments of a bureau's own jurisdiction and the district bureaus directly below it: whom it assesses. */
export function assessableOrgs(db: Db | Trx, bureau: string) {
  return db
    .selectFrom('orgNode')
    .select(['code', 'kind'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb.and([eb('kind', '=', 'department'), eb('jurisdictionCode', '=', bureau)]), eb.and([eb('kind', '=', 'jurisdiction'), eb('parentCode', '=', bureau)])]))
    .orderBy('code')
    .execute()
}

/** An assessment is seen where its assessed org is seen: the org itself and every bureau above it. */
function visible(db: Db | Trx, actor: Actor) {
  return db.selectFrom('assessment').innerJoin('orgNode', 'orgNode.code', 'assessment.orgCode').where(orgNodeVisibleTo(actor))
}

const columns = [
  'assessment.id',
  'assessment.jurisdictionCode',
  'assessment.orgCode',
  'orgNode.name as orgName',
  'assessment.orgKind',
  'assessment.fiscalYear',
  'assessment.status',
  'assessment.dueOn',
  'assessment.total',
  'assessment.grade',
  'assessment.rank',
  'assessment.totalExplanation',
  'assessment.version',
  'assessment.createdAt',
  'assessment.updatedAt',
] as const

export function listAssessments(db: Db, actor: Actor, filter: AssessmentListFilter) {
  let q = visible(db, actor).select(columns)
  if (filter.fiscalYear) q = q.where('assessment.fiscalYear', '=', filter.fiscalYear)
  if (filter.status) q = q.where('assessment.status', '=', filter.status)
  if (filter.orgCode) q = q.where('assessment.orgCode', '=', filter.orgCode)
  if (filter.orgKind) q = q.where('assessment.orgKind', '=', filter.orgKind)
  const sortColumn = { orgCode: 'assessment.orgCode', fiscalYear: 'assessment.fiscalYear', total: 'assessment.total', rank: 'assessment.rank', updatedAt: 'assessment.updatedAt' } as const
  if (filter.sort) q = q.orderBy(sortColumn[filter.sort], (ob) => (filter.order === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
  // Unsorted: the latest year first, departments before districts, by rank once published.
  return q.orderBy('assessment.fiscalYear', 'desc').orderBy('assessment.orgKind').orderBy('assessment.rank', (ob) => ob.asc().nullsLast()).orderBy('assessment.orgCode').orderBy('assessment.id')
}

export function findAssessment(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(columns).where('assessment.id', '=', id).executeTakeFirst()
}
