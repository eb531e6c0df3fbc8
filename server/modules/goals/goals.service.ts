import { randomUUID } from 'node:crypto'
import { checkGoalQuality } from '../../../domain/goal-quality.ts'
import { type GoalApprover, goalApproverOf, type GoalContent, goalEditableStatuses, goalStatusLabels, type GoalView } from '../../../domain/goals.ts'
import { type Db, inTransaction, type Trx } from '../../db/database.ts'
import type { GoalTable } from '../../db/schema.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { findVisibleOrgNode } from '../org/org.repository.ts'
import { getProject } from '../projects/projects.service.ts'
import { IRRELEVANT_BELOW, indicatorRelevance } from '../indicators/indicators.recommend.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { historyTargets, peerTargets, projectFactsOf } from './goals.peers.ts'
import { goalTextColumns, indicatorRowsOf } from './goals.rows.ts'
import * as repo from './goals.repository.ts'
import type { CreateGoalInput, GoalListFilter, UpdateGoalInput } from './goals.schemas.ts'

/** Where a goal sits: its project's unit, or a department (overall goal), or a unit or department (policy). */
interface GoalPlace {
  projectId: string | null
  project: { code: string; jurisdictionCode: string; fiscalYear: number } | null
  jurisdictionCode: string
  departmentCode: string
  unitCode: string | null
}

async function placeOf(db: Db | Trx, ctx: ActorCtx, input: CreateGoalInput): Promise<GoalPlace> {
  if (input.projectId) {
    const project = await getProject(db as Db, ctx, input.projectId)
    if (input.fiscalYear < project.periodStartYear || input.fiscalYear > project.periodEndYear) {
      throw new AppError('RULE_VIOLATION', [{ path: 'fiscalYear', message: String(input.fiscalYear) }], {
        zh: `年度 ${input.fiscalYear} 不在项目实施期 ${project.periodStartYear}–${project.periodEndYear} 内`,
        en: `Year ${input.fiscalYear} is outside the project period ${project.periodStartYear}–${project.periodEndYear}`,
      })
    }
    return { projectId: project.id, project: { code: project.code, jurisdictionCode: project.jurisdictionCode, fiscalYear: input.fiscalYear }, jurisdictionCode: project.jurisdictionCode, departmentCode: project.departmentCode, unitCode: project.unitCode }
  }
  const orgCode = (input.kind === 'policy' ? input.unitCode : undefined) ?? input.departmentCode ?? ctx.actor.org.departmentCode ?? (ctx.actor.org.kind === 'unit' ? ctx.actor.org.code : null)
  const node = orgCode ? await findVisibleOrgNode(db, ctx.actor, orgCode) : undefined
  if (!node || node.kind === 'jurisdiction' || (input.kind === 'department' && node.kind !== 'department')) {
    throw new AppError('NOT_FOUND', [{ path: input.kind === 'policy' ? 'unitCode' : 'departmentCode', message: orgCode ?? '' }])
  }
  return { projectId: null, project: null, jurisdictionCode: node.jurisdictionCode, departmentCode: node.departmentCode ?? node.code, unitCode: node.kind === 'unit' ? node.code : null }
}

/** What the quality check knows of the goal: its kind, place and year; its project and lineage once it has them. */
interface GoalForQuality {
  kind: CreateGoalInput['kind']
  jurisdictionCode: string
  fiscalYear: number
  projectId?: string | null
  /** The goal's own lineage, left out of its peers (an adjustment is not its own peer). */
  lineageId?: string
}

/**
 * The quality check with what the database knows: the rule set, peers' targets (other goals only), last year's
 * targets, the project's period and budget, and how relevant the recommender finds each library indicator.
 */
