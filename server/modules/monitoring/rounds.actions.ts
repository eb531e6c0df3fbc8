import { sql } from 'kysely'
import { isLate, withManualChoice } from '../../../domain/key-monitoring.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import * as repo from './rounds.repository.ts'
import type { AgencyInput, ExtensionInput, KeyPickInput, RemindInput } from './rounds.schemas.ts'
import { mustFindRound } from './rounds.service.ts'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

function violation(ctx: ActorCtx, path: string, zh: string, en: string): never {
  throw new AppError('RULE_VIOLATION', [{ path, message: ctx.lang === 'zh' ? zh : en }], { zh, en })
}

async function openRoundFor(db: Db | Trx, ctx: ActorCtx, id: string) {
  const round = await mustFindRound(db, ctx, id)
  if (round.status === 'opening') throw new AppError('MONITORING_ROUND_OPENING')
  return round
}

/**
 * 未报送: the forms of a round still with their unit (draft or returned), each with its deadline and reminders, and
 * the count per department and per unit. Escalation follows the org tree: a department sees its late units, a bureau
 * its late departments (and, below them, the units).
 */
export async function lateView(db: Db, ctx: ActorCtx, id: string, filter: { departmentCode?: string }) {
  const round = await openRoundFor(db, ctx, id)
  let q = repo.unreportedForms(db, ctx.actor, id)
  if (filter.departmentCode) q = q.where('monitoringForm.departmentCode', '=', filter.departmentCode)
  const rows = await q.limit(20_000).execute()
  const forms = rows.map((r) => ({ ...r, dueAt: iso(r.dueAt)!, extensionUntil: iso(r.extensionUntil), remindedAt: iso(r.remindedAt), late: isLate(r, new Date(round.deadline), ctx.now) }))
  type Group = { code: string; name: string; departmentCode: string; unreported: number; late: number; reminded: number }
  const group = (key: (f: (typeof forms)[number]) => { code: string; name: string }) => {
    const groups = new Map<string, Group>()
    for (const f of forms) {
      const { code, name } = key(f)
      const g = groups.get(code) ?? { code, name, departmentCode: f.departmentCode, unreported: 0, late: 0, reminded: 0 }
      g.unreported++
      if (f.late) g.late++
      if (f.remindCount > 0) g.reminded++
      groups.set(code, g)
    }
    return [...groups.values()].sort((a, b) => b.late - a.late || a.code.localeCompare(b.code))
  }
  return {
    roundId: id,
    deadline: iso(round.deadline)!,
    deadlinePassed: ctx.now > new Date(round.deadline),
    departments: ctx.actor.org.kind === 'jurisdiction' ? group((f) => ({ code: f.departmentCode, name: f.departmentName })) : [],
    units: group((f) => (f.unitCode ? { code: f.unitCode, name: f.unitName ?? f.unitCode } : { code: f.departmentCode, name: `${f.departmentName}（部门整体）` })),
    forms,
  }
}

/** Reminds the late: the chosen forms, or the late forms of the chosen units or departments, or all late ones in scope. */
export async function remind(db: Db, ctx: ActorCtx, id: string, input: RemindInput) {
  return db.transaction().execute(async (trx) => {
    const round = await openRoundFor(trx, ctx, id)
    assertOwnJurisdiction(ctx.actor, round)
    let q = repo.formsOfRound(trx, ctx.actor, id).where('monitoringForm.status', 'in', ['draft', 'returned']).where(sql<boolean>`greatest(${round.deadline}::timestamptz, coalesce(monitoring_form.extension_until, ${round.deadline}::timestamptz)) < ${ctx.now}`)
    if (input.formIds?.length) q = q.where('monitoringForm.id', 'in', input.formIds)
    if (input.unitCodes?.length) q = q.where('monitoringForm.unitCode', 'in', input.unitCodes)
    if (input.departmentCodes?.length) q = q.where('monitoringForm.departmentCode', 'in', input.departmentCodes)
    const targets = await q.select(['monitoringForm.id', 'monitoringForm.unitCode', 'monitoringForm.departmentCode']).execute()
    if (targets.length === 0) violation(ctx, 'formIds', '所选范围内没有逾期未报送的监控表', 'No late form in what you chose')
    const ids = targets.map((t) => t.id)
    await trx.updateTable('monitoringForm').set({ remindedAt: ctx.now, remindCount: sql`remind_count + 1` }).where('id', 'in', ids).execute()
    await recordAudit(trx, ctx, {
      action: 'monitoring.remind',
      entityType: 'monitoring_round',
      entityId: id,
      after: { formIds: ids, units: [...new Set(targets.map((t) => t.unitCode).filter(Boolean))], departments: [...new Set(targets.map((t) => t.departmentCode))], note: input.note },
    })
    return { reminded: ids.length, formIds: ids }
  })
}

