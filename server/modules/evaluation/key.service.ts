import { keyEvaluationReported } from './evaluation.listeners.ts'
import Decimal from 'decimal.js'
import { type KeyEvaluationStage, keyEvaluationLevelLabels, keyEvaluationStageLabels, keyEvaluationStages } from '../../../domain/evaluation.ts'
import { blockingProblems, computeFormula, type FormulaIndicatorKey, formulaIndicators, keyEvaluationTemplates, scoreFramework } from '../../../domain/key-evaluation.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { onlySupervises } from '../../platform/supervision.ts'
import { projectTotals } from '../execution/execution.funds.ts'
import { getProject } from '../projects/projects.service.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import * as repo from './key.repository.ts'
import type { CreateKeyInput, FieldworkInput, FrameworkInput, PlanInput } from './key.schemas.ts'

type Row = repo.KeyRow
export type Move = KeyEvaluationStage | 'exchange_opinion'

const rulesOf = async (db: Db | Trx, row: { jurisdictionCode: string; fiscalYear: number }): Promise<RuleSet> => (await effectiveRules(db, row.jurisdictionCode, row.fiscalYear)).rules

function violation(path: string, zh: string, en: string): never {
  throw new AppError('RULE_VIOLATION', [{ path, message: zh }], { zh, en })
}

/** The commissioning party manages the work: the bureau of the jurisdiction (财政重点评价) or the department (部门评价). */
export function mayManage(ctx: ActorCtx, row: Pick<Row, 'level' | 'jurisdictionCode' | 'commissionerCode'>) {
  const { actor } = ctx
  if (!actor.permissions.has('evaluation.key')) return false
  if (row.level === 'finance') return actor.org.kind === 'jurisdiction' && actor.org.jurisdictionCode === row.jurisdictionCode
  return actor.org.code === row.commissionerCode
}

/** The evaluated party reads the draft and records its 交换意见 (rule 41): the object's unit, or its department when finance evaluates. */
export function isEvaluatedParty(ctx: ActorCtx, row: Pick<Row, 'level' | 'unitCode' | 'departmentCode' | 'commissionerCode'>) {
  const { org } = ctx.actor
  if (!ctx.actor.permissions.has('evaluation.fill') && !ctx.actor.permissions.has('evaluation.key')) return false
  if (org.code === row.commissionerCode) return false
  return (row.unitCode !== null && org.code === row.unitCode) || (row.departmentCode !== null && org.code === row.departmentCode)
}

/** Stages the work may move to from where it is: forward one step, or back from 交换意见 to field work to revise. */
export function nextStages(stage: KeyEvaluationStage): KeyEvaluationStage[] {
  const i = keyEvaluationStages.indexOf(stage)
  const next = keyEvaluationStages[i + 1]
  return [...(next ? [next] : []), ...(stage === 'exchange' ? (['fieldwork'] as const) : [])]
}

const editable = {
  plan: ['selected', 'planning', 'fieldwork', 'exchange', 'final'] as KeyEvaluationStage[],
  framework: ['selected', 'planning', 'fieldwork'] as KeyEvaluationStage[],
  fieldwork: ['planning', 'fieldwork', 'exchange'] as KeyEvaluationStage[],
  evidence: ['planning', 'fieldwork', 'exchange'] as KeyEvaluationStage[],
  survey: ['selected', 'planning', 'fieldwork'] as KeyEvaluationStage[],
}
export type EditPart = keyof typeof editable

export function assertEditable(ctx: ActorCtx, row: Row, part: EditPart) {
  if (!editable[part].includes(row.stage)) {
    const label = keyEvaluationStageLabels[row.stage]
    throw new AppError('NOT_EDITABLE', { stage: row.stage }, { zh: `评价处于“${label.zh}”阶段，不能修改此部分`, en: `The evaluation is at “${label.en}”; this part cannot change now` })
  }
  void ctx
}