export async function qualityOf(db: Db | Trx, goal: GoalForQuality, project: GoalPlace['project'], content: GoalContent, codes: (string | null)[]) {
  const { rules } = await effectiveRules(db, goal.jurisdictionCode, goal.fiscalYear)
  const known = [...new Set(codes.filter((c): c is string => !!c))]
  const peers = await peerTargets(db, known, goal.fiscalYear, goal.lineageId)
  const history = project ? await historyTargets(db, project) : undefined
  const facts = goal.projectId ? await projectFactsOf(db, goal.projectId) : undefined
  const relevance = goal.projectId ? { scores: await indicatorRelevance(db, goal.projectId, known), irrelevantBelow: IRRELEVANT_BELOW } : undefined
  return checkGoalQuality(content, { kind: goal.kind, rules, peers, history, indicatorCodes: codes, project: facts, relevance })
}

function duplicateGoal(year: number) {
  return new AppError('DUPLICATE', undefined, { zh: `该对象 ${year} 年度已有绩效目标，请修改原目标或申请调整`, en: `There is already a ${year} goal; edit it or request an adjustment` })
}

/** A unit (or department) starts a goal as a draft; the quality check runs at once and is stored with it. */
export async function createGoal(db: Db | Trx, ctx: ActorCtx, input: CreateGoalInput): Promise<GoalView> {
  const place = await placeOf(db, ctx, input)
  return inTransaction(db, async (trx) => {
    const clash = place.projectId
      ? await repo.findLineageOfProject(trx, place.projectId, input.fiscalYear)
      : input.kind === 'department' ? await repo.findLineageOfDepartment(trx, place.departmentCode, input.fiscalYear) : undefined
    if (clash) throw duplicateGoal(input.fiscalYear)
    const rows = await indicatorRowsOf(trx, input)
    const quality = await qualityOf(trx, { kind: input.kind, jurisdictionCode: place.jurisdictionCode, fiscalYear: input.fiscalYear, projectId: place.projectId }, place.project, input, rows.map((r) => r.indicatorCode))
    const { rules } = await effectiveRules(trx, place.jurisdictionCode, input.fiscalYear)
    const id = await repo.insertGoal(trx, {
      lineageId: randomUUID(),
      kind: input.kind,
      projectId: place.projectId,
      fiscalYear: input.fiscalYear,
      jurisdictionCode: place.jurisdictionCode,
      departmentCode: place.departmentCode,
      unitCode: place.unitCode,
      ...goalTextColumns(input),
      frameworkCode: rules.frameworkCode,
      status: 'draft',
      quality: JSON.stringify(quality),
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    await repo.replaceIndicators(trx, id, rows)
    const created = await readGoal(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'goal.create', entityType: 'goal', entityId: id, after: created })
    return created
  })
}

/** Who approves the goal under its jurisdiction's rules of the year: the department (二级项目) or finance. */
export async function approverOfGoal(db: Db | Trx, goal: Pick<GoalTable, 'kind' | 'jurisdictionCode' | 'fiscalYear'> & { unitCode: string | null; projectId: string | null }): Promise<GoalApprover> {
  const { rules } = await effectiveRules(db, goal.jurisdictionCode, goal.fiscalYear)
  const project = goal.projectId ? await repo.projectFiguresOf(db, goal.projectId) : null
  return goalApproverOf(goal, project ?? null, rules)
}

/** Locks a goal in scope at the expected version, or 404 / 409. */
export async function lockGoal(trx: Trx, ctx: ActorCtx, id: string, version: number) {
  const goal = await repo.lockVisibleGoal(trx, ctx.actor, id)
  if (!goal) throw new AppError('NOT_FOUND')
  assertVersion(goal, version)
  return goal
}

export function assertEditable(goal: { status: GoalTable['status'] }) {
  if (!goalEditableStatuses.includes(goal.status)) {
    throw new AppError('NOT_EDITABLE', undefined, {
      zh: `绩效目标处于“${goalStatusLabels[goal.status].zh}”状态，不能修改；已批复的目标请申请调整`,
      en: `The goal is ${goalStatusLabels[goal.status].en} and cannot be edited; request an adjustment of an approved goal`,
    })
  }
}

/** Rewrites a draft or returned goal's content (name, targets, indicators) and re-runs the quality check. */
export async function updateGoal(db: Db, ctx: ActorCtx, id: string, input: UpdateGoalInput): Promise<GoalView> {
  return db.transaction().execute(async (trx) => {
    const { version, ...content } = input
    const goal = await lockGoal(trx, ctx, id, version)
    assertOwnJurisdiction(ctx.actor, goal)
    assertEditable(goal)
    const before = await readGoal(trx, ctx, id)
    const rows = await indicatorRowsOf(trx, content)
    const project = goal.projectId && before.projectCode ? { code: before.projectCode, jurisdictionCode: goal.jurisdictionCode, fiscalYear: goal.fiscalYear } : null
    const quality = await qualityOf(trx, goal, project, content, rows.map((r) => r.indicatorCode))
    await repo.updateGoalRow(trx, id, { ...goalTextColumns(content), quality: JSON.stringify(quality), updatedAt: ctx.now })
    await repo.replaceIndicators(trx, id, rows)
    const updated = await readGoal(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'goal.update', entityType: 'goal', entityId: id, before, after: updated })
    return updated
  })
}

