import {
  canEditExAnte,
  canSubmitExAnte,
  conclusionProblems,
  type ExAnteChecklist,
  exAnteKindOf,
  type ExAnteScores,
  exAnteStatusLabels,
  missingAttachments,
  needsExAnte,
  scoreProblems,
  scoreSheet,
  suggestedConclusion,
} from '../../../domain/exante.ts'
import { editableStatuses, projectStatusLabels, type RuleProblem } from '../../../domain/projects.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { getProject } from '../projects/projects.service.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import * as repo from './exante.repository.ts'
import type { ConcludeExAnteInput, UpdateExAnteInput } from './exante.schemas.ts'

export { exAnteGateProblem } from './exante.gate.ts'

/** An assessment as the API returns it: the row, its score sheet and what is still missing. */
export function toExAnteView(row: repo.ExAnteRow, rules: RuleSet) {
  const sheet = scoreSheet(row.kind, row.scores, row.dimensionPoints, rules)
  return {
    ...row,
    sheet,
    missingAttachments: missingAttachments(row.attachments),
    suggestedConclusion: suggestedConclusion(sheet.rating),
    required: needsExAnte(row, rules),
    passingConclusion: rules.exAnte.passingConclusion,
    /** For the editor's live ratings: the bands of the rule set in force. */
    gradeBands: rules.gradeBands,
  }
}
export type ExAnteView = ReturnType<typeof toExAnteView>

const rulesFor = async (db: Db | Trx, row: { jurisdictionCode: string; fiscalYear: number }) => (await effectiveRules(db, row.jurisdictionCode, row.fiscalYear)).rules

function violation(ctx: ActorCtx, problems: RuleProblem[]): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
}