async function mustFind(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findVisible(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

/** Locks the row for a change by the commissioning party: 404 out of scope, 403 SUPERVISION_ONLY above, 409 stale. */
export async function lockForManage(trx: Trx, ctx: ActorCtx, id: string, version?: number) {
  const row = await repo.lockVisible(trx, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  if (onlySupervises(ctx.actor, row)) throw new AppError('SUPERVISION_ONLY')
  if (!mayManage(ctx, row)) throw new AppError('FORBIDDEN', undefined, { zh: '只有委托方（本级财政部门或评价部门）可以办理', en: 'Only the commissioning party manages this evaluation' })
  if (version !== undefined) assertVersion(row, version)
  return row
}

// ————— formula inputs from system data —————

/**
 * Inputs the system holds for formula indicators: 预算完成率 / 预算调整率 of a department from its projects' budgets,
 * adjustments and payments; 预算执行率 of a project from its funds; the survey's 满意率. Other inputs are entered.
 */
export async function systemInputs(db: Db | Trx, row: Pick<Row, 'id' | 'objectKind' | 'projectId' | 'departmentCode' | 'fiscalYear'>): Promise<Partial<Record<FormulaIndicatorKey, Record<string, string>>>> {
  const out: Partial<Record<FormulaIndicatorKey, Record<string, string>>> = {}
  let ids: string[] = []
  if (row.objectKind === 'project' && row.projectId) ids = [row.projectId]
  else if (row.objectKind === 'department' && row.departmentCode) {
    ids = (await db.selectFrom('project').select('id').where('departmentCode', '=', row.departmentCode).where('fiscalYear', '=', row.fiscalYear).where('status', 'in', ['budgeted', 'executing', 'closed']).execute()).map((p) => p.id)
  }
  if (ids.length) {
    const totals = [...(await projectTotals(db, { projectIds: ids, fiscalYear: row.fiscalYear, month: 12 })).values()]
    const sum = (pick: (t: (typeof totals)[number]) => string) => totals.reduce((s, t) => s.plus(pick(t)), new Decimal(0))
    const initial = sum((t) => t.budgetInitial)
    const added = sum((t) => t.adjustments)
    const adjusted = sum((t) => t.budgetAdjusted)
    const executed = sum((t) => t.executed)
    if (adjusted.gt(0)) {
      out.executionRate = { spent: executed.toFixed(2), received: adjusted.toFixed(2) }
      if (row.objectKind === 'department') {
        out.budgetCompletion = { carryOver: '0', initial: initial.toFixed(2), added: added.toFixed(2), balance: Decimal.max(0, adjusted.minus(executed)).toFixed(2) }
        if (initial.gt(0)) out.budgetAdjustment = { added: added.toFixed(2), initial: initial.toFixed(2) }
      }
    }
  }
  const survey = await repo.surveyOf(db, row.id)
  if (survey?.rate != null) out.satisfaction = { rate: survey.rate, target: survey.target }
  return out
}

type LineInput = FrameworkInput['lines'][number]
interface PreparedLine {
  level1: string
  level2: string
  level3: string
  weight: string
  score: string | null
  formula: FormulaIndicatorKey | null
  inputs: Record<string, string> | null
  value: string | null
  basis: string
  /** Where the formula's inputs came from. */
  source: 'system' | 'entered' | null
  explanation: string | null
}

/** A line's formula computed from system data where it exists, else from the entered inputs; otherwise the entered score. */
export function prepareLine(line: LineInput, system: Partial<Record<FormulaIndicatorKey, Record<string, string>>>, rules: RuleSet): PreparedLine {
  const base = { level1: line.level1, level2: line.level2 ?? '', level3: line.level3, weight: new Decimal(line.weight).toFixed(2), basis: line.basis ?? '' }
  const entered = line.score == null ? null : new Decimal(line.score).toFixed(2)
  const formula = line.formula ?? null
  if (!formula) return { ...base, score: entered, formula: null, inputs: null, value: null, source: null, explanation: null }
  const fromSystem = system[formula]
  const inputs = fromSystem ?? line.inputs ?? null
  const complete = inputs && formulaIndicators[formula].inputs.every((f) => inputs[f.key] !== undefined && inputs[f.key] !== '' || (formula === 'satisfaction' && f.key === 'target'))
  if (!inputs || !complete) return { ...base, score: entered, formula, inputs: line.inputs ?? null, value: null, source: null, explanation: null }
  const result = computeFormula(formula, inputs, base.weight, rules)
  return { ...base, score: result.score, formula, inputs, value: result.value, source: fromSystem ? 'system' : 'entered', explanation: `${result.rule}；${result.formula}` }
}

// ————— view —————

export async function toView(db: Db | Trx, ctx: ActorCtx, row: Row) {
  const [plan, lines, evidence, fieldwork, exchanges, survey, rules] = await Promise.all([
    repo.planOf(db, row.id),
    repo.linesOf(db, row.id),
    repo.evidenceOf(db, row.id),
    repo.fieldworkOf(db, row.id),
    repo.exchangesOf(db, row.id),
    repo.surveyOf(db, row.id),
    rulesOf(db, row),
  ])
  const result = scoreFramework(lines, rules)
  const manage = mayManage(ctx, row) && !onlySupervises(ctx.actor, row)
  const moves: Move[] = manage ? nextStages(row.stage) : []
  if (row.stage === 'exchange' && isEvaluatedParty(ctx, row)) moves.push('exchange_opinion')
  // The evaluated unit sees the draft result only from the 交换意见 step on.
  const showScores = manage || ctx.actor.org.kind === 'jurisdiction' || keyEvaluationStages.indexOf(row.stage) >= keyEvaluationStages.indexOf('exchange') || row.commissionerCode === ctx.actor.org.code
  return {
    ...row,
    levelLabel: keyEvaluationLevelLabels[row.level][ctx.lang],
    plan: plan ?? null,
    lines: lines.map((l) => ({
      ...l,
      score: showScores ? l.score : null,
      formulaName: l.formula ? formulaIndicators[l.formula as FormulaIndicatorKey]?.name ?? null : null,
      formulaInputs: l.formula ? formulaIndicators[l.formula as FormulaIndicatorKey]?.inputs ?? [] : [],
      formulaRule: l.formula ? formulaIndicators[l.formula as FormulaIndicatorKey]?.rule ?? null : null,
      evidence: evidence.filter((e) => e.lineId === l.id),
    })),
    result: {
      weightTotal: result.total,
      outputEffect: result.outputEffect,
      problems: result.problems,
      warnings: result.warnings,
      score: showScores ? result.score : null,
      grade: showScores ? result.grade : null,
      byLevel1: showScores ? result.byLevel1 : [],
    },
    fieldwork,
    exchanges,
    survey: survey ? { ...survey, importedAt: survey.importedAt } : null,
    manage,
    moves,
  }
}
export type KeyView = Awaited<ReturnType<typeof toView>>

export async function getKeyEvaluation(db: Db, ctx: ActorCtx, id: string) {
  return toView(db, ctx, await mustFind(db, ctx, id))
}

// ————— create —————

/** Finance opens a 财政重点评价 in its jurisdiction; a department a 部门评价 of its own projects. */
export async function createKeyEvaluation(db: Db, ctx: ActorCtx, input: CreateKeyInput) {
  const { actor } = ctx
  const level = actor.org.kind === 'jurisdiction' ? 'finance' : actor.org.kind === 'department' ? 'department' : null
  if (!level) throw new AppError('FORBIDDEN', undefined, { zh: '财政部门或主管部门才能组织重点评价', en: 'A finance bureau or a department organises key evaluations' })
  let target: { jurisdictionCode: string; departmentCode: string | null; unitCode: string | null; projectId: string | null; name: string }
  if (input.objectKind === 'project') {
    const project = await getProject(db, ctx, input.projectId!)
    target = { jurisdictionCode: project.jurisdictionCode, departmentCode: project.departmentCode, unitCode: project.unitCode, projectId: project.id, name: input.name ?? `${project.name}${level === 'finance' ? '财政重点评价' : '部门评价'}` }
    if (project.fiscalYear !== input.fiscalYear) violation('fiscalYear', `项目属于 ${project.fiscalYear} 年度，与评价年度不一致`, `The project is of ${project.fiscalYear}, not the evaluation's year`)
  } else {
    const code = input.departmentCode ?? (level === 'department' ? actor.org.code : null)
    const dept = code ? await db.selectFrom('orgNode').select(['code', 'name', 'kind', 'jurisdictionCode', 'path']).where('code', '=', code).executeTakeFirst() : undefined
    if (code && (!dept || dept.kind !== 'department' || !dept.path.startsWith(actor.org.path))) throw new AppError('NOT_FOUND')
    target = { jurisdictionCode: dept?.jurisdictionCode ?? actor.org.jurisdictionCode, departmentCode: dept?.code ?? null, unitCode: null, projectId: null, name: input.name ?? `${dept?.name ?? ''}${input.fiscalYear}年度部门整体支出${level === 'finance' ? '财政重点评价' : '部门评价'}` }
  }
  if (onlySupervises(actor, target)) throw new AppError('SUPERVISION_ONLY')
  if (level === 'department' && target.departmentCode !== actor.org.code) throw new AppError('NOT_FOUND')
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('keyEvaluation')
      .values({
        jurisdictionCode: target.jurisdictionCode,
        fiscalYear: input.fiscalYear,
        level,
        objectKind: input.objectKind,
        projectId: target.projectId,
        commissionerCode: level === 'finance' ? target.jurisdictionCode : actor.org.code,
        departmentCode: target.departmentCode,
        unitCode: target.unitCode,
        name: target.name,
        template: input.template,
        createdBy: actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx.insertInto('keyEvaluationPlan').values({ keyEvaluationId: created.id, selectionKind: input.selectionKind, selectionSeed: input.selectionSeed ?? null, selectionReason: input.selectionReason }).execute()
    await trx
      .insertInto('keyEvaluationLine')
      .values(keyEvaluationTemplates[input.template].map((l, seq) => ({ keyEvaluationId: created.id, seq, level1: l.level1, level2: l.level2, level3: l.level3, weight: l.weight, formula: l.formula ?? null, score: null })))
      .execute()
    const row = (await repo.findVisible(trx, actor, created.id))!
    await recordAudit(trx, ctx, { action: 'key_evaluation.create', entityType: 'key_evaluation', entityId: created.id, after: { ...row, selectionKind: input.selectionKind, selectionSeed: input.selectionSeed ?? null } })
    return toView(trx, ctx, row)
  })
}

// ————— plan, framework —————

export async function savePlan(db: Db, ctx: ActorCtx, id: string, input: PlanInput) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForManage(trx, ctx, id, input.version)
    assertEditable(ctx, row, 'plan')
    const before = await repo.planOf(trx, id)
    const { version: _v, ...plan } = input
    await trx.updateTable('keyEvaluationPlan').set(plan).where('keyEvaluationId', '=', id).execute()
    await repo.bump(trx, id, ctx.now)
    await recordAudit(trx, ctx, { action: 'key_evaluation.plan', entityType: 'key_evaluation', entityId: id, before: before ?? null, after: plan })
    return toView(trx, ctx, (await repo.findVisible(trx, ctx.actor, id))!)
  })
}

