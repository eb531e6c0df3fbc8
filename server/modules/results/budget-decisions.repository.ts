import { type ExpressionBuilder, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import type { DecisionListFilter } from './budget-decisions.schemas.ts'

type Eb = ExpressionBuilder<Database, 'budgetDecision' | 'project'>

/**
 * A decision follows its subject's place in the org tree: a unit sees its projects', a department its own and its
 * units', a bureau its jurisdiction's and those below — and a district bureau the city's decision on its transfers.
 * Agencies and experts read no results.
 */
export function decisionVisibleTo(actor: Actor) {
  return (eb: Eb) => {
    if (!actor.permissions.has('results.read')) return eb.val(false)
    if (actor.org.kind === 'unit') return eb('project.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('budgetDecision.departmentCode', '=', actor.org.code)
    return eb.or([
      eb('budgetDecision.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor)),
      eb.and([eb('budgetDecision.subjectKind', '=', 'district'), eb('budgetDecision.subjectOrgCode', 'in', jurisdictionsUnder(eb, actor))]),
    ])
  }
}

const columns = [
  'budgetDecision.id',
  'budgetDecision.jurisdictionCode',
  'budgetDecision.subjectKind',
  'budgetDecision.subjectOrgCode',
  'subjectNode.name as subjectName',
  'budgetDecision.projectId',
  'budgetDecision.projectCode',
  'project.name as projectName',
  'budgetDecision.departmentCode',
  'departmentNode.name as departmentName',
  'project.unitCode',
  'unitNode.name as unitName',
  'budgetDecision.fiscalYear',
  'budgetDecision.sourceType',
  'budgetDecision.sourceId',
  'budgetDecision.grade',
  'budgetDecision.baseAmount',
  'budgetDecision.proposedAction',
  'budgetDecision.cutPercent',
  'budgetDecision.proposedAmount',
  'budgetDecision.recoveredAmount',
  'budgetDecision.openRectifications',
  'budgetDecision.explanation',
  'budgetDecision.decidedAmount',
  'budgetDecision.reason',
  'decider.displayName as decidedByName',
  'budgetDecision.decidedAt',
  'budgetDecision.version',
  'budgetDecision.createdAt',
  'budgetDecision.updatedAt',
] as const

function visible(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('budgetDecision')
    .leftJoin('project', 'project.id', 'budgetDecision.projectId')
    .where(decisionVisibleTo(actor))
    .leftJoin('orgNode as subjectNode', 'subjectNode.code', 'budgetDecision.subjectOrgCode')
    .leftJoin('orgNode as departmentNode', 'departmentNode.code', 'budgetDecision.departmentCode')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .leftJoin('appUser as decider', 'decider.id', 'budgetDecision.decidedBy')
}

function matching(db: Db, actor: Actor, filter: DecisionListFilter) {
  let query = whereEquals(visible(db, actor), filter, {
    fiscalYear: 'budgetDecision.fiscalYear',
    subjectKind: 'budgetDecision.subjectKind',
    grade: 'budgetDecision.grade',
    proposedAction: 'budgetDecision.proposedAction',
    departmentCode: 'budgetDecision.departmentCode',
    projectId: 'budgetDecision.projectId',
  })
  if (filter.decided !== undefined) query = query.where('budgetDecision.decidedAt', filter.decided ? 'is not' : 'is', null)
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('project.name', 'ilike', pattern), eb('budgetDecision.projectCode', 'ilike', pattern), eb('subjectNode.name', 'ilike', pattern)]))
  }
  return query
}

/** The actor's decisions, by department and project code unless sorted. */
export function listDecisions(db: Db, actor: Actor, filter: DecisionListFilter) {
  const sortColumn = { projectCode: 'budgetDecision.projectCode', proposedAmount: 'budgetDecision.proposedAmount', decidedAmount: 'budgetDecision.decidedAmount', updatedAt: 'budgetDecision.updatedAt' } as const
  let query = matching(db, actor, filter).select(columns).select(sql<number>`budget_decision.fiscal_year - 1`.as('evaluatedYear'))
  if (filter.sort) query = query.orderBy(sortColumn[filter.sort], (ob) => (filter.order === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
  else query = query.orderBy('budgetDecision.fiscalYear', 'desc').orderBy('budgetDecision.departmentCode', (ob) => ob.asc().nullsLast()).orderBy('budgetDecision.subjectKind').orderBy('budgetDecision.subjectOrgCode').orderBy('budgetDecision.projectCode')
  return query.orderBy('budgetDecision.id')
}

export function countDecisions(db: Db, actor: Actor, filter: DecisionListFilter) {
  return matching(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('total'))
}

export function findVisibleDecision(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(columns).select(sql<number>`budget_decision.fiscal_year - 1`.as('evaluatedYear')).where('budgetDecision.id', '=', id).executeTakeFirst()
}

export async function lockVisibleDecision(trx: Trx, actor: Actor, id: string) {
  const locked = await trx.selectFrom('budgetDecision').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return locked ? findVisibleDecision(trx, actor, id) : undefined
}

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findVisibleDecision>>>

/** Rectification items of these projects not yet closed (the rectification table; its module owns the rest). */
export async function openRectificationCounts(db: Db | Trx, projectIds: readonly string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('rectification')
    .select(['projectId', sql<number>`count(*)::int`.as('open')])
    .where('projectId', 'in', [...projectIds])
    .where('status', '<>', 'closed')
    .groupBy('projectId')
    .execute()
  return new Map(rows.map((r) => [r.projectId!, Number(r.open)]))
}
