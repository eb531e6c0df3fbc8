import Decimal from 'decimal.js'
import { type FormProblem, progressProblem } from '../../../domain/monitoring-form.ts'
import { type MonitoringFormStatus, monitoringFormStatusLabels } from '../../../domain/monitoring.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { onlySupervises } from '../../platform/supervision.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { assertFormWritable } from './rounds.deadline.ts'
import * as repo from './forms.repository.ts'
import type { UpdateFormInput } from './forms.schemas.ts'
import { computeFormLights, recomputeLights } from './monitoring.lights.ts'

/** The moves the UI offers; the server checks each again when it is made. */
export type FormAction = 'save' | 'submit' | 'return' | 'accept' | 'note'

export const fillableStatuses: readonly MonitoringFormStatus[] = ['draft', 'returned']

type Form = repo.FormRow

/** Whose review a form waits for: the department's (submitted) or the bureau's (dept_accepted). */
export const reviewerKindOf = (status: MonitoringFormStatus) => (status === 'submitted' ? 'department' : status === 'dept_accepted' ? 'jurisdiction' : null)

function deadlinePassed(form: Form, now: Date) {
  const until = form.extensionUntil && form.extensionUntil > form.deadline ? form.extensionUntil : form.deadline
  return now > until
}

/** What this actor may do with the form now (without the version check). */
export function allowedActions(ctx: ActorCtx, form: Form & { roundStatus: string }): FormAction[] {
  const { actor } = ctx
  const actions: FormAction[] = []
  const fills = actor.permissions.has('monitoring.fill') && actor.org.kind !== 'jurisdiction' && (form.kind === 'project' || actor.org.kind === 'department')
  if (fills && fillableStatuses.includes(form.status) && form.roundStatus !== 'closed' && !deadlinePassed(form, ctx.now)) actions.push('save', 'submit')
  const stage = reviewerKindOf(form.status)
  if (actor.permissions.has('monitoring.review') && stage === actor.org.kind && !onlySupervises(actor, form)) actions.push('return', 'accept')
  if (actor.permissions.has('monitoring.verify') && form.agencyUserId === actor.userId) actions.push('note')
  return actions
}

/** The form as the API returns it: header, funds, lights with their explanations, indicators, opinions, moves. */
export async function formView(db: Db | Trx, ctx: ActorCtx, form: Form) {
  const [indicators, opinions, rules] = await Promise.all([repo.formIndicators(db, form.id), repo.formOpinions(db, form.id), rulesOf(db, form)])
  // Each indicator's light is stored for lists and filters; its explanation is worked out here, by the same
  // function the sweep ran, from the same stored progress and funds (so it never goes stale in a table).
  const lit = computeFormLights(form, indicators, { budgetAdjusted: form.budgetAdjusted, executed: form.executed }, rules).indicators
  const lightsExplained = (form.lightsExplained ?? {}) as { budget?: unknown; project?: unknown }
  const timeProgress = new Decimal(form.cutoffMonth).dividedBy(12).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
  const { lightsExplained: _l, budgetInitial, budgetAdjusted, executed, executionRate, unitForecast, systemForecast, forecastExplained, forecastFlagged, fundsNote, ...rest } = form
  return {
    ...rest,
    funds: { budgetInitial, budgetAdjusted, executed, executionRate: executionRate ?? '0.00', timeProgress, unitForecast, systemForecast, forecastExplained, forecastFlagged, fundsNote },
    lights: {
      budget: { light: form.budgetLight, explained: lightsExplained.budget ?? null },
      project: { light: form.projectLight, explained: lightsExplained.project ?? null },
    },
    indicators: indicators.map(({ formId: _f, ...ind }, i) => ({ ...ind, explained: lit[i] ?? null })),
    opinions,
    allowedActions: allowedActions(ctx, form),
  }
}
export type FormView = Awaited<ReturnType<typeof formView>>

