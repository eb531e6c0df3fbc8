import { proposeBudget } from '../../../domain/results.ts'
import type { Grade } from '../../../domain/rule-set.ts'
import type { Db } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { recordAuditBatch } from '../../platform/audit.ts'
import { projectTotals } from '../execution/execution.funds.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { openRectificationCounts } from './budget-decisions.repository.ts'

const CHUNK = 200

interface Source {
  sourceType: 'self_evaluation' | 'key_evaluation'
  sourceId: string
  grade: Grade
}

/**
 * The grade each project of the jurisdiction evaluated in `evaluatedYear` carries into next year's budget (rule 42):
 * a self-evaluation accepted by finance, or a reported key evaluation — the key evaluation wins when both exist.
 */
export async function gradedProjects(db: Db, jurisdictionCode: string, evaluatedYear: number): Promise<Map<string, Source>> {
  const result = new Map<string, Source>()
  const forms = await db
    .selectFrom('selfEvalForm')
    .select(['id', 'projectId', 'grade'])
    .where('jurisdictionCode', '=', jurisdictionCode)
    .where('fiscalYear', '=', evaluatedYear)
    .where('kind', '=', 'project')
    .where('status', '=', 'accepted')
    .where('projectId', 'is not', null)
    .where('grade', 'is not', null)
    .orderBy('id')
    .execute()
  for (const f of forms) result.set(f.projectId!, { sourceType: 'self_evaluation', sourceId: f.id, grade: f.grade! })
  const keys = await db
    .selectFrom('keyEvaluation')
    .select(['id', 'projectId', 'grade'])
    .where('jurisdictionCode', '=', jurisdictionCode)
    .where('fiscalYear', '=', evaluatedYear)
    .where('stage', '=', 'reported')
    .where('projectId', 'is not', null)
    .where('grade', 'is not', null)
    .orderBy('id')
    .execute()
  for (const k of keys) result.set(k.projectId!, { sourceType: 'key_evaluation', sourceId: k.id, grade: k.grade! })
  return result
}

export interface GenerateResult {
  projects: number
  created: number
  refreshed: number
  keptDecided: number
}

/**
 * Proposes (or refreshes) the next-year budget decision of every graded project, in chunks of their own
 * transactions. Idempotent: a rerun refreshes undecided proposals and never touches a recorded decision.
 */
export async function generateBudgetProposals(
  db: Db,
  input: { jurisdictionCode: string; evaluatedYear: number; now: Date },
  progress: (done: number, total: number, message?: string) => Promise<void> = async () => {},
): Promise<GenerateResult> {
  const { jurisdictionCode, evaluatedYear } = input
  const rules = (await effectiveRules(db, jurisdictionCode, evaluatedYear)).rules
  const sources = await gradedProjects(db, jurisdictionCode, evaluatedYear)
  const ids = [...sources.keys()]
  const result: GenerateResult = { projects: ids.length, created: 0, refreshed: 0, keptDecided: 0 }
  const ctx: Ctx = { actor: null, requestId: 'job:budget-decisions', clientIp: 'job', now: input.now, lang: 'zh' }
  await progress(0, ids.length, `${evaluatedYear} 年度评价结果 ${ids.length} 个项目`)
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK)
    await db.transaction().execute(async (trx) => {
      const projects = await trx.selectFrom('project').select(['id', 'code', 'jurisdictionCode']).where('id', 'in', chunk).execute()
      const totals = await projectTotals(trx, { projectIds: chunk, fiscalYear: evaluatedYear, month: 12 })
      const open = await openRectificationCounts(trx, chunk)
      const existing = await trx.selectFrom('budgetDecision').selectAll().where('projectId', 'in', chunk).where('fiscalYear', '=', evaluatedYear + 1).forUpdate().execute()
      const byProject = new Map(existing.map((d) => [d.projectId, d]))
      const audits = []
      for (const project of projects) {
        const source = sources.get(project.id)!
        const before = byProject.get(project.id)
        if (before?.decidedAt) {
          result.keptDecided++
          continue
        }
        const baseAmount = totals.get(project.id)?.budgetAdjusted ?? '0.00'
        const openRectifications = open.get(project.id) ?? 0
        const proposal = proposeBudget({ grade: source.grade, baseAmount, openRectifications }, rules)
        const values = {
          sourceType: source.sourceType,
          sourceId: source.sourceId,
          grade: source.grade,
          baseAmount,
          proposedAction: proposal.value.action,
          cutPercent: proposal.value.cutPercent,
          proposedAmount: proposal.value.proposedAmount,
          recoveredAmount: proposal.value.recoveredAmount,
          openRectifications,
          explanation: JSON.stringify({ rule: proposal.rule, formula: proposal.formula }),
          updatedAt: input.now,
        }
        if (before) {
          await trx.updateTable('budgetDecision').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('id', '=', before.id).execute()
          result.refreshed++
          audits.push({ action: 'budget_decision.propose', entityType: 'budget_decision', entityId: before.id, before, after: values })
        } else {
          const row = { ...values, jurisdictionCode: project.jurisdictionCode, projectId: project.id, projectCode: project.code, fiscalYear: evaluatedYear + 1, createdAt: input.now }
          const { id } = await trx.insertInto('budgetDecision').values(row).returning('id').executeTakeFirstOrThrow()
          result.created++
          audits.push({ action: 'budget_decision.propose', entityType: 'budget_decision', entityId: id, after: row })
        }
      }
      await recordAuditBatch(trx, ctx, audits)
    })
    await progress(Math.min(start + CHUNK, ids.length), ids.length)
  }
  return result
}
