import { type ExpressionBuilder, sql } from 'kysely'
import type { GoalFinding, GoalIndicatorView, GoalOpinionView, GoalView } from '../../../domain/goals.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Database, GoalIndicatorTable, GoalTable } from '../../db/schema.ts'
import type { Insertable, Updateable } from 'kysely'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { goalVisibleTo } from '../../platform/scope.ts'
import type { GoalListFilter } from './goals.schemas.ts'

const goalColumns = [
  'goal.id',
  'goal.lineageId',
  'goal.revision',
  'goal.kind',
  'goal.projectId',
  'project.code as projectCode',
  'project.name as projectName',
  'goal.fiscalYear',
  'goal.jurisdictionCode',
  'goal.departmentCode',
  'departmentNode.name as departmentName',
  'goal.unitCode',
  'unitNode.name as unitName',
  'goal.name',
  'goal.overallTarget',
  'goal.mediumTermTarget',
  'goal.annualTarget',
  'goal.frameworkCode',
  'goal.status',
  'goal.reviewRound',
  'goal.financeGrade',
  'goal.adjustmentReason',
  'goal.basedOnId',
  'goal.quality',
  'goal.submittedAt',
  'goal.approvedAt',
  'goal.publishedAt',
  'goal.inForceFrom',
  'goal.inForceTo',
  'goal.version',
  'goal.createdAt',
  'goal.updatedAt',
] as const

function visibleGoals(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('goal')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'goal.departmentCode')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'goal.unitCode')
    .leftJoin('project', 'project.id', 'goal.projectId')
    .where(goalVisibleTo(actor))
}

/**
 * What waits for the actor (待办): a unit its drafts and returned goals, a department what its units submitted
 * and its own drafts, a finance bureau what passed 初审 in its own jurisdiction (to grade and approve) and what
 * is approved but not yet published, an expert its unanswered assignments.
 */
function waitingFor(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'goal'>) => {
    const p = actor.permissions
    const ors = []
    if (p.has('goal.edit') && actor.org.kind !== 'jurisdiction') {
      ors.push(eb.and([eb('goal.status', 'in', ['draft', 'returned']), actor.org.kind === 'unit' ? eb('goal.unitCode', '=', actor.org.code) : eb('goal.unitCode', 'is', null)]))
    }
    if (p.has('goal.review') && actor.org.kind === 'department') ors.push(eb('goal.status', '=', 'submitted'))
    // A bureau's 待办 is its own jurisdiction's goals: it supervises its districts, it does not act for them.
    const own = eb('goal.jurisdictionCode', '=', actor.org.jurisdictionCode)
    if (p.has('goal.review') && actor.org.kind === 'jurisdiction') ors.push(eb.and([own, eb('goal.status', '=', 'dept_approved')]))
    if (p.has('goal.approve') && actor.org.kind === 'jurisdiction') ors.push(eb.and([own, eb('goal.status', '=', 'approved')]))
    if (p.has('goal.expert_review')) {
      ors.push(eb('goal.id', 'in', eb.selectFrom('goalExpertReview').select('goalId').where('expertId', '=', actor.userId).where('submittedAt', 'is', null).whereRef('goalExpertReview.round', '=', 'goal.reviewRound')))
    }
    return ors.length ? eb.or(ors) : eb.val(false)
  }
}

type ListFilter = Omit<GoalListFilter, 'page' | 'pageSize'>

export function listGoals(db: Db, actor: Actor, filter: ListFilter) {
  let query = visibleGoals(db, actor).select(goalColumns.filter((c) => c !== 'goal.quality')).select(sql<number>`jsonb_array_length(goal.quality)`.as('findingCount'))
  query = whereEquals(query, filter, { projectId: 'goal.projectId', status: 'goal.status', kind: 'goal.kind', fiscalYear: 'goal.fiscalYear', departmentCode: 'goal.departmentCode', unitCode: 'goal.unitCode' })
  if (!filter.status) query = query.where('goal.status', '!=', 'superseded')
  if (filter.q) query = query.where((eb) => eb.or([eb('goal.name', 'ilike', likeContains(filter.q!)), eb('project.code', 'ilike', likeContains(filter.q!))]))
  if (filter.todo) query = query.where(waitingFor(actor))
  const sortColumn = { updatedAt: 'goal.updatedAt', name: 'goal.name', status: 'goal.status', fiscalYear: 'goal.fiscalYear' } as const
  return query.orderBy(sortColumn[filter.sort], filter.order).orderBy('goal.id')
}

export async function findVisibleGoal(db: Db | Trx, actor: Actor, id: string) {
  return visibleGoals(db, actor).select(goalColumns).where('goal.id', '=', id).executeTakeFirst()
}

/** Locks the goal row for a workflow move (the scope check rides along). */
export async function lockVisibleGoal(trx: Trx, actor: Actor, id: string) {
  return trx.selectFrom('goal').selectAll().where('goal.id', '=', id).where(goalVisibleTo(actor)).forUpdate().executeTakeFirst()
}

/** The figures that decide who approves a project's goal (and whether it is major). */
export async function projectFiguresOf(db: Db | Trx, projectId: string) {
  return db.selectFrom('project').select(['isMajorNew', 'amountTotal']).where('id', '=', projectId).executeTakeFirst()
}

