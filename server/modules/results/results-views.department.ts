import { type ExpressionBuilder, sql } from 'kysely'
import { metricRate } from '../../../domain/assessment.ts'
import { chinaDay } from '../../../domain/corrective-actions.ts'
import type { Db } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage, likeContains } from '../../http/paging.ts'
import { orgNodeVisibleTo } from '../../platform/scope.ts'
import { decisionVisibleTo } from './budget-decisions.repository.ts'
import { rectificationVisibleTo } from './rectifications.repository.ts'
import type { ResultsDepartmentListFilter } from './results-views.schemas.ts'

const LIST_LIMIT = 200
const money = (column: string) => sql<string>`coalesce(sum(${sql.ref(column)}), 0)::numeric(18,2)::text`

/** Open and overdue items of a department, as correlated counts on `orgNode` (the department row). */
function itemCounts(eb: ExpressionBuilder<Database, 'orgNode'>, today: string) {
  const open = eb.selectFrom('rectification').whereRef('rectification.departmentCode', '=', 'orgNode.code').where('rectification.status', '<>', 'closed')
  return [
    open.select(sql<number>`count(*)::int`.as('n')).as('openItems'),
    open.where('rectification.dueOn', '<', today).select(sql<number>`count(*)::int`.as('n')).as('overdueItems'),
  ] as const
}

/**
 * 部门绩效结果 list: the departments the actor sees (its own; a bureau's and those of the districts below), each with
 * its open and overdue rectification items and its latest 考核 grade. Units see no department's results.
 */
export async function listResultDepartments(db: Db, ctx: ActorCtx, filter: ResultsDepartmentListFilter, page: { page: number; pageSize: number }) {
  const today = chinaDay(ctx.now)
  let query = db
    .selectFrom('orgNode')
    .innerJoin('orgNode as jurisdictionNode', 'jurisdictionNode.code', 'orgNode.jurisdictionCode')
    .where('orgNode.kind', '=', 'department')
    .where(orgNodeVisibleTo(ctx.actor))
  if (filter.jurisdictionCode) query = query.where('orgNode.jurisdictionCode', '=', filter.jurisdictionCode)
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('orgNode.name', 'ilike', pattern), eb('orgNode.code', 'ilike', pattern)]))
  }
  const counted = query.select((eb) => eb.fn.countAll<number>().as('total'))
  let rows = query.select((eb) => [
    'orgNode.code',
    'orgNode.name',
    'orgNode.jurisdictionCode',
    'jurisdictionNode.name as jurisdictionName',
    ...itemCounts(eb, today),
    eb.selectFrom('assessment').select('assessment.grade').whereRef('assessment.orgCode', '=', 'orgNode.code').where('assessment.grade', 'is not', null).orderBy('assessment.fiscalYear', 'desc').limit(1).as('lastAssessmentGrade'),
    eb.selectFrom('assessment').select('assessment.fiscalYear').whereRef('assessment.orgCode', '=', 'orgNode.code').where('assessment.grade', 'is not', null).orderBy('assessment.fiscalYear', 'desc').limit(1).as('lastAssessmentYear'),
  ])
  const direction = filter.order
  if (filter.sort === 'openItems' || filter.sort === 'overdueItems') rows = rows.orderBy(sql.ref(filter.sort), direction)
  if (filter.sort === 'code') rows = rows.orderBy('orgNode.code', direction)
  else rows = rows.orderBy('orgNode.jurisdictionCode').orderBy('orgNode.code')
  const result = await fetchPage(rows, page, counted)
  return { ...result, items: result.items.map((r) => ({ ...r, openItems: Number(r.openItems ?? 0), overdueItems: Number(r.overdueItems ?? 0) })) }
}

/**
 * 部门绩效结果 (issue 13): a department's 考核 history, its open rectification items, its budget decisions and the
 * grade distribution of its projects per year. Seen by the department and the bureaus above it; otherwise 404.
 */
