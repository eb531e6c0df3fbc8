import { effectiveDeadline } from '../../../domain/key-monitoring.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import * as repo from './self.repository.ts'
import type { SelfExtensionInput } from './self.schemas.ts'

/** The deadline that holds for a form: the round's, or a later extension finance granted (the monitoring rule). */
export const selfFormDeadline = (form: { deadline: Date; extensionUntil: Date | null }) => effectiveDeadline(new Date(form.deadline), form.extensionUntil && new Date(form.extensionUntil))

/** Units and departments fill only until the form's deadline; finance bureaus are not held by it. */
export function pastSelfDeadline(ctx: ActorCtx, form: { deadline: Date; extensionUntil: Date | null }) {
  return ctx.actor.org.kind !== 'jurisdiction' && ctx.now > selfFormDeadline(form)
}

/** 409 SELF_EVAL_DEADLINE_PASSED naming the deadline that passed (and whether it was an extension). */
export function assertBeforeSelfDeadline(ctx: ActorCtx, form: { deadline: Date; extensionUntil: Date | null }) {
  if (!pastSelfDeadline(ctx, form)) return
  const deadline = selfFormDeadline(form)
  throw new AppError('SELF_EVAL_DEADLINE_PASSED', { deadline: deadline.toISOString(), extended: !!form.extensionUntil && deadline.getTime() === new Date(form.extensionUntil).getTime() })
}

/** Finance grants forms, or every form of a unit or department, a later deadline; the lock then holds from it. */
export async function extendSelfForms(db: Db, ctx: ActorCtx, roundId: string, input: SelfExtensionInput) {
  return db.transaction().execute(async (trx) => {
    const round = await repo.findRound(trx, ctx.actor, roundId)
    if (!round) throw new AppError('NOT_FOUND')
    assertOwnJurisdiction(ctx.actor, round)
    if (round.status !== 'open') throw new AppError('NOT_EDITABLE', { status: round.status }, { zh: '自评批次未在填报中，不能延期', en: 'The round is not open; nothing can be extended' })
    if (input.until <= ctx.now || input.until <= new Date(round.deadline)) {
      throw new AppError('RULE_VIOLATION', [{ path: 'until', message: '延期后的截止时间须晚于现在和批次的截止时间' }], { zh: '延期后的截止时间须晚于现在和批次的截止时间', en: 'The extension must end after now and after the round’s deadline' })
    }
    let q = repo.formsOfRound(trx, ctx.actor, roundId)
    if (input.formIds?.length) q = q.where('selfEvalForm.id', 'in', input.formIds)
    if (input.orgCode) q = q.where((eb) => eb.or([eb('selfEvalForm.unitCode', '=', input.orgCode!), eb('selfEvalForm.departmentCode', '=', input.orgCode!)]))
    const before = await q.select(['selfEvalForm.id', 'selfEvalForm.extensionUntil']).execute()
    if (before.length === 0 || (input.formIds?.length && before.length !== new Set(input.formIds).size)) throw new AppError('NOT_FOUND')
    await trx.updateTable('selfEvalForm').set({ extensionUntil: input.until, updatedAt: ctx.now }).where('id', 'in', before.map((f) => f.id)).execute()
    await recordAudit(trx, ctx, {
      action: 'evaluation.self_extend',
      entityType: 'self_eval_round',
      entityId: roundId,
      before: { forms: before.map((f) => ({ id: f.id, extensionUntil: f.extensionUntil && new Date(f.extensionUntil).toISOString() })) },
      after: { formIds: before.map((f) => f.id), orgCode: input.orgCode ?? null, until: input.until.toISOString(), reason: input.reason },
    })
    return { extended: before.length, until: input.until.toISOString() }
  })
}
