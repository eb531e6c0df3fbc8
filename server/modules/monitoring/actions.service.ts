import { type ActionMove, canMove, chinaDay, inForce, isOverdue, issueProblems, mayIssue, type ProblemText } from '../../../domain/corrective-actions.ts'
import { correctiveActionKindLabels, correctiveActionStatusLabels, monitoredProjectStatuses } from '../../../domain/monitoring.ts'
import { projectStatusLabels } from '../../../domain/projects.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { projectFunds } from '../execution/execution.funds.ts'
import { getProject } from '../projects/projects.service.ts'
import { applyBudgetCut } from './actions.effects.ts'
import * as repo from './actions.repository.ts'
import { visibleForm } from './actions.targets.ts'
import type { IssueActionInput, RespondActionInput } from './actions.schemas.ts'

function violation(ctx: ActorCtx, problems: ProblemText[]): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
}

/** Which moves the actor may take on the action now: the page shows only these buttons. */
export function movesFor(ctx: ActorCtx, row: repo.ActionRow): ActionMove[] {
  const moves: ActionMove[] = []
  const p = ctx.actor.permissions
  const supervising = ctx.actor.org.kind === 'jurisdiction' && ctx.actor.org.jurisdictionCode !== row.jurisdictionCode
  if (p.has('monitoring.fill') && ctx.actor.org.code !== row.issuerOrgCode && canMove('respond', row)) moves.push('respond')
  if (p.has('monitoring.act') && !supervising && mayDecide(ctx, row)) {
    for (const move of ['return', 'close', 'lift'] as const) if (canMove(move, row)) moves.push(move)
  }
  return moves
}

/** The bureau of the action's jurisdiction decides on every action there; a department on those it issued. */
function mayDecide(ctx: ActorCtx, row: repo.ActionRow) {
  return ctx.actor.org.kind === 'jurisdiction' || row.issuerOrgCode === ctx.actor.org.code
}

export async function toActionView(db: Db | Trx, ctx: ActorCtx, row: repo.ActionRow) {
  const today = chinaDay(ctx.now)
  return { ...row, inForce: inForce(row), overdue: isOverdue(row, today), moves: movesFor(ctx, row), events: await repo.eventsOf(db, row.id) }
}

