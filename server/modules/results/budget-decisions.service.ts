import { sql } from 'kysely'
import { decisionProblems } from '../../../domain/results.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { enqueueJob } from '../../platform/jobs.ts'
import { projectVisibleTo } from '../../platform/scope.ts'
import { assertOwnJurisdiction, onlySupervises } from '../../platform/supervision.ts'
import { generateBudgetDecisionsJob } from './budget-decisions.jobs.ts'
import * as repo from './budget-decisions.repository.ts'
import type { DecideInput } from './budget-decisions.schemas.ts'

/** A decision as the pages show it: amounts as decimal strings, the proposal's formula, and whether the actor may decide. */
export function toDecisionView(ctx: ActorCtx, row: repo.DecisionRow) {
  const explanation = (row.explanation ?? {}) as { rule?: string; formula?: string }
  const mayDecide = ctx.actor.permissions.has('budget.decide') && ctx.actor.org.kind === 'jurisdiction' && !onlySupervises(ctx.actor, row)
  return { ...row, decided: row.decidedAt !== null, explanation: { rule: explanation.rule ?? '', formula: explanation.formula ?? '' }, mayDecide }
}

async function mustFind(db: Db, ctx: ActorCtx, id: string) {
  const row = await repo.findVisibleDecision(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function getDecision(db: Db, ctx: ActorCtx, id: string) {
  return toDecisionView(ctx, await mustFind(db, ctx, id))
}

/** Finance queues the proposals of its own jurisdiction's evaluated year; the job's page shows the progress. */
export async function startGeneration(db: Db, ctx: ActorCtx, input: { jurisdictionCode?: string; evaluatedYear: number }) {
  const code = input.jurisdictionCode ?? ctx.actor.org.jurisdictionCode
  const node = await db.selectFrom('orgNode').select(['code', 'path', 'kind']).where('code', '=', code).executeTakeFirst()
  if (!node || node.kind !== 'jurisdiction' || !node.path.startsWith(ctx.actor.org.path)) throw new AppError('NOT_FOUND')
  assertOwnJurisdiction(ctx.actor, { jurisdictionCode: code })
  return db.transaction().execute(async (trx) => {
    const payload = { jurisdictionCode: code, evaluatedYear: input.evaluatedYear }
    const { jobRunId } = await enqueueJob(trx, generateBudgetDecisionsJob, payload, { createdBy: ctx.actor.userId, jurisdictionCode: code, entityType: 'budget_decision' })
    await recordAudit(trx, ctx, { action: 'budget_decision.generate', entityType: 'budget_decision', entityId: null, after: { ...payload, fiscalYear: input.evaluatedYear + 1, jobRunId } })
    return { jobRunId, jurisdictionCode: code, evaluatedYear: input.evaluatedYear, fiscalYear: input.evaluatedYear + 1 }
  })
}

/** Finance records the amount it decides; an amount other than the proposal needs its reason (rule 42). */
export async function decideBudget(db: Db, ctx: ActorCtx, id: string, input: DecideInput) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.lockVisibleDecision(trx, ctx.actor, id)
    if (!before) throw new AppError('NOT_FOUND')
    assertOwnJurisdiction(ctx.actor, before)
    if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
    assertVersion(before, input.version)
    const problems = decisionProblems({ proposedAmount: before.proposedAmount, decidedAmount: input.decidedAmount, reason: input.reason })
    if (problems.length) throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
    await trx
      .updateTable('budgetDecision')
      .set((eb) => ({ decidedAmount: input.decidedAmount, reason: input.reason, decidedBy: ctx.actor.userId, decidedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute()
    const after = (await repo.findVisibleDecision(trx, ctx.actor, id))!
    await recordAudit(trx, ctx, { action: 'budget_decision.decide', entityType: 'budget_decision', entityId: id, before, after })
    return toDecisionView(ctx, after)
  })
}

/**
 * The loop closes on the next year (rule 42): for a project, last year's decision for its year (same project code,
 * same jurisdiction) and the rectification items of last year's project still open. `decision` is null when none.
 */
export async function decisionForProject(db: Db, ctx: ActorCtx, projectId: string) {
  const project = await db.selectFrom('project').select(['id', 'code', 'fiscalYear', 'jurisdictionCode']).where('id', '=', projectId).where(projectVisibleTo(ctx.actor)).executeTakeFirst()
  if (!project) throw new AppError('NOT_FOUND')
  const decision = await db
    .selectFrom('budgetDecision')
    .innerJoin('project as evaluated', 'evaluated.id', 'budgetDecision.projectId')
    .select([
      'budgetDecision.id',
      'budgetDecision.projectId as evaluatedProjectId',
      'evaluated.fiscalYear as evaluatedYear',
      'budgetDecision.fiscalYear',
      'budgetDecision.grade',
      'budgetDecision.sourceType',
      'budgetDecision.proposedAction',
      'budgetDecision.proposedAmount',
      'budgetDecision.decidedAmount',
      'budgetDecision.reason',
      'budgetDecision.decidedAt',
    ])
    .where('budgetDecision.projectCode', '=', project.code)
    .where('budgetDecision.fiscalYear', '=', project.fiscalYear)
    .where('budgetDecision.jurisdictionCode', '=', project.jurisdictionCode)
    .where('budgetDecision.projectId', '<>', project.id)
    .orderBy('budgetDecision.updatedAt', 'desc')
    .executeTakeFirst()
  const counts = await db
    .selectFrom('rectification')
    .innerJoin('project as earlier', 'earlier.id', 'rectification.projectId')
    .select([sql<number>`count(*) filter (where rectification.status <> 'closed')::int`.as('open'), sql<number>`count(*) filter (where rectification.status = 'closed')::int`.as('closed')])
    .where('earlier.code', '=', project.code)
    .where('earlier.jurisdictionCode', '=', project.jurisdictionCode)
    .where('earlier.fiscalYear', '=', project.fiscalYear - 1)
    .executeTakeFirstOrThrow()
  return { projectId: project.id, fiscalYear: project.fiscalYear, decision: decision ?? null, openRectifications: Number(counts.open), closedRectifications: Number(counts.closed) }
}