async function mustFind(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findVisibleExAnte(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

async function mustFindForUpdate(trx: Trx, ctx: ActorCtx, id: string, version: number) {
  const row = await repo.findVisibleExAnteForUpdate(trx, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  assertVersion(row, version)
  return row
}

/**
 * The bureau of the assessment's own jurisdiction acts on it; a city supervises its districts' assessments read-only.
 * The agency or expert the bureau assigned works on it wherever they sit.
 */
function assertActsHere(ctx: ActorCtx, row: repo.ExAnteRow) {
  if (row.assignedUserId !== ctx.actor.userId) assertOwnJurisdiction(ctx.actor, row)
}

function assertAllowed(verdict: 'yes' | 'not_editable' | 'forbidden', row: repo.ExAnteRow) {
  if (verdict === 'forbidden') throw new AppError('FORBIDDEN')
  if (verdict === 'not_editable') {
    const label = exAnteStatusLabels[row.status]
    throw new AppError('NOT_EDITABLE', { status: row.status }, { zh: `事前评估处于“${label.zh}”状态，不能执行此操作`, en: `The assessment is ${label.en.toLowerCase()}; this is not possible now` })
  }
}

/** Writes the change, records it in the audit trail and returns the new view. */
async function save(trx: Trx, ctx: ActorCtx, row: repo.ExAnteRow, action: string, changes: Parameters<typeof repo.updateExAnteRow>[2]) {
  await repo.updateExAnteRow(trx, row.id, { ...changes, updatedAt: ctx.now })
  const updated = await mustFind(trx, ctx, row.id)
  await recordAudit(trx, ctx, { action, entityType: 'exante', entityId: row.id, before: row, after: updated })
  return toExAnteView(updated, await rulesFor(trx, updated))
}

/** A unit, its department or the bureau starts the ex-ante assessment of a project still in the reserve or library. */
export async function startExAnte(db: Db, ctx: ActorCtx, input: { projectId: string }) {
  // Agencies and experts read no projects: they work only on what the bureau assigns them.
  if (!ctx.actor.permissions.has('project.read')) throw new AppError('NOT_FOUND')
  const project = await getProject(db, ctx, input.projectId)
  assertOwnJurisdiction(ctx.actor, project)
  if (!editableStatuses.includes(project.status)) {
    const label = projectStatusLabels[project.status]
    throw new AppError('NOT_EDITABLE', undefined, { zh: `项目处于“${label.zh}”状态，不能发起事前评估`, en: `The project is ${label.en}; no ex-ante assessment can start` })
  }
  const rules = await rulesFor(db, project)
  return db.transaction().execute(async (trx) => {
    const existing = await repo.assessmentsOfProject(trx, project.id)
    if (existing.some((a) => a.status !== 'completed' || a.conclusion === rules.exAnte.passingConclusion)) {
      throw new AppError('DUPLICATE', [{ path: 'projectId', message: project.code }], {
        zh: `项目 ${project.name} 已有进行中或结论为“${rules.exAnte.passingConclusion}”的事前评估`,
        en: `Project ${project.name} already has an assessment in progress or concluded ${rules.exAnte.passingConclusion}`,
      })
    }
    const id = await repo.insertExAnte(trx, {
      projectId: project.id,
      jurisdictionCode: project.jurisdictionCode,
      fiscalYear: project.fiscalYear,
      kind: exAnteKindOf(project.objectKind),
      assessorKind: ctx.actor.org.kind === 'jurisdiction' ? 'finance' : 'unit',
      assessorOrgCode: ctx.actor.org.code,
      dimensionPoints: String(rules.exAnte.dimensionPoints),
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    const created = await mustFind(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'exante.create', entityType: 'exante', entityId: id, after: created })
    return toExAnteView(created, rules)
  })
}

/** Scores, the checklist of materials and the report texts, while the assessment is open to this user. */
export async function updateExAnte(db: Db, ctx: ActorCtx, id: string, input: UpdateExAnteInput) {
  return db.transaction().execute(async (trx) => {
    const row = await mustFindForUpdate(trx, ctx, id, input.version)
    assertActsHere(ctx, row)
    assertAllowed(canEditExAnte(ctx.actor, row), row)
    const problems = scoreProblems(row.kind, input.scores ?? {}, row.dimensionPoints)
    const scores: ExAnteScores = { ...row.scores }
    for (const [code, entry] of Object.entries(input.scores ?? {})) {
      if (entry) scores[code] = entry
      else delete scores[code]
    }
    const attachments: ExAnteChecklist = { ...row.attachments }
    for (const [item, entry] of Object.entries(input.attachments ?? {}) as [keyof ExAnteChecklist, { provided: boolean; attachmentIds: string[] }][]) {
      const known = await repo.projectAttachmentIds(trx, row.projectId, entry.attachmentIds)
      const unknown = entry.attachmentIds.filter((a) => !known.has(a))
      if (unknown.length) problems.push({ path: `attachments.${item}.attachmentIds`, zh: '所选附件不属于该项目', en: 'The chosen attachment does not belong to the project' })
      attachments[item] = { provided: entry.provided || entry.attachmentIds.length > 0, attachmentIds: entry.attachmentIds }
    }
    if (problems.length) violation(ctx, problems)
    const { total } = scoreSheet(row.kind, scores, row.dimensionPoints, await rulesFor(trx, row))
    const { version: _v, scores: _s, attachments: _a, ...texts } = input
    return save(trx, ctx, row, 'exante.update', { ...texts, scores: JSON.stringify(scores), total, attachments: JSON.stringify(attachments) })
  })
}

/** The bureau has a third-party agency or an expert carry out the assessment; only they (and the bureau) edit it then. */
export async function assignExAnte(db: Db, ctx: ActorCtx, id: string, input: { userId: string; version: number }) {
  return db.transaction().execute(async (trx) => {
    const row = await mustFindForUpdate(trx, ctx, id, input.version)
    assertOwnJurisdiction(ctx.actor, row)
    if (row.status !== 'draft') assertAllowed('not_editable', row)
    const user = await repo.assessorsVisibleTo(trx, ctx.actor).where('appUser.id', '=', input.userId).executeTakeFirst()
    if (!user) {
      violation(ctx, [{ path: 'userId', zh: '只能指派本级或下级财政的第三方机构用户或评审专家', en: 'Assign an active third-party agency user or expert of your bureau or below' }])
    }
    const assessorKind = user.roles.includes('agency_user') ? 'agency' : 'expert'
    return save(trx, ctx, row, 'exante.assign', { assignedUserId: user.id, assessorKind, assessorOrgCode: user.orgCode })
  })
}

/** The assessor hands a fully scored assessment to the bureau for its conclusion. */
export async function submitExAnte(db: Db, ctx: ActorCtx, id: string, version: number) {
  return db.transaction().execute(async (trx) => {
    const row = await mustFindForUpdate(trx, ctx, id, version)
    assertActsHere(ctx, row)
    assertAllowed(canSubmitExAnte(ctx.actor, row), row)
    const sheet = scoreSheet(row.kind, row.scores, row.dimensionPoints, await rulesFor(trx, row))
    const problems = conclusionProblems(sheet, '予以支持', '')
    if (problems.length) violation(ctx, problems)
    return save(trx, ctx, row, 'exante.submit', { status: 'submitted', submittedAt: ctx.now })
  })
}

/** The bureau concludes: 予以支持, 调整后支持 or 不予支持 (the last two with its reasons). Only 予以支持 opens the library. */
export async function concludeExAnte(db: Db, ctx: ActorCtx, id: string, input: ConcludeExAnteInput) {
  return db.transaction().execute(async (trx) => {
    const row = await mustFindForUpdate(trx, ctx, id, input.version)
    assertOwnJurisdiction(ctx.actor, row)
    if (row.status === 'completed') throw new AppError('INVALID_TRANSITION', { from: row.status }, { zh: '该事前评估已有结论', en: 'The assessment is already concluded' })
    const rules = await rulesFor(trx, row)
    const problems = conclusionProblems(scoreSheet(row.kind, row.scores, row.dimensionPoints, rules), input.conclusion, input.opinion, rules.exAnte.passingConclusion)
    if (problems.length) violation(ctx, problems)
    return save(trx, ctx, row, 'exante.conclude', { status: 'completed', conclusion: input.conclusion, opinion: input.opinion, concludedAt: ctx.now, concludedBy: ctx.actor.userId })
  })
}

export async function getExAnte(db: Db, ctx: ActorCtx, id: string) {
  const row = await mustFind(db, ctx, id)
  return toExAnteView(row, await rulesFor(db, row))
}