export async function departmentResults(db: Db, ctx: ActorCtx, orgCode: string) {
  const { actor } = ctx
  const today = chinaDay(ctx.now)
  const department = await db
    .selectFrom('orgNode')
    .innerJoin('orgNode as jurisdictionNode', 'jurisdictionNode.code', 'orgNode.jurisdictionCode')
    .select(['orgNode.code', 'orgNode.name', 'orgNode.jurisdictionCode', 'jurisdictionNode.name as jurisdictionName'])
    .where('orgNode.code', '=', orgCode)
    .where('orgNode.kind', '=', 'department')
    .where(orgNodeVisibleTo(actor))
    .executeTakeFirst()
  if (!department) throw new AppError('NOT_FOUND')

  const items = db.selectFrom('rectification').where(rectificationVisibleTo(actor)).where('rectification.departmentCode', '=', orgCode)
  const decisions = db.selectFrom('budgetDecision').leftJoin('project', 'project.id', 'budgetDecision.projectId').where(decisionVisibleTo(actor)).where('budgetDecision.departmentCode', '=', orgCode)

  const [assessments, rectificationFigures, openItems, decisionYears, budgetDecisions, selfGrades, keyGrades] = await Promise.all([
    db
      .selectFrom('assessment')
      .select(['id', 'fiscalYear', 'status', 'total', 'grade', 'rank'])
      .where('orgCode', '=', orgCode)
      .orderBy('fiscalYear', 'desc')
      .execute(),
    items
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`(count(*) filter (where rectification.status = 'closed'))::int`.as('closed'),
        sql<number>`(count(*) filter (where rectification.status <> 'closed' and rectification.due_on < ${today}))::int`.as('overdue'),
      ])
      .executeTakeFirstOrThrow(),
    items
      .leftJoin('project', 'project.id', 'rectification.projectId')
      .innerJoin('orgNode as ownerNode', 'ownerNode.code', 'rectification.ownerCode')
      .select(['rectification.id', 'rectification.fiscalYear', 'rectification.sourceType', 'rectification.problem', 'rectification.status', 'rectification.dueOn', 'rectification.projectId', 'project.name as projectName', 'ownerNode.name as ownerName'])
      .where('rectification.status', '<>', 'closed')
      .orderBy('rectification.dueOn')
      .orderBy('rectification.id')
      .limit(LIST_LIMIT)
      .execute(),
    decisions
      .select(['budgetDecision.fiscalYear', sql<number>`count(*)::int`.as('count'), sql<number>`count(budget_decision.decided_at)::int`.as('decided'), money('budgetDecision.proposedAmount').as('proposedAmount'), money('budgetDecision.decidedAmount').as('decidedAmount')])
      .groupBy('budgetDecision.fiscalYear')
      .orderBy('budgetDecision.fiscalYear', 'desc')
      .execute(),
    decisions
      .select(['budgetDecision.id', 'budgetDecision.subjectKind', 'budgetDecision.projectId', 'budgetDecision.projectCode', 'project.name as projectName', 'budgetDecision.fiscalYear', 'budgetDecision.grade', 'budgetDecision.proposedAction', 'budgetDecision.proposedAmount', 'budgetDecision.decidedAmount', 'budgetDecision.decidedAt'])
      .orderBy('budgetDecision.fiscalYear', 'desc')
      .orderBy('budgetDecision.subjectKind')
      .orderBy('budgetDecision.projectCode')
      .limit(LIST_LIMIT)
      .execute(),
    db
      .selectFrom('selfEvalForm')
      .innerJoin('project', 'project.id', 'selfEvalForm.projectId')
      .select(['selfEvalForm.fiscalYear', 'selfEvalForm.grade', sql<number>`count(*)::int`.as('count')])
      .where('project.departmentCode', '=', orgCode)
      .where('selfEvalForm.grade', 'is not', null)
      .where('selfEvalForm.status', '=', 'accepted')
      .groupBy(['selfEvalForm.fiscalYear', 'selfEvalForm.grade'])
      .execute(),
    db
      .selectFrom('keyEvaluation')
      .innerJoin('project', 'project.id', 'keyEvaluation.projectId')
      .select(['keyEvaluation.fiscalYear', 'keyEvaluation.grade', sql<number>`count(*)::int`.as('count')])
      .where('project.departmentCode', '=', orgCode)
      .where('keyEvaluation.grade', 'is not', null)
      .groupBy(['keyEvaluation.fiscalYear', 'keyEvaluation.grade'])
      .execute(),
  ])
  const gradeDistribution = [...selfGrades.map((g) => ({ source: 'self_evaluation' as const, ...g })), ...keyGrades.map((g) => ({ source: 'key_evaluation' as const, ...g }))]
    .map((g) => ({ ...g, count: Number(g.count) }))
    .sort((a, b) => b.fiscalYear - a.fiscalYear || a.source.localeCompare(b.source) || '优良中差'.indexOf(a.grade!) - '优良中差'.indexOf(b.grade!))
  const { total, closed, overdue } = rectificationFigures
  return {
    department,
    assessments,
    rectifications: { total: Number(total), closed: Number(closed), open: Number(total) - Number(closed), overdue: Number(overdue), closureRate: closureRate(Number(closed), Number(total)) },
    openItems: openItems.map((r) => ({ ...r, overdue: r.dueOn < today })),
    decisionYears: decisionYears.map((y) => ({ ...y, count: Number(y.count), decided: Number(y.decided) })),
    budgetDecisions,
    gradeDistribution,
  }
}

/** Closed items in percent of all, two places (the 考核 metric's rate, rule 47); null when there are none. */
export const closureRate = (closed: number, total: number) => metricRate({ numerator: closed, denominator: total })?.toFixed(2) ?? null