/** Deletes a draft that never went to review; anything reviewed keeps its history. */
export async function deleteGoal(db: Db, ctx: ActorCtx, id: string, version: number) {
  await db.transaction().execute(async (trx) => {
    const goal = await lockGoal(trx, ctx, id, version)
    assertOwnJurisdiction(ctx.actor, goal)
    if (goal.status !== 'draft' || goal.submittedAt) {
      throw new AppError('NOT_EDITABLE', undefined, { zh: '只有从未提交过的草稿可以删除', en: 'Only a draft that was never submitted can be deleted' })
    }
    const before = await readGoal(trx, ctx, id)
    await repo.deleteGoalRow(trx, id)
    await recordAudit(trx, ctx, { action: 'goal.delete', entityType: 'goal', entityId: id, before })
  })
}

/** The goal with its indicators, as the API returns it. */
export async function readGoal(db: Db | Trx, ctx: ActorCtx, id: string): Promise<GoalView> {
  const row = await repo.findVisibleGoal(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  const indicators = await repo.goalIndicators(db, [id])
  return repo.toGoalView(row, indicators.map(({ goalId: _g, ...i }) => i))
}

export async function listGoals(db: Db, ctx: ActorCtx, filter: GoalListFilter) {
  const { page, pageSize, ...rest } = filter
  return fetchPage(repo.listGoals(db, ctx.actor, rest), { page, pageSize })
}

/** Every goal matching the filter with its indicators (the 申报表 export). */
/** Every goal that matches, up to `max`; more than that is refused (never silently cut) so the user narrows the filter. */
export async function listGoalsForExport(db: Db, ctx: ActorCtx, filter: Partial<Omit<GoalListFilter, 'page' | 'pageSize'>>, max: number): Promise<GoalView[]> {
  const rows = await repo.listGoals(db, ctx.actor, { sort: 'updatedAt', order: 'asc', todo: false, ...filter }).select('goal.quality').limit(max + 1).execute()
  if (rows.length > max) throw new AppError('EXPORT_TOO_LARGE', { max })
  const byGoal = new Map<string, Omit<Awaited<ReturnType<typeof repo.goalIndicators>>[number], 'goalId'>[]>()
  for (const { goalId, ...indicator } of await repo.goalIndicators(db, rows.map((r) => r.id))) byGoal.set(goalId, [...(byGoal.get(goalId) ?? []), indicator])
  return rows.map((row) => repo.toGoalView(row as repo.GoalRowView, byGoal.get(row.id) ?? []))
}

/** The project's goal of a year (any status, newest version), if one exists in the actor's scope. */
export async function findGoalForProject(db: Db, ctx: ActorCtx, projectId: string, fiscalYear: number) {
  const versions = await repo.projectGoalVersions(db, projectId, fiscalYear)
  return versions.length ? readGoal(db, ctx, versions[0]!.id) : null
}

export async function peerTargetsFor(db: Db, codes: string[], fiscalYear: number, excludeLineageId?: string) {
  return [...(await peerTargets(db, codes, fiscalYear, excludeLineageId)).values()]
}
export { indicatorUsageAmong } from './goals.peers.ts'