export async function findGoalRow(db: Db | Trx, id: string) {
  return db.selectFrom('goal').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function goalIndicators(db: Db | Trx, goalIds: string[]): Promise<(GoalIndicatorView & { goalId: string })[]> {
  if (!goalIds.length) return []
  return db
    .selectFrom('goalIndicator')
    .leftJoin('indicator', 'indicator.id', 'goalIndicator.indicatorId')
    .select([
      'goalIndicator.id',
      'goalIndicator.goalId',
      'goalIndicator.level1',
      'goalIndicator.level2',
      'goalIndicator.name',
      'goalIndicator.indicatorId',
      'goalIndicator.indicatorCode',
      'indicator.revision as indicatorRevision',
      'goalIndicator.nature',
      'goalIndicator.target',
      'goalIndicator.unit',
      'goalIndicator.mediumTermTarget',
      'goalIndicator.weight',
      'goalIndicator.valueBasis',
      'goalIndicator.scoringRule',
    ])
    .where('goalIndicator.goalId', 'in', goalIds)
    .orderBy('goalIndicator.goalId')
    .orderBy('goalIndicator.sortOrder')
    .execute()
}

export async function goalOpinions(db: Db | Trx, goalIds: string[]): Promise<(GoalOpinionView & { goalId: string })[]> {
  const rows = await db
    .selectFrom('goalOpinion')
    .leftJoin('appUser', 'appUser.id', 'goalOpinion.actorId')
    .leftJoin('orgNode', 'orgNode.code', 'goalOpinion.orgCode')
    .select(['goalOpinion.id', 'goalOpinion.goalId', 'goalOpinion.round', 'goalOpinion.stage', 'goalOpinion.action', 'goalOpinion.grade', 'goalOpinion.dimensions', 'goalOpinion.opinion', 'appUser.displayName as actorName', 'orgNode.name as orgName', 'goalOpinion.createdAt'])
    .where('goalOpinion.goalId', 'in', goalIds)
    .orderBy('goalOpinion.seq')
    .execute()
  return rows.map((r) => ({ ...r, dimensions: (r.dimensions ?? {}) as GoalOpinionView['dimensions'], createdAt: new Date(r.createdAt).toISOString() }))
}

/** Every version of a lineage, newest first. */
export async function lineageVersions(db: Db | Trx, lineageId: string) {
  return db
    .selectFrom('goal')
    .select(['id', 'revision', 'status', 'adjustmentReason', 'approvedAt', 'inForceFrom', 'inForceTo', 'createdAt'])
    .where('lineageId', '=', lineageId)
    .orderBy('revision', 'desc')
    .execute()
}

export async function insertGoal(trx: Trx, row: Insertable<GoalTable>) {
  return (await trx.insertInto('goal').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateGoalRow(trx: Trx, id: string, set: Updateable<GoalTable>) {
  await trx
    .updateTable('goal')
    .set({ ...set, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

export async function replaceIndicators(trx: Trx, goalId: string, rows: Omit<Insertable<GoalIndicatorTable>, 'goalId' | 'sortOrder'>[]) {
  await trx.deleteFrom('goalIndicator').where('goalId', '=', goalId).execute()
  if (rows.length) await trx.insertInto('goalIndicator').values(rows.map((r, i) => ({ ...r, goalId, sortOrder: i + 1 }))).execute()
}

export async function insertOpinion(trx: Trx, row: Insertable<Database['goalOpinion']>) {
  await trx.insertInto('goalOpinion').values(row).execute()
}

export async function deleteGoalRow(trx: Trx, id: string) {
  await trx.deleteFrom('goal').where('id', '=', id).execute()
}

/** The goal of a project and year that another version would clash with (any revision of its lineage). */
export async function findLineageOfProject(db: Db | Trx, projectId: string, fiscalYear: number) {
  return db.selectFrom('goal').select(['lineageId']).where('projectId', '=', projectId).where('fiscalYear', '=', fiscalYear).executeTakeFirst()
}

export async function findLineageOfDepartment(db: Db | Trx, departmentCode: string, fiscalYear: number) {
  return db.selectFrom('goal').select(['lineageId']).where('kind', '=', 'department').where('departmentCode', '=', departmentCode).where('fiscalYear', '=', fiscalYear).executeTakeFirst()
}

/** The newest version of a lineage (the one an adjustment would follow). */
export async function latestRevision(db: Db | Trx, lineageId: string) {
  return db.selectFrom('goal').selectAll().where('lineageId', '=', lineageId).orderBy('revision', 'desc').limit(1).executeTakeFirst()
}

/** Library rows by id, for the code and revision a goal keeps. */
export async function libraryRows(db: Db | Trx, ids: string[]) {
  if (!ids.length) return []
  return db.selectFrom('indicator').select(['id', 'code', 'revision', 'status']).where('id', 'in', ids).execute()
}

/** A project's goals of one year, every version, newest first: what the gates and the project page read. */
export async function projectGoalVersions(db: Db | Trx, projectId: string, fiscalYear: number) {
  return db.selectFrom('goal').selectAll().where('projectId', '=', projectId).where('fiscalYear', '=', fiscalYear).orderBy('revision', 'desc').execute()
}

export async function projectGoalVersionsAllYears(db: Db | Trx, projectId: string) {
  return db.selectFrom('goal').select(['id', 'inForceFrom', 'inForceTo']).where('projectId', '=', projectId).orderBy('fiscalYear', 'desc').orderBy('revision', 'desc').execute()
}

export type GoalRowView = NonNullable<Awaited<ReturnType<typeof findVisibleGoal>>>

export function toGoalView(row: GoalRowView, indicators: GoalIndicatorView[]): GoalView {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
  return {
    ...row,
    quality: (row.quality ?? []) as GoalFinding[],
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    publishedAt: iso(row.publishedAt),
    inForceFrom: iso(row.inForceFrom),
    inForceTo: iso(row.inForceTo),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    indicators,
  }
}