export async function mustFindForm(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findVisibleForm(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function lockForm(trx: Trx, ctx: ActorCtx, id: string, version: number) {
  const row = await repo.findVisibleFormForUpdate(trx, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  assertVersion(row, version)
  return row
}

export const rulesOf = async (db: Db | Trx, form: { jurisdictionCode: string; fiscalYear: number }): Promise<RuleSet> => (await effectiveRules(db, form.jurisdictionCode, form.fiscalYear)).rules

export function violation(ctx: ActorCtx, problems: FormProblem[]): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
}

function notFillable(form: Form): never {
  const label = monitoringFormStatusLabels[form.status]
  throw new AppError('NOT_EDITABLE', { status: form.status }, { zh: `监控表处于“${label.zh}”状态，不能填报`, en: `The form is ${label.en.toLowerCase()}; it cannot be filled now` })
}

/** The filler's checks: the permission at a unit or department, a fillable status, and the deadline. */
export async function assertFills(trx: Trx, ctx: ActorCtx, form: Form) {
  const { actor } = ctx
  if (!actor.permissions.has('monitoring.fill') || actor.org.kind === 'jurisdiction') throw new AppError('FORBIDDEN')
  if (form.kind === 'department' && actor.org.kind !== 'department') throw new AppError('FORBIDDEN')
  if (!fillableStatuses.includes(form.status)) notFillable(form)
  assertFormWritable(form, await repo.roundOf(trx, form.roundId), actor, ctx.now)
}

/** Saves what the filler entered (a draft may be incomplete), refreshes the funds and lights, and records the change. */
export async function updateForm(db: Db, ctx: ActorCtx, id: string, input: UpdateFormInput) {
  return db.transaction().execute(async (trx) => {
    const form = await lockForm(trx, ctx, id, input.version)
    await assertFills(trx, ctx, form)
    const rules = await rulesOf(trx, form)
    const indicators = await repo.formIndicators(trx, id)
    const problems: FormProblem[] = []
    for (const [n, fill] of (input.indicators ?? []).entries()) {
      const index = indicators.findIndex((i) => i.id === fill.id)
      if (index < 0) {
        problems.push({ path: `indicators.${n}.id`, zh: '该指标不属于本监控表', en: 'The indicator is not on this form' })
        continue
      }
      const current = indicators[index]!
      const merged = { ...current, ...fill, progress: fill.progress === undefined ? current.progress : fill.progress || null }
      const unreadable = progressProblem(merged, index, rules)
      if (unreadable) problems.push(unreadable)
      else await repo.updateIndicatorRow(trx, id, fill.id, { progress: merged.progress, likelihood: merged.likelihood, causeCategory: merged.causeCategory, deviationAnalysis: merged.deviationAnalysis, measures: merged.measures })
    }
    if (problems.length) violation(ctx, problems)
    const { version: _v, indicators: _i, ...fields } = input
    await repo.updateFormRow(trx, id, { ...fields, updatedAt: ctx.now })
    await recomputeLights(trx, [id])
    const after = await mustFindForm(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'monitoring_form.update', entityType: 'monitoring_form', entityId: id, before: { ...form, indicators }, after: { ...after, indicators: await repo.formIndicators(trx, id) } })
    return formView(trx, ctx, after)
  })
}

/** A third-party agency's verification note on a form assigned to it (重点监控 核查). */
export async function addNote(db: Db, ctx: ActorCtx, id: string, note: string) {
  return db.transaction().execute(async (trx) => {
    const form = await mustFindForm(trx, ctx, id)
    if (form.agencyUserId !== ctx.actor.userId) throw new AppError('FORBIDDEN')
    await repo.insertOpinion(trx, { formId: id, stage: 'agency', action: 'note', opinion: note, actorId: ctx.actor.userId, orgCode: ctx.actor.org.code, createdAt: ctx.now })
    await recordAudit(trx, ctx, { action: 'monitoring_form.note', entityType: 'monitoring_form', entityId: id, after: { note } })
    return formView(trx, ctx, form)
  })
}

export async function getForm(db: Db, ctx: ActorCtx, id: string) {
  return formView(db, ctx, await mustFindForm(db, ctx, id))
}
