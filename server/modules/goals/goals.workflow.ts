import { hasBlockingFindings } from '../../../domain/goal-quality.ts'
import {
  canTakeGoalAction,
  type GoalAction,
  goalActionLabels,
  type GoalFinding,
  goalInForceStatuses,
  type GoalReviewInput,
  type GoalStatus,
  goalStatusLabels,
  type ReviewStage,
  editsMadeSinceGrade,
  statusAfterGrade,
  statusOnSubmit,
} from '../../../domain/goals.ts'
import { errorCatalog } from '../../../domain/errors.ts'
import type { Permission } from '../../../domain/roles.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { GoalTable } from '../../db/schema.ts'
import type { Selectable, Updateable } from 'kysely'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { publishGoalCopy } from './goals.publication.ts'
import * as repo from './goals.repository.ts'
import { approverOfGoal, lockGoal, qualityOf, readGoal } from './goals.service.ts'

type GoalRow = Selectable<GoalTable>

/**
 * Who takes each action: the compiler submits, the department does 初审, the finance bureau 复审, 批复 and 公开.
 * 批复 of a goal still at the department (submitted) is the department's own, where the rule set gives it that.
 */
const actionRole: Record<GoalAction, { permission: Permission; at: 'compiler' | 'department' | 'finance' | 'reviewer' }> = {
  submit: { permission: 'goal.edit', at: 'compiler' },
  withdraw: { permission: 'goal.edit', at: 'compiler' },
  return: { permission: 'goal.review', at: 'reviewer' },
  dept_approve: { permission: 'goal.review', at: 'department' },
  review: { permission: 'goal.review', at: 'finance' },
  approve: { permission: 'goal.approve', at: 'reviewer' },
  publish: { permission: 'goal.approve', at: 'finance' },
}

/** The stage whose reviewer acts on a goal in this status: 初审 by the department, 复审 by finance. */
const reviewerStageOf = (status: GoalStatus): ReviewStage => (status === 'submitted' ? 'dept' : 'finance')

function assertActor(ctx: ActorCtx, action: GoalAction, goal: GoalRow) {
  const { at } = actionRole[action]
  // A department approves with its review permission (it holds no goal.approve); finance with goal.approve.
  const permission = action === 'approve' && reviewerStageOf(goal.status) === 'dept' ? 'goal.review' : actionRole[action].permission
  const kind = ctx.actor.org.kind
  const allowed =
    ctx.actor.permissions.has(permission) &&
    (at === 'compiler' ? kind !== 'jurisdiction' || ctx.actor.permissions.has('goal.approve')
      : at === 'department' ? kind === 'department'
      : at === 'finance' ? kind === 'jurisdiction'
      : (reviewerStageOf(goal.status) === 'dept' ? kind === 'department' : kind === 'jurisdiction'))
  if (!allowed) throw new AppError('FORBIDDEN')
  // 复审, 批复 and 公开 by the bureau whose budget it is; a city supervises its districts' goals read-only.
  assertOwnJurisdiction(ctx.actor, goal)
}

function assertTransition(action: GoalAction, goal: GoalRow) {
  if (!canTakeGoalAction(action, goal.status)) {
    throw new AppError('INVALID_TRANSITION', { from: goal.status, action }, {
      zh: `绩效目标处于“${goalStatusLabels[goal.status].zh}”状态，不能“${goalActionLabels[action].zh}”`,
      en: `A goal that is ${goalStatusLabels[goal.status].en} cannot be ${goalActionLabels[action].en.toLowerCase()}ed`,
    })
  }
}

interface MoveInput {
  version: number
  opinion?: string
  review?: GoalReviewInput
}

/** One workflow move in its own transaction: lock, check version, role and transition, write, record opinion and audit. */
export async function actOnGoal(db: Db, ctx: ActorCtx, id: string, action: GoalAction, input: MoveInput) {
  return db.transaction().execute(async (trx) => {
    const goal = await lockGoal(trx, ctx, id, input.version)
    assertActor(ctx, action, goal)
    assertTransition(action, goal)
    const before = { status: goal.status, financeGrade: goal.financeGrade, reviewRound: goal.reviewRound }
    const { set, stage } = await moveOf(trx, ctx, action, goal, input)
    await repo.updateGoalRow(trx, id, { ...set, updatedAt: ctx.now })
    await repo.insertOpinion(trx, {
      goalId: id,
      round: goal.reviewRound,
      stage,
      action,
      grade: input.review?.grade ?? null,
      dimensions: JSON.stringify(input.review?.dimensions ?? {}),
      opinion: input.review?.opinion ?? input.opinion ?? '',
      actorId: ctx.actor.userId,
      orgCode: ctx.actor.org.code,
      createdAt: ctx.now,
    })
    const after = await readGoal(trx, ctx, id)
    await recordAudit(trx, ctx, { action: `goal.${action}`, entityType: 'goal', entityId: id, before, after: { status: after.status, financeGrade: after.financeGrade, opinion: input.review?.opinion ?? input.opinion ?? null } })
    return after
  })
}