/** Finance grants an extension to forms or to every form of a unit; the deadline lock then holds from the new date. */
export async function extend(db: Db, ctx: ActorCtx, id: string, input: ExtensionInput) {
  return db.transaction().execute(async (trx) => {
    const round = await openRoundFor(trx, ctx, id)
    assertOwnJurisdiction(ctx.actor, round)
    if (round.status === 'closed') throw new AppError('MONITORING_ROUND_CLOSED')
    if (input.until <= ctx.now || input.until <= new Date(round.deadline)) violation(ctx, 'until', '延期后的截止时间须晚于现在和批次的截止时间', 'The extension must end after now and after the round’s deadline')
    let q = repo.formsOfRound(trx, ctx.actor, id)
    if (input.formIds?.length) q = q.where('monitoringForm.id', 'in', input.formIds)
    if (input.unitCode) q = q.where('monitoringForm.unitCode', '=', input.unitCode)
    const before = await q.select(['monitoringForm.id', 'monitoringForm.extensionUntil']).execute()
    if (before.length === 0 || (input.formIds?.length && before.length !== new Set(input.formIds).size)) throw new AppError('NOT_FOUND')
    await trx.updateTable('monitoringForm').set({ extensionUntil: input.until, updatedAt: ctx.now }).where('id', 'in', before.map((f) => f.id)).execute()
    await recordAudit(trx, ctx, {
      action: 'monitoring.extend',
      entityType: 'monitoring_round',
      entityId: id,
      before: { forms: before.map((f) => ({ id: f.id, extensionUntil: iso(f.extensionUntil) })) },
      after: { formIds: before.map((f) => f.id), unitCode: input.unitCode ?? null, until: input.until.toISOString(), reason: input.reason },
    })
    return { extended: before.length, until: input.until.toISOString() }
  })
}

/** 重点监控 by hand: picks add 'manual' to a project form's reasons, unpicks take it out of key monitoring. */
export async function pickKey(db: Db, ctx: ActorCtx, id: string, input: KeyPickInput) {
  return db.transaction().execute(async (trx) => {
    const round = await openRoundFor(trx, ctx, id)
    assertOwnJurisdiction(ctx.actor, round)
    const both = input.pick.filter((f) => input.unpick.includes(f))
    if (both.length) violation(ctx, 'unpick', '同一张监控表不能同时选入和移出重点监控', 'A form cannot be picked and unpicked at once')
    const wanted = [...new Set([...input.pick, ...input.unpick])]
    if (wanted.length === 0) violation(ctx, 'pick', '请选择监控表', 'Choose the forms')
    const forms = await repo.formsOfRound(trx, ctx.actor, id).where('monitoringForm.id', 'in', wanted).select(['monitoringForm.id', 'monitoringForm.kind', 'monitoringForm.isKey', 'monitoringForm.keyReasons', 'monitoringForm.agencyUserId']).execute()
    if (forms.length !== wanted.length) throw new AppError('NOT_FOUND')
    if (forms.some((f) => f.kind !== 'project')) violation(ctx, 'pick', '部门整体监控表不参与重点监控选择', 'Department overall forms are not picked for key monitoring')
    const changes = forms.map((f) => {
      const pick = input.pick.includes(f.id)
      return { id: f.id, before: { isKey: f.isKey, keyReasons: f.keyReasons }, after: { isKey: pick, keyReasons: withManualChoice(f.keyReasons, pick) }, agencyUserId: pick ? f.agencyUserId : null }
    })
    for (const c of changes) {
      await trx.updateTable('monitoringForm').set({ isKey: c.after.isKey, keyReasons: c.after.keyReasons, agencyUserId: c.agencyUserId, updatedAt: ctx.now }).where('id', '=', c.id).execute()
    }
    const keyCount = Number((await trx.selectFrom('monitoringForm').select((eb) => eb.fn.countAll<number>().as('n')).where('roundId', '=', id).where('isKey', '=', true).executeTakeFirstOrThrow()).n)
    await trx.updateTable('monitoringRound').set({ keyCount, updatedAt: ctx.now }).where('id', '=', id).execute()
    await recordAudit(trx, ctx, {
      action: 'monitoring.key_pick',
      entityType: 'monitoring_round',
      entityId: id,
      before: changes.map((c) => ({ id: c.id, ...c.before })),
      after: changes.map((c) => ({ id: c.id, ...c.after })),
    })
    return { keyCount, picked: input.pick.length, unpicked: input.unpick.length }
  })
}

/** Finance assigns (or takes back) a third-party agency for key forms; the agency then sees only its assignments. */
export async function assignAgency(db: Db, ctx: ActorCtx, id: string, input: AgencyInput) {
  return db.transaction().execute(async (trx) => {
    const round = await openRoundFor(trx, ctx, id)
    assertOwnJurisdiction(ctx.actor, round)
    const wanted = [...new Set(input.formIds)]
    const forms = await repo.formsOfRound(trx, ctx.actor, id).where('monitoringForm.id', 'in', wanted).select(['monitoringForm.id', 'monitoringForm.isKey', 'monitoringForm.agencyUserId']).execute()
    if (forms.length !== wanted.length) throw new AppError('NOT_FOUND')
    if (input.agencyUserId) {
      if (forms.some((f) => !f.isKey)) violation(ctx, 'formIds', '只能为重点监控项目指派第三方机构', 'Only key-monitoring forms get a third-party agency')
      const agency = await repo.agencyUsersFor(trx, ctx.actor).where('appUser.id', '=', input.agencyUserId).executeTakeFirst()
      if (!agency) violation(ctx, 'agencyUserId', '只能指派本级、下级或上级财政的在用第三方机构用户', 'Assign an active third-party agency user of your bureau, below it or above it')
    }
    await trx.updateTable('monitoringForm').set({ agencyUserId: input.agencyUserId, updatedAt: ctx.now }).where('id', 'in', wanted).execute()
    await recordAudit(trx, ctx, {
      action: 'monitoring.assign_agency',
      entityType: 'monitoring_round',
      entityId: id,
      before: forms.map((f) => ({ id: f.id, agencyUserId: f.agencyUserId })),
      after: wanted.map((f) => ({ id: f, agencyUserId: input.agencyUserId })),
    })
    return { assigned: wanted.length, agencyUserId: input.agencyUserId }
  })
}
