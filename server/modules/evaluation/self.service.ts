import { selfFormAccepted } from './evaluation.listeners.ts'
import Decimal from 'decimal.js'
import { selfEvalStatusLabels, selfEvalSubmittedStatuses, type SelfEvalStatus } from '../../../domain/evaluation.ts'
import { executionRate } from '../../../domain/monitoring-dashboard.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Grade } from '../../../domain/scoring.ts'
import { scoreSelfEvaluation, type SelfEvalInput, type SelfEvalProblem, type SelfEvalResult } from '../../../domain/self-evaluation.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { enqueueJob } from '../../platform/jobs.ts'
import { orgNodeVisibleTo } from '../../platform/scope.ts'
import { assertOwnJurisdiction, onlySupervises } from '../../platform/supervision.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { assertBeforeSelfDeadline, pastSelfDeadline, selfFormDeadline } from './self.deadline.ts'
import { openSelfRoundJob } from './self.jobs.ts'
import { selfEvaluatedProjectStatuses } from './self.open.ts'
import * as repo from './self.repository.ts'
import type {
  OpenSelfRoundInput,
  SelfCoverage,
  SelfCoverageDepartment,
  SelfFormDetail,
  SelfFormListFilter,
  SelfFormListItem,
  SelfRoundDetail,
  SelfRoundListFilter,
  SelfRoundView,
  UpdateSelfFormInput,
  UpdateSelfRoundInput,
} from './self.schemas.ts'

const iso = (d: Date | string) => new Date(d).toISOString()
const two = (d: Decimal.Value) => new Decimal(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
const nullableTwo = (d: Decimal.Value | null) => (d === null ? null : two(d))

// ---------------------------------------------------------------------------------------------------------------
// Rounds

function roundView(row: repo.SelfRoundRow, counts: Record<string, number> | undefined): SelfRoundView {
  const c = counts ?? {}
  const n = (s: string) => c[s] ?? 0
  return {
    id: row.id,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    fiscalYear: row.fiscalYear,
    name: row.name,
    deadline: iso(row.deadline),
    status: row.status,
    jobId: row.jobId,
    counts: { total: Object.values(c).reduce((a, b) => a + b, 0), draft: n('draft'), submitted: n('submitted'), deptAccepted: n('dept_accepted'), returned: n('returned'), accepted: n('accepted') },
    version: row.version,
    createdAt: iso(row.createdAt),
  }
}

export async function listSelfRounds(db: Db, ctx: ActorCtx, filter: SelfRoundListFilter, page: { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    repo.listRounds(db, ctx.actor, filter).limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
    repo.countRounds(db, ctx.actor, filter).executeTakeFirstOrThrow(),
  ])
  const counts = await repo.roundCounts(db, ctx.actor, rows.map((r) => r.id))
  return { items: rows.map((r) => roundView(r, counts.get(r.id))), total: Number(count.total), page: page.page, pageSize: page.pageSize }
}

/** Every round matching the filter, for the Excel list export (bounded). */
export async function allSelfRounds(db: Db, ctx: ActorCtx, filter: SelfRoundListFilter) {
  const rows = await repo.listRounds(db, ctx.actor, filter).limit(1000).execute()
  const counts = await repo.roundCounts(db, ctx.actor, rows.map((r) => r.id))
  return rows.map((r) => roundView(r, counts.get(r.id)))
}