/** The framework replaced as a whole: weights must sum to 100 (422 naming the line), rule 40 warns; scores within [0, weight]. */
export async function saveFramework(db: Db, ctx: ActorCtx, id: string, input: FrameworkInput) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForManage(trx, ctx, id, input.version)
    assertEditable(ctx, row, 'framework')
    const rules = await rulesOf(trx, row)
    const system = await systemInputs(trx, row)
    const prepared = input.lines.map((l) => prepareLine(l, system, rules))
    const problems = blockingProblems(scoreFramework(prepared, rules))
    if (problems.length) throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p.message })), { zh: problems[0]!.message, en: `${problems[0]!.path}: ${problems[0]!.code}` })
    const before = await repo.linesOf(trx, id)
    const existing = new Map(before.map((l) => [`${l.level1}|${l.level3}`, l.id]))
    // Lines keep their id (and evidence) when their 一级 and 三级 name stay; the rest are replaced.
    const keep = new Set<string>()
    await trx.updateTable('keyEvaluationLine').set((eb) => ({ seq: eb('seq', '+', 100000) })).where('keyEvaluationId', '=', id).execute()
    for (const [seq, l] of prepared.entries()) {
      const values = { seq, level1: l.level1, level2: l.level2, level3: l.level3, weight: l.weight, score: l.score, formula: l.formula, inputs: l.inputs ? JSON.stringify(l.inputs) : null, value: l.value, basis: l.basis }
      const lineId = existing.get(`${l.level1}|${l.level3}`)
      if (lineId && !keep.has(lineId)) {
        keep.add(lineId)
        await trx.updateTable('keyEvaluationLine').set(values).where('id', '=', lineId).execute()
      } else {
        await trx.insertInto('keyEvaluationLine').values({ ...values, keyEvaluationId: id }).execute()
      }
    }
    const dropped = before.filter((l) => !keep.has(l.id)).map((l) => l.id)
    if (dropped.length) await trx.deleteFrom('keyEvaluationLine').where('id', 'in', dropped).execute()
    await repo.bump(trx, id, ctx.now)
    await recordAudit(trx, ctx, { action: 'key_evaluation.framework', entityType: 'key_evaluation', entityId: id, before: { lines: before }, after: { lines: prepared } })
    return toView(trx, ctx, (await repo.findVisible(trx, ctx.actor, id))!)
  })
}