async function moveOf(trx: Trx, ctx: ActorCtx, action: GoalAction, goal: GoalRow, input: MoveInput): Promise<{ set: Updateable<GoalTable>; stage: ReviewStage | 'unit' }> {
  switch (action) {
    case 'submit': {
      const findings = await freshQuality(trx, ctx, goal)
      if (hasBlockingFindings(findings)) throw new AppError('GOAL_QUALITY', findings.filter((f) => f.severity === 'error'))
      const { rules } = await effectiveRules(trx, goal.jurisdictionCode, goal.fiscalYear)
      const consequence = goal.status === 'returned' && goal.financeGrade ? rules.reviewConsequences[goal.financeGrade] : null
      const status = statusOnSubmit(goal, consequence)
      // After 良 the grade stands and the goal returns to finance for 批复; any other resubmission is graded afresh.
      const financeGrade = consequence === 'proceed_after_edits' ? goal.financeGrade : null
      return { set: { status, submittedAt: ctx.now, quality: JSON.stringify(findings), financeGrade }, stage: 'unit' }
    }
    case 'withdraw':
      return { set: { status: 'draft' }, stage: 'unit' }
    case 'return':
      return { set: { status: 'returned', reviewRound: goal.reviewRound + 1 }, stage: reviewerStageOf(goal.status) }
    case 'dept_approve':
      return { set: { status: 'dept_approved' }, stage: 'dept' }
    case 'review': {
      const { rules } = await effectiveRules(trx, goal.jurisdictionCode, goal.fiscalYear)
      const status = statusAfterGrade(rules.reviewConsequences[input.review!.grade])
      return { set: { status, financeGrade: input.review!.grade, ...(status === 'returned' && { reviewRound: goal.reviewRound + 1 }) }, stage: 'finance' }
    }
    case 'approve': {
      const stage = reviewerStageOf(goal.status)
      await (stage === 'dept' ? assertDepartmentApproves(trx, goal) : assertApprovable(trx, goal))
      await supersedePrevious(trx, ctx, goal)
      return { set: { status: 'approved', approvedAt: ctx.now, approvedBy: ctx.actor.userId, inForceFrom: ctx.now }, stage }
    }
    case 'publish':
      // The frozen public copy first: a goal marked not to publish (公开审核) is refused here.
      await publishGoalCopy(trx, ctx, goal.id)
      return { set: { status: 'published', publishedAt: ctx.now }, stage: 'finance' }
  }
}

/**
 * 批复 needs a 复审 grade whose consequence lets the goal proceed: 优 at once; 良 only 修改完善后, i.e. once the unit
 * has made the agreed edits and submitted the goal again (88号, REFERENCE §4.4 and §13.21).
 */
async function assertApprovable(trx: Trx, goal: GoalRow) {
  const { rules } = await effectiveRules(trx, goal.jurisdictionCode, goal.fiscalYear)
  const consequence = goal.financeGrade ? rules.reviewConsequences[goal.financeGrade] : null
  if (consequence === 'proceed') return
  if (consequence === 'proceed_after_edits') {
    const actions = (await repo.goalOpinions(trx, [goal.id])).map((o) => o.action)
    if (editsMadeSinceGrade(actions)) return
    throw new AppError('GATE_BLOCKED', { financeGrade: goal.financeGrade, gate: 'edits' }, {
      zh: `复审等级为“${goal.financeGrade}”：须由单位按复审意见修改完善并重新提交后方可批复`,
      en: `Reviewed as ${goal.financeGrade}: the unit must make the agreed edits and submit the goal again before it is approved`,
    })
  }
  throw new AppError('GATE_BLOCKED', { financeGrade: goal.financeGrade }, goal.financeGrade
    ? { zh: `复审等级为“${goal.financeGrade}”，不能批复`, en: `Reviewed as ${goal.financeGrade}: the goal cannot be approved` }
    : { zh: '请先完成财政复审并评定等级，再批复', en: 'Grade the goal in the finance review before approving it' })
}

/** A department's 批复 is final only for the goals the rule set leaves to it (二级项目, §4.4); the rest go to finance. */
async function assertDepartmentApproves(trx: Trx, goal: GoalRow) {
  if ((await approverOfGoal(trx, goal)) === 'department') return
  throw new AppError('FORBIDDEN', { approver: 'finance' }, {
    zh: '该绩效目标由财政部门复审、批复：请初审通过后报送财政',
    en: 'The finance bureau reviews and approves this goal: pass the first review to send it on',
  })
}

/** An approved adjustment replaces the version in force: that one stays readable, marked superseded, in force until now. */
async function supersedePrevious(trx: Trx, ctx: ActorCtx, goal: GoalRow) {
  if (!goal.basedOnId) return
  const previous = await repo.findGoalRow(trx, goal.basedOnId)
  if (!previous || !goalInForceStatuses.includes(previous.status)) return
  await repo.updateGoalRow(trx, previous.id, { status: 'superseded', inForceTo: ctx.now, updatedAt: ctx.now })
  await recordAudit(trx, ctx, { action: 'goal.approve', entityType: 'goal', entityId: previous.id, before: { status: previous.status }, after: { status: 'superseded', supersededBy: goal.id } })
}

async function freshQuality(trx: Trx, ctx: ActorCtx, goal: GoalRow): Promise<GoalFinding[]> {
  const view = await readGoal(trx, ctx, goal.id)
  const project = view.projectCode ? { code: view.projectCode, jurisdictionCode: goal.jurisdictionCode, fiscalYear: goal.fiscalYear } : null
  return qualityOf(trx, goal, project, view, view.indicators.map((i) => i.indicatorCode))
}

/** Batch moves for reviewers: each goal moves in its own transaction; the answer says which moved and why not. */
export async function batchAct(db: Db, ctx: ActorCtx, input: { action: 'dept_approve' | 'approve' | 'publish'; items: { id: string; version: number }[]; opinion: string }) {
  const results = []
  for (const item of input.items) {
    try {
      const goal = await actOnGoal(db, ctx, item.id, input.action, { version: item.version, opinion: input.opinion })
      results.push({ id: item.id, ok: true as const, status: goal.status, version: goal.version })
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error
      const message = (error.messageOverride ?? errorCatalog[error.code])[ctx.lang]
      results.push({ id: item.id, ok: false as const, code: error.code, message })
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length }
}
