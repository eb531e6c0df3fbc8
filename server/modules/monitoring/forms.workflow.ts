import { formsSettled } from './forms.listeners.ts'
import { submitProblems } from '../../../domain/monitoring-form.ts'
import { type MonitoringFormStatus, monitoringFormStatusLabels } from '../../../domain/monitoring.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import * as repo from './forms.repository.ts'
import { assertFills, formView, lockForm, mustFindForm, reviewerKindOf, rulesOf, violation } from './forms.service.ts'
import { recomputeLights } from './monitoring.lights.ts'

/**
 * The form's workflow: the unit fills and submits → the department accepts or returns → finance accepts or returns.
 * A department's own overall form (部门整体) goes from its submission straight to finance. Every move locks the row,
 * checks its version (409 when stale), records the opinion and the audit row in one transaction.
 */
type ReviewMove = 'return' | 'accept'

const actionLabels = { submit: { zh: '提交', en: 'submit' }, return: { zh: '退回', en: 'return' }, accept: { zh: '审核通过', en: 'accept' } }

function invalidMove(status: MonitoringFormStatus, move: keyof typeof actionLabels): never {
  const label = monitoringFormStatusLabels[status]
  throw new AppError('INVALID_TRANSITION', { from: status, action: move }, {
    zh: `监控表处于“${label.zh}”状态，不能${actionLabels[move].zh}`,
    en: `A form that is ${label.en.toLowerCase()} cannot be ${actionLabels[move].en}ed`,
  })
}

async function audited(trx: Trx, ctx: ActorCtx, form: repo.FormRow, action: string, opinion: string) {
  const after = await mustFindForm(trx, ctx, form.id)
  await recordAudit(trx, ctx, { action: `monitoring_form.${action}`, entityType: 'monitoring_form', entityId: form.id, before: { status: form.status }, after: { status: after.status, opinion: opinion || null } })
  return after
}

/** Submits a complete form (rules 29 and 31, else 422 naming each field); its funds are frozen from now on. */
export async function submitForm(db: Db, ctx: ActorCtx, id: string, input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => {
    const form = await lockForm(trx, ctx, id, input.version)
    await assertFills(trx, ctx, form)
    const problems = submitProblems(form, await repo.formIndicators(trx, id), await rulesOf(trx, form))
    if (problems.length) violation(ctx, problems)
    // The last refresh while the form still follows the payments; submitted, it keeps these figures.
    await recomputeLights(trx, [id])
    const status: MonitoringFormStatus = form.kind === 'department' ? 'dept_accepted' : 'submitted'
    await repo.updateFormRow(trx, id, { status, submittedAt: ctx.now, updatedAt: ctx.now })
    await repo.insertOpinion(trx, { formId: id, stage: ctx.actor.org.kind === 'department' ? 'dept' : 'unit', action: 'submit', opinion: input.opinion, actorId: ctx.actor.userId, orgCode: ctx.actor.org.code, createdAt: ctx.now })
    return formView(trx, ctx, await audited(trx, ctx, form, 'submit', input.opinion))
  })
}

/** The reviewer's checks: review permission, sitting where the form waits (department, then bureau), own bureau only. */
function assertReviews(ctx: ActorCtx, form: repo.FormRow, move: ReviewMove) {
  const stage = reviewerKindOf(form.status)
  if (!ctx.actor.permissions.has('monitoring.review')) throw new AppError('FORBIDDEN')
  if (!stage) invalidMove(form.status, move)
  if (ctx.actor.org.kind !== stage) throw new AppError('FORBIDDEN')
  assertOwnJurisdiction(ctx.actor, form)
}

async function review(trx: Trx, ctx: ActorCtx, form: repo.FormRow, move: ReviewMove, opinion: string) {
  assertReviews(ctx, form, move)
  const stage = form.status === 'submitted' ? 'dept' : 'finance'
  const status: MonitoringFormStatus = move === 'return' ? 'returned' : stage === 'dept' ? 'dept_accepted' : 'accepted'
  await repo.updateFormRow(trx, form.id, { status, updatedAt: ctx.now, ...(status === 'accepted' && { acceptedAt: ctx.now }) })
  await repo.insertOpinion(trx, { formId: form.id, stage, action: move, opinion, actorId: ctx.actor.userId, orgCode: ctx.actor.org.code, createdAt: ctx.now })
  const after = await audited(trx, ctx, form, move, opinion)
  if (status === 'accepted') await formsSettled(trx, { formIds: [form.id], userId: ctx.actor.userId, now: ctx.now })
  return after
}

/** The department (初审) or finance (复审) returns the form to its unit with an opinion, or accepts it. */
export async function reviewForm(db: Db, ctx: ActorCtx, id: string, move: ReviewMove, input: { version: number; opinion: string }) {
  return db.transaction().execute(async (trx) => {
    const form = await lockForm(trx, ctx, id, input.version)
    return formView(trx, ctx, await review(trx, ctx, form, move, input.opinion))
  })
}

/**
 * Accepts many forms at once, in one transaction: each that is the caller's to accept at the version given is
 * accepted; the others are reported with their error code (stale, not waiting for the caller, out of scope) and
 * left as they were.
 */
export async function batchAccept(db: Db, ctx: ActorCtx, input: { items: { id: string; version: number }[]; opinion: string }) {
  if (!ctx.actor.permissions.has('monitoring.review')) throw new AppError('FORBIDDEN')
  return db.transaction().execute(async (trx) => {
    const results: { id: string; ok: boolean; code?: string; status?: MonitoringFormStatus }[] = []
    for (const item of input.items) {
      try {
        const form = await lockForm(trx, ctx, item.id, item.version)
        const after = await review(trx, ctx, form, 'accept', input.opinion)
        results.push({ id: item.id, ok: true, status: after.status })
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        results.push({ id: item.id, ok: false, code: error.code })
      }
    }
    return { accepted: results.filter((r) => r.ok).length, items: results }
  })
}