// ————— stages, 交换意见 —————

/** Moves the work through its stages; field work needs a plan and valid weights, 交换意见 a complete score, final an opinion (rule 41). */
export async function moveStage(db: Db, ctx: ActorCtx, id: string, input: { version: number; stage: KeyEvaluationStage }) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForManage(trx, ctx, id, input.version)
    if (!nextStages(row.stage).includes(input.stage)) {
      const from = keyEvaluationStageLabels[row.stage]
      const to = keyEvaluationStageLabels[input.stage]
      throw new AppError('INVALID_TRANSITION', { from: row.stage, to: input.stage }, { zh: `评价处于“${from.zh}”阶段，不能转到“${to.zh}”`, en: `The evaluation is at “${from.en}”; it cannot move to “${to.en}”` })
    }
    const rules = await rulesOf(trx, row)
    const lines = await repo.linesOf(trx, id)
    const result = scoreFramework(lines, rules)
    const changes: Parameters<typeof repo.bump>[3] = { stage: input.stage }
    if (input.stage === 'fieldwork') {
      const plan = await repo.planOf(trx, id)
      if (!plan?.purpose) violation('plan.purpose', '进入现场评价前须制定工作方案（填写评价目的）', 'Write the work plan (its purpose) before field work')
      const blocking = blockingProblems(result)
      if (blocking.length) violation(blocking[0]!.path, blocking[0]!.message, `${blocking[0]!.path}: ${blocking[0]!.code}`)
    }
    if (input.stage === 'exchange') {
      const missing = result.problems[0]
      if (missing || result.score === null) violation(missing?.path ?? 'lines', `形成初步结论前须完成全部指标评分：${missing?.message ?? ''}`, `Score every indicator before the draft result: ${missing?.path ?? ''}`)
    }
    if (input.stage === 'final') {
      const exchanges = await repo.exchangesOf(trx, id)
      if (exchanges.length === 0) violation('exchange', '规则 41：形成最终结论前须与被评价单位交换意见，尚无被评价单位的意见', 'Rule 41: the evaluated unit’s opinion (交换意见) is required before the result is final; there is none yet')
      if (result.score === null || !result.grade) violation('lines', '指标评分不完整，不能形成最终结论', 'The scoring is incomplete')
      changes.total = result.score
      changes.grade = result.grade.value
    }
    if (input.stage === 'fieldwork' && row.stage === 'exchange') {
      changes.total = null
      changes.grade = null
    }
    await repo.bump(trx, id, ctx.now, changes)
    const after = (await repo.findVisible(trx, ctx.actor, id))!
    await recordAudit(trx, ctx, { action: 'key_evaluation.stage', entityType: 'key_evaluation', entityId: id, before: row, after })
    if (input.stage === 'reported') await keyEvaluationReported(trx, { ids: [id], userId: ctx.actor.userId, now: ctx.now })
    return toView(trx, ctx, after)
  })
}