async function mustFind(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findVisibleAction(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function getAction(db: Db, ctx: ActorCtx, id: string) {
  return toActionView(db, ctx, await mustFind(db, ctx, id))
}

/** Where the action lands: a monitoring form (its project, round, department and unit) or a project. */
async function targetOf(db: Db, ctx: ActorCtx, input: IssueActionInput) {
  if (input.formId) {
    const form = await visibleForm(db, ctx.actor, input.formId)
    if (!form) throw new AppError('NOT_FOUND')
    if (input.projectId && input.projectId !== form.projectId) violation(ctx, [{ path: 'projectId', zh: '项目与监控表不一致', en: 'The project is not the form’s' }])
    const project = form.projectId ? await getProject(db, ctx, form.projectId) : null
    return { ...form, project }
  }
  const project = await getProject(db, ctx, input.projectId!)
  const { jurisdictionCode, departmentCode, unitCode, fiscalYear } = project
  return { id: null, roundId: null, projectId: project.id, jurisdictionCode, departmentCode, unitCode, fiscalYear, project }
}

/** Finance (any measure) or a department (for its own units: notices, inquiries, suspension) issues a measure. */
export async function issueAction(db: Db, ctx: ActorCtx, input: IssueActionInput) {
  const target = await targetOf(db, ctx, input)
  assertOwnJurisdiction(ctx.actor, target)
  const issuerKind = ctx.actor.org.kind
  if (!mayIssue(issuerKind, input.kind)) {
    const label = correctiveActionKindLabels[input.kind]
    throw new AppError('FORBIDDEN', { kind: input.kind }, { zh: `“${label.zh}”由财政部门作出`, en: `${label.en} is the finance bureau’s to issue` })
  }
  const { project } = target
  const today = chinaDay(ctx.now)
  const funds = input.kind === 'cut_budget' && project ? (await projectFunds(db, { projectIds: [project.id], fiscalYear: project.fiscalYear, month: 12 })).get(project.id) : undefined
  const problems = issueProblems({ kind: input.kind, amount: input.amount, dueOn: input.dueOn, hasProject: !!project, today, budgetAdjusted: funds?.budgetAdjusted })
  if (problems.length) violation(ctx, problems)
  if (project && input.kind !== 'notice' && input.kind !== 'inquiry' && !(monitoredProjectStatuses as readonly string[]).includes(project.status)) {
    const label = projectStatusLabels[project.status]
    throw new AppError('NOT_EDITABLE', { status: project.status }, { zh: `项目处于“${label.zh}”状态，不能采取该纠偏措施`, en: `The project is ${label.en.toLowerCase()}; this measure does not apply` })
  }
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertAction(trx, {
      jurisdictionCode: target.jurisdictionCode,
      departmentCode: target.departmentCode,
      unitCode: target.unitCode,
      projectId: target.projectId,
      formId: target.id,
      roundId: target.roundId,
      kind: input.kind,
      title: input.title,
      content: input.content,
      amount: input.amount ?? null,
      dueOn: input.dueOn ?? null,
      issuerOrgCode: ctx.actor.org.code,
      issuedBy: ctx.actor.userId,
      goalAdjustmentId: null,
      liftedAt: null,
      liftedBy: null,
      respondedAt: null,
      respondedBy: null,
      closedAt: null,
      closedBy: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    await repo.insertEvent(trx, { actionId: id, event: 'issue', note: input.content, actorId: ctx.actor.userId, createdAt: ctx.now })
    if (input.kind === 'cut_budget' && project) {
      const { goalAdjustmentId } = await applyBudgetCut(trx, ctx, { id, projectId: project.id, fiscalYear: project.fiscalYear, amount: input.amount!, title: input.title, adjustedOn: today })
      if (goalAdjustmentId) await trx.updateTable('correctiveAction').set({ goalAdjustmentId }).where('id', '=', id).execute()
    }
    const created = await mustFind(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'corrective_action.issue', entityType: 'corrective_action', entityId: id, after: created })
    return toActionView(trx, ctx, created)
  })
}

async function lockForMove(trx: Trx, ctx: ActorCtx, id: string, version: number, move: ActionMove) {
  const row = await repo.lockVisibleAction(trx, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  if (move === 'respond') {
    // The side the action is addressed to answers it, never its issuer.
    if (ctx.actor.org.code === row.issuerOrgCode) throw new AppError('FORBIDDEN')
  } else {
    assertOwnJurisdiction(ctx.actor, row)
    if (!mayDecide(ctx, row)) throw new AppError('FORBIDDEN', undefined, { zh: '只有发出该措施的部门或本级财政部门可以办理', en: 'Only the issuing department or the finance bureau decides on this measure' })
  }
  assertVersion(row, version)
  if (!canMove(move, row)) {
    const label = correctiveActionStatusLabels[row.status]
    const reason = move === 'lift' && row.liftedAt ? { zh: '该措施已解除', en: 'The measure is already lifted' } : { zh: `措施处于“${label.zh}”状态，不能执行此操作`, en: `The measure is ${label.en.toLowerCase()}; this is not possible now` }
    throw new AppError('INVALID_TRANSITION', { from: row.status, move }, reason)
  }
  return row
}

async function save(trx: Trx, ctx: ActorCtx, before: repo.ActionRow, move: ActionMove, changes: Parameters<typeof repo.updateAction>[2], note: string, attachmentIds: string[] = []) {
  await repo.updateAction(trx, before.id, { ...changes, updatedAt: ctx.now })
  await repo.insertEvent(trx, { actionId: before.id, event: move, note, attachmentIds, actorId: ctx.actor.userId, createdAt: ctx.now })
  const after = await mustFind(trx, ctx, before.id)
  await recordAudit(trx, ctx, { action: `corrective_action.${move}`, entityType: 'corrective_action', entityId: before.id, before, after })
  return toActionView(trx, ctx, after)
}

/** The unit (or its department on its behalf) answers in writing, with files uploaded to the action. */
export async function respondToAction(db: Db, ctx: ActorCtx, id: string, input: RespondActionInput) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForMove(trx, ctx, id, input.version, 'respond')
    const uploaded = await repo.filesOfAction(trx, id)
    const unknown = input.attachmentIds.findIndex((fileId) => !uploaded.has(fileId))
    if (unknown >= 0) violation(ctx, [{ path: `attachmentIds.${unknown}`, zh: '附件须先上传到该纠偏措施', en: 'Upload the file to this measure first' }])
    return save(trx, ctx, row, 'respond', { status: 'responded', response: input.response, respondedAt: ctx.now, respondedBy: ctx.actor.userId }, input.response, input.attachmentIds)
  })
}

/** The issuer finds the answer wanting: back to the unit, with what is missing. */
export async function returnAction(db: Db, ctx: ActorCtx, id: string, input: { version: number; note: string }) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForMove(trx, ctx, id, input.version, 'return')
    return save(trx, ctx, row, 'return', { status: 'open' }, input.note)
  })
}

/** 办结: the matter is settled. A hold or a suspension stays in force until lifted. */
export async function closeAction(db: Db, ctx: ActorCtx, id: string, input: { version: number; note: string }) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForMove(trx, ctx, id, input.version, 'close')
    return save(trx, ctx, row, 'close', { status: 'closed', closedAt: ctx.now, closedBy: ctx.actor.userId }, input.note)
  })
}

/** 解除: payments flow again (or the project resumes); the matter is settled with it. */
export async function liftAction(db: Db, ctx: ActorCtx, id: string, input: { version: number; note: string }) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForMove(trx, ctx, id, input.version, 'lift')
    const closing = row.closedAt ? {} : { closedAt: ctx.now, closedBy: ctx.actor.userId }
    return save(trx, ctx, row, 'lift', { status: 'closed', liftedAt: ctx.now, liftedBy: ctx.actor.userId, ...closing }, input.note)
  })
}