export async function mustFindSelfRound(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findRound(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function getSelfRound(db: Db | Trx, ctx: ActorCtx, id: string): Promise<SelfRoundDetail> {
  const row = await mustFindSelfRound(db, ctx, id)
  const counts = await repo.roundCounts(db, ctx.actor, [row.id])
  const job = row.jobId ? await db.selectFrom('jobRun').select(['id', 'status', 'done', 'total', 'message']).where('id', '=', row.jobId).executeTakeFirst() : undefined
  return { ...roundView(row, counts.get(row.id)), job: job ?? null }
}

/**
 * A finance bureau opens the year's self-evaluation round of its own jurisdiction: the row is written 'opening' with
 * its audit row and its queued job in one transaction; the job creates the 自评表 (self.open.ts).
 */
export async function openSelfRound(db: Db, ctx: ActorCtx, input: OpenSelfRoundInput) {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  const jurisdictionCode = ctx.actor.org.jurisdictionCode
  if (input.deadline <= ctx.now) {
    throw new AppError('RULE_VIOLATION', [{ path: 'deadline', message: ctx.lang === 'zh' ? '自评截止时间须晚于现在' : 'The deadline must be in the future' }], { zh: '自评截止时间须晚于现在', en: 'The deadline must be in the future' })
  }
  const name = input.name ?? `${input.fiscalYear}年度单位绩效自评`
  return db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('selfEvalRound').select('id').where('jurisdictionCode', '=', jurisdictionCode).where('fiscalYear', '=', input.fiscalYear).executeTakeFirst()
    if (clash) throw new AppError('DUPLICATE', [{ path: 'fiscalYear', message: String(input.fiscalYear) }], { zh: `${input.fiscalYear} 年度已发起单位自评`, en: `The ${input.fiscalYear} self-evaluation round is already open` })
    const inserted = await trx
      .insertInto('selfEvalRound')
      .values({ jurisdictionCode, fiscalYear: input.fiscalYear, name, deadline: input.deadline, status: 'opening', openedBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow()
    const { jobRunId } = await enqueueJob(trx, openSelfRoundJob, { roundId: inserted.id }, { createdBy: ctx.actor.userId, jurisdictionCode, entityType: 'self_eval_round', entityId: inserted.id })
    await trx.updateTable('selfEvalRound').set({ jobId: jobRunId }).where('id', '=', inserted.id).execute()
    const round = await getSelfRound(trx, ctx, inserted.id)
    await recordAudit(trx, ctx, { action: 'evaluation.self_round_open', entityType: 'self_eval_round', entityId: round.id, after: round })
    return { round, jobRunId }
  })
}

/** Name, deadline or closing, by the round's own bureau. */
export async function updateSelfRound(db: Db, ctx: ActorCtx, id: string, input: UpdateSelfRoundInput) {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findRound(trx, ctx.actor, id)
    if (!row) throw new AppError('NOT_FOUND')
    assertOwnJurisdiction(ctx.actor, row)
    const locked = await trx.selectFrom('selfEvalRound').select(['version', 'status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
    assertVersion(locked, input.version)
    if (locked.status !== 'open') {
      throw new AppError('NOT_EDITABLE', { status: locked.status }, locked.status === 'opening' ? { zh: '自评批次正在生成自评表，请稍后再试', en: 'The forms of this round are still being created; try again shortly' } : { zh: '自评批次已结束', en: 'The round is closed' })
    }
    const before = await getSelfRound(trx, ctx, id)
    await trx
      .updateTable('selfEvalRound')
      .set({ ...(input.name && { name: input.name }), ...(input.deadline && { deadline: input.deadline }), ...(input.close && { status: 'closed' as const }), version: locked.version + 1, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    const after = await getSelfRound(trx, ctx, id)
    await recordAudit(trx, ctx, { action: input.close ? 'evaluation.self_round_close' : 'evaluation.self_round_update', entityType: 'self_eval_round', entityId: id, before, after })
    return after
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Forms

const rulesOf = async (db: Db | Trx, form: { jurisdictionCode: string; fiscalYear: number }): Promise<RuleSet> => (await effectiveRules(db, form.jurisdictionCode, form.fiscalYear)).rules

function listItem(row: repo.SelfFormRow | Awaited<ReturnType<ReturnType<typeof repo.listForms>['execute']>>[number]): SelfFormListItem {
  return {
    id: row.id,
    roundId: row.roundId,
    fiscalYear: row.fiscalYear,
    kind: row.kind,
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName ?? `${row.departmentName}部门整体`,
    departmentCode: row.departmentCode,
    departmentName: row.departmentName,
    unitCode: row.unitCode ?? '',
    unitName: row.unitName ?? '',
    status: row.status,
    executionRate: row.executionRate,
    total: row.total,
    grade: row.grade,
    version: row.version,
    submittedAt: row.submittedAt ? iso(row.submittedAt) : null,
    updatedAt: iso(row.updatedAt),
  }
}

export async function listSelfForms(db: Db, ctx: ActorCtx, filter: SelfFormListFilter, page: { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    repo.listForms(db, ctx.actor, filter).limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
    repo.countForms(db, ctx.actor, filter).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(listItem), total: Number(count.total), page: page.page, pageSize: page.pageSize }
}

/** Every form matching the filter, for the Excel list export (bounded). */
export async function allSelfForms(db: Db, ctx: ActorCtx, filter: SelfFormListFilter) {
  return (await repo.listForms(db, ctx.actor, filter).limit(10_000).execute()).map(listItem)
}

/** The domain's input for a form and its indicator rows. */
export function scoringInput(form: Pick<repo.SelfFormRow, 'budget' | 'executed' | 'executionWeight' | 'executionReason'>, indicators: readonly repo.SelfIndicatorRow[]): SelfEvalInput {
  return {
    budget: form.budget,
    executed: form.executed,
    executionWeight: form.executionWeight,
    executionReason: form.executionReason,
    indicators: indicators.map((ind) => ({
      name: ind.name,
      level1: ind.level1,
      nature: ind.nature,
      target: ind.target,
      unit: ind.unit,
      weight: ind.weight,
      actual: ind.actual,
      applicable: ind.applicable,
      score: ind.overrideScore,
      overrideReason: ind.overrideReason,
      deviationReason: ind.deviationReason,
    })),
  }
}

/** Who fills a form: a unit or department with the permission; a department's overall form only its department. */
export const fillsKindOf = (actor: ActorCtx['actor'], form: { kind: string }) => actor.permissions.has('evaluation.fill') && actor.org.kind !== 'jurisdiction' && (form.kind === 'project' || actor.org.kind === 'department')

/** What a person may do with the form now (the server checks each move again). */
function canOf(ctx: ActorCtx, form: repo.SelfFormRow) {
  const { actor } = ctx
  const fills = fillsKindOf(actor, form)
  const open = form.roundStatus === 'open' && !pastSelfDeadline(ctx, form)
  const fill = fills && open && (form.status === 'draft' || form.status === 'returned')
  const reviews = actor.permissions.has('evaluation.review') && !onlySupervises(actor, form)
  return {
    fill,
    submit: fill,
    deptReview: reviews && actor.org.kind === 'department' && form.status === 'submitted',
    financeReview: reviews && actor.org.kind === 'jurisdiction' && form.status === 'dept_accepted',
  }
}

/** The 自评表 as the API returns it: scored now by the domain function (the stored figures are the last save's). */
export async function selfFormView(db: Db | Trx, ctx: ActorCtx, form: repo.SelfFormRow): Promise<SelfFormDetail> {
  const [indicators, opinions, rules] = await Promise.all([repo.formIndicators(db, form.id), repo.formOpinions(db, form.id), rulesOf(db, form)])
  const scored = scoreSelfEvaluation(scoringInput(form, indicators), rules)
  const ex = scored.execution.value
  return {
    ...listItem(form),
    roundName: form.roundName,
    roundStatus: form.roundStatus,
    deadline: iso(form.deadline),
    extensionUntil: form.extensionUntil && iso(form.extensionUntil),
    deadlinePassed: ctx.now > selfFormDeadline(form),
    goalVersionId: form.goalId,
    funds: {
      initialBudget: form.budgetInitial,
      budget: form.budget,
      executed: form.executed,
      executionRate: executionRate(form.executed, form.budget) ?? '0.00',
      weight: form.executionWeight,
      score: ex.score,
      reasonRequired: ex.reasonRequired,
      executionReason: form.executionReason,
      explanation: scored.execution,
    },
    overallTarget: form.overallTarget,
    overallActual: form.overallActual,
    problems: form.problems,
    measures: form.measures,
    indicators: indicators.map((ind, i) => {
      const r = scored.indicators[i]!
      const { formId: _f, goalIndicatorId: _g, sortOrder: _s, overrideScore: _o, proposedScore: _p, score: _sc, explained: _e, ...fields } = ind
      return {
        ...fields,
        position: i,
        proposedScore: r.proposed?.value ?? null,
        explanation: r.proposed,
        bound: r.bound,
        score: r.score,
        overridden: r.overridden,
        deviationReasonRequired: r.deviationReasonRequired,
      }
    }),
    totalExplanation: scored.total,
    gradeExplanation: scored.grade,
    problemsToFix: scored.problems,
    warnings: scored.warnings,
    lastMonitoring: (form.monitoringSummary as SelfFormDetail['lastMonitoring']) ?? null,
    opinions: opinions.map((o) => ({ id: o.id, action: o.action as never, fromStatus: o.fromStatus as SelfEvalStatus, toStatus: o.toStatus as SelfEvalStatus, opinion: o.opinion, byName: o.byName ?? '', at: iso(o.createdAt) })),
    can: canOf(ctx, form),
  }
}

export async function mustFindSelfForm(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findForm(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function getSelfForm(db: Db, ctx: ActorCtx, id: string) {
  return selfFormView(db, ctx, await mustFindSelfForm(db, ctx, id))
}

async function lockForm(trx: Trx, ctx: ActorCtx, id: string, version: number) {
  const row = await repo.findFormForUpdate(trx, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  assertVersion(row, version)
  return row
}

export function violation(ctx: ActorCtx, problems: readonly SelfEvalProblem[]): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
}

/** The filler's checks: the permission at a unit (or the department for its overall form), a fillable status, an open round. */
function assertFills(ctx: ActorCtx, form: repo.SelfFormRow) {
  if (!fillsKindOf(ctx.actor, form)) throw new AppError('FORBIDDEN')
  if (form.roundStatus !== 'open' || (form.status !== 'draft' && form.status !== 'returned')) {
    const label = selfEvalStatusLabels[form.status]
    throw new AppError('NOT_EDITABLE', { status: form.status }, form.roundStatus !== 'open' ? { zh: '自评批次已结束，不能再填报', en: 'The round is closed; nothing can be filled' } : { zh: `自评表处于“${label.zh}”状态，不能填报`, en: `The form is ${label.en.toLowerCase()}; it cannot be filled now` })
  }  assertBeforeSelfDeadline(ctx, form)
}

/** Stores what the domain computed: each indicator's proposal, score and explanation; the form's execution, total, grade. */
export async function storeScores(trx: Trx, formId: string, form: { budget: string; executed: string }, indicators: readonly repo.SelfIndicatorRow[], scored: SelfEvalResult, updatedAt: Date) {
  for (const [i, ind] of indicators.entries()) {
    const r = scored.indicators[i]!
    await trx
      .updateTable('selfEvalIndicator')
      .set({
        proposedScore: r.proposed?.value ?? null,
        score: r.score,
        explained: JSON.stringify({ proposed: r.proposed, bound: r.bound, overridden: r.overridden, deviationReasonRequired: r.deviationReasonRequired }),
      })
      .where('id', '=', ind.id)
      .execute()
  }
  await trx
    .updateTable('selfEvalForm')
    .set((eb) => ({
      executionRate: executionRate(form.executed, form.budget),
      executionScore: scored.execution.value.score,
      total: nullableTwo(scored.total?.value ?? null),
      grade: (scored.grade?.value ?? null) as Grade | null,
      explanations: JSON.stringify({ execution: scored.execution, total: scored.total, grade: scored.grade, problems: scored.problems, warnings: scored.warnings }),
      updatedAt,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', formId)
    .execute()
}

/** Problems a save refuses (a draft may be incomplete, but never hold a score outside its bound or not a number). */
const refusedOnSave = (p: SelfEvalProblem) => /^indicators\.\d+\.score$/.test(p.path)

/**
 * Applies a fill to a locked form (PUT and the Excel import): merges the values, scores the whole form by the domain
 * function, refuses a score outside its bound (422 naming it), stores the proposals, scores, total and grade.
 */
export async function applyFill(trx: Trx, ctx: ActorCtx, form: repo.SelfFormRow, input: Omit<UpdateSelfFormInput, 'version'>) {
  const indicators = await repo.formIndicators(trx, form.id)
  const problems: SelfEvalProblem[] = []
  const merged = indicators.map((ind) => ({ ...ind }))
  for (const [n, fill] of (input.indicators ?? []).entries()) {
    const target = merged.find((i) => i.id === fill.id)
    if (!target) {
      problems.push({ path: `indicators.${n}.id`, zh: '该指标不属于本自评表', en: 'The indicator is not on this form' })
      continue
    }
    if (fill.actual !== undefined) target.actual = fill.actual || null
    if (fill.applicable !== undefined) target.applicable = fill.applicable
    if (fill.score !== undefined) target.overrideScore = fill.score || null
    if (fill.overrideReason !== undefined) target.overrideReason = fill.overrideReason || null
    if (fill.deviationReason !== undefined) target.deviationReason = fill.deviationReason || null
  }
  if (problems.length) violation(ctx, problems)
  const next = {
    budget: form.budget,
    executed: input.executed ?? form.executed,
    executionWeight: form.executionWeight,
    executionReason: input.executionReason === undefined ? form.executionReason : input.executionReason || null,
  }
  const rules = await rulesOf(trx, form)
  const scored = scoreSelfEvaluation(scoringInput(next, merged), rules)
  const refused = scored.problems.filter(refusedOnSave)
  if (refused.length) violation(ctx, refused)
  // A score equal to the proposal is no override: only a real one is kept (and re-checked on every later save).
  merged.forEach((ind, i) => {
    if (!scored.indicators[i]!.overridden) ind.overrideScore = null
  })
  for (const ind of merged) {
    await trx
      .updateTable('selfEvalIndicator')
      .set({ actual: ind.actual, applicable: ind.applicable, overrideScore: ind.overrideScore === null ? null : two(ind.overrideScore), overrideReason: ind.overrideReason, deviationReason: ind.deviationReason })
      .where('id', '=', ind.id)
      .execute()
  }
  await trx
    .updateTable('selfEvalForm')
    .set({
      executed: next.executed,
      executionReason: next.executionReason,
      ...(input.overallActual !== undefined && { overallActual: input.overallActual }),
      ...(input.problems !== undefined && { problems: input.problems }),
      ...(input.measures !== undefined && { measures: input.measures }),
    })
    .where('id', '=', form.id)
    .execute()
  await storeScores(trx, form.id, next, merged, scored, ctx.now)
  return { before: { ...form, indicators }, scored }
}

export async function updateSelfForm(db: Db, ctx: ActorCtx, id: string, input: UpdateSelfFormInput) {
  return db.transaction().execute(async (trx) => {
    const form = await lockForm(trx, ctx, id, input.version)
    assertFills(ctx, form)
    const { version: _v, ...fill } = input
    const { before } = await applyFill(trx, ctx, form, fill)
    const after = await mustFindSelfForm(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'evaluation.self_update', entityType: 'self_eval_form', entityId: id, before, after: { ...after, indicators: await repo.formIndicators(trx, id) } })
    return selfFormView(trx, ctx, after)
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Workflow: the unit submits → the department accepts or returns → finance accepts or returns. A department's own
// overall form goes from its submission straight to finance.

const actionLabels = { submit: { zh: '提交', en: 'submit' }, return: { zh: '退回', en: 'return' }, accept: { zh: '审核通过', en: 'accept' } }

function invalidMove(status: SelfEvalStatus, move: keyof typeof actionLabels): never {
  const label = selfEvalStatusLabels[status]
  throw new AppError('INVALID_TRANSITION', { from: status, action: move }, { zh: `自评表处于“${label.zh}”状态，不能${actionLabels[move].zh}`, en: `A form that is ${label.en.toLowerCase()} cannot be ${actionLabels[move].en}ed` })
}

async function moveTo(trx: Trx, ctx: ActorCtx, form: repo.SelfFormRow, action: string, status: SelfEvalStatus, opinion: string, extra: { submittedAt?: Date; acceptedAt?: Date } = {}) {
  await trx
    .updateTable('selfEvalForm')
    .set((eb) => ({ status, updatedAt: ctx.now, version: eb('version', '+', 1), ...extra }))
    .where('id', '=', form.id)
    .execute()
  await trx.insertInto('selfEvalOpinion').values({ formId: form.id, action, fromStatus: form.status, toStatus: status, opinion, actorId: ctx.actor.userId, orgCode: ctx.actor.org.code, createdAt: ctx.now }).execute()
  const after = await mustFindSelfForm(trx, ctx, form.id)
  await recordAudit(trx, ctx, { action: `evaluation.self_${action}`, entityType: 'self_eval_form', entityId: form.id, before: { status: form.status }, after: { status, opinion: opinion || null } })
  return selfFormView(trx, ctx, after)
}

/** Submits a complete form: every problem the domain names blocks it (422 naming the field). */
export async function submitSelfForm(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => {
    const form = await lockForm(trx, ctx, id, input.version)
    assertFills(ctx, form)
    const indicators = await repo.formIndicators(trx, id)
    const scored = scoreSelfEvaluation(scoringInput(form, indicators), await rulesOf(trx, form))
    if (indicators.length === 0) violation(ctx, [{ path: 'indicators', zh: '自评表没有绩效指标（项目无生效的绩效目标），不能提交', en: 'The form has no indicators (no goal in force); it cannot be submitted' }])
    if (scored.problems.length) violation(ctx, scored.problems)
    await storeScores(trx, id, form, indicators, scored, ctx.now)
    const status: SelfEvalStatus = form.kind === 'department' ? 'dept_accepted' : 'submitted'
    return moveTo(trx, ctx, { ...form, version: form.version + 1 }, 'submit', status, input.opinion, { submittedAt: ctx.now })
  })
}

/** The department (初审) or finance (复审) returns the form to its filler with an opinion, or accepts it. */
export async function reviewSelfForm(db: Db, ctx: ActorCtx, id: string, move: 'return' | 'accept', input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => {
    const form = await lockForm(trx, ctx, id, input.version)
    if (!ctx.actor.permissions.has('evaluation.review')) throw new AppError('FORBIDDEN')
    const stage = form.status === 'submitted' ? 'department' : form.status === 'dept_accepted' ? 'jurisdiction' : null
    if (!stage) invalidMove(form.status, move)
    if (ctx.actor.org.kind !== stage) throw new AppError('FORBIDDEN')
    assertOwnJurisdiction(ctx.actor, form)
    if (move === 'return') return moveTo(trx, ctx, form, 'return', 'returned', input.opinion)
    if (stage === 'department') return moveTo(trx, ctx, form, 'dept_accept', 'dept_accepted', input.opinion)
    const accepted = await moveTo(trx, ctx, form, 'accept', 'accepted', input.opinion, { acceptedAt: ctx.now })
    await selfFormAccepted(trx, { ids: [form.id], userId: ctx.actor.userId, now: ctx.now })
    return accepted
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage (rule 38): the share of the year's projects with a submitted 自评表, per department, the missing listed.

const noGrades = (): Record<Grade, number> => ({ 优: 0, 良: 0, 中: 0, 差: 0 })

export async function selfCoverage(db: Db, ctx: ActorCtx, query: { fiscalYear: number; jurisdictionCode?: string }): Promise<SelfCoverage> {
  const { fiscalYear } = query
  const jurisdictionCode = query.jurisdictionCode ?? ctx.actor.org.jurisdictionCode
  if (jurisdictionCode !== ctx.actor.org.jurisdictionCode) {
    // A bureau above looks at a jurisdiction below it; nobody else sees another jurisdiction.
    const below = ctx.actor.org.kind === 'jurisdiction' && (await db.selectFrom('orgNode').select('code').where('code', '=', jurisdictionCode).where('kind', '=', 'jurisdiction').where(orgNodeVisibleTo(ctx.actor)).executeTakeFirst())
    if (!below) throw new AppError('NOT_FOUND')
  }
  const rows = await repo.coverageRows(db, ctx.actor, fiscalYear, jurisdictionCode, selfEvaluatedProjectStatuses, selfEvalSubmittedStatuses).limit(50_000).execute()
  const departments = new Map<string, SelfCoverageDepartment>()
  for (const row of rows) {
    const d = departments.get(row.departmentCode) ?? { departmentCode: row.departmentCode, departmentName: row.departmentName, expected: 0, submitted: 0, rate: '0.00', grades: noGrades(), missing: [] }
    d.expected++
    if (row.isSubmitted) {
      d.submitted++
      if (row.grade) d.grades[row.grade]++
    } else d.missing.push({ projectId: row.projectId, projectCode: row.projectCode, projectName: row.projectName, unitCode: row.unitCode, unitName: row.unitName, formId: row.formId, status: row.status })
    departments.set(row.departmentCode, d)
  }
  const rate = (s: number, e: number) => (e === 0 ? '0.00' : two(new Decimal(s).times(100).dividedBy(e)))
  const items = [...departments.values()].map((d) => ({ ...d, rate: rate(d.submitted, d.expected) }))
  const expected = items.reduce((s, d) => s + d.expected, 0)
  const submitted = items.reduce((s, d) => s + d.submitted, 0)
  const grades = noGrades()
  for (const d of items) for (const g of Object.keys(grades) as Grade[]) grades[g] += d.grades[g]
  return { fiscalYear, jurisdictionCode, expected, submitted, rate: rate(submitted, expected), grades, departments: items }
}