/** The evaluated unit reads the draft result and records its opinion (交换意见, rule 41). */
export async function recordExchange(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => {
    const row = await repo.lockVisible(trx, ctx.actor, id)
    if (!row) throw new AppError('NOT_FOUND')
    if (!isEvaluatedParty(ctx, row)) throw new AppError('FORBIDDEN', undefined, { zh: '交换意见由被评价单位填写', en: 'The evaluated unit writes the exchange opinion' })
    assertVersion(row, input.version)
    if (row.stage !== 'exchange') throw new AppError('INVALID_TRANSITION', { from: row.stage }, { zh: '评价不在“交换意见”阶段', en: 'The evaluation is not at the exchange step' })
    const result = scoreFramework(await repo.linesOf(trx, id), await rulesOf(trx, row))
    const created = await trx
      .insertInto('keyEvaluationExchange')
      .values({ keyEvaluationId: id, orgCode: ctx.actor.org.code, draftTotal: result.score, opinion: input.opinion, createdBy: ctx.actor.userId, createdAt: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow()
    await repo.bump(trx, id, ctx.now)
    await recordAudit(trx, ctx, { action: 'key_evaluation.exchange', entityType: 'key_evaluation', entityId: id, before: { version: row.version }, after: created })
    return toView(trx, ctx, (await repo.findVisible(trx, ctx.actor, id))!)
  })
}

export async function addFieldwork(db: Db, ctx: ActorCtx, id: string, input: FieldworkInput) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForManage(trx, ctx, id)
    assertEditable(ctx, row, 'fieldwork')
    const created = await trx
      .insertInto('keyEvaluationFieldwork')
      .values({ keyEvaluationId: id, visitedOn: input.visitedOn, place: input.place, people: input.people, notes: input.notes, createdBy: ctx.actor.userId, createdAt: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'key_evaluation.fieldwork', entityType: 'key_evaluation', entityId: id, after: created })
    return created
  })
}
