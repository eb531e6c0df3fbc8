import type { Selectable } from 'kysely'
import { budgetDecisionSubjectLabels, proposeBudget } from '../../../domain/results.ts'
import type { Grade, RuleSet } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { BudgetDecisionTable } from '../../db/schema.ts'
import type { Ctx } from '../../http/context.ts'
import { type AuditEntry, recordAuditBatch } from '../../platform/audit.ts'
import { projectTotals } from '../execution/execution.funds.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { openRectificationCounts } from './budget-decisions.repository.ts'
import { departmentFigures, districtFigures, gradedDepartments, gradedDistricts } from './budget-decisions.subjects.ts'

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
  /** Departments graded as a whole, and districts by their published 考核 (those without transfers get no proposal). */
  departments: number
  districts: number
  districtsWithoutTransfers: number
  created: number
  refreshed: number
  keptDecided: number
}

/**
 * Proposes (or refreshes) the next-year budget decision of every graded project, in chunks of their own
 * transactions, then of every department graded as a whole and every district with a published 考核. Idempotent: a rerun refreshes undecided proposals and never touches a recorded decision.
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
  const result: GenerateResult = { projects: ids.length, departments: 0, districts: 0, districtsWithoutTransfers: 0, created: 0, refreshed: 0, keptDecided: 0 }
  const ctx: Ctx = { actor: null, requestId: 'job:budget-decisions', clientIp: 'job', now: input.now, lang: 'zh' }
  await progress(0, ids.length, `${evaluatedYear} 年度评价结果 ${ids.length} 个项目`)
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK)
    await db.transaction().execute(async (trx) => {
      const projects = await trx.selectFrom('project').select(['id', 'code', 'jurisdictionCode', 'departmentCode']).where('id', 'in', chunk).execute()
      const totals = await projectTotals(trx, { projectIds: chunk, fiscalYear: evaluatedYear, month: 12 })
      const open = await openRectificationCounts(trx, chunk)
      const existing = await trx.selectFrom('budgetDecision').selectAll().where('projectId', 'in', chunk).where('fiscalYear', '=', evaluatedYear + 1).forUpdate().execute()
      const byProject = new Map(existing.map((d) => [d.projectId, d]))
      const audits: AuditEntry[] = []
      for (const project of projects) {
        const source = sources.get(project.id)!
        const baseAmount = totals.get(project.id)?.budgetAdjusted ?? '0.00'
        const subject = { jurisdictionCode: project.jurisdictionCode, projectId: project.id, projectCode: project.code, departmentCode: project.departmentCode }
        await writeProposal(trx, { before: byProject.get(project.id), subject, source, baseAmount, openRectifications: open.get(project.id) ?? 0 }, { rules, now: input.now, evaluatedYear, result, audits })
      }
      await recordAuditBatch(trx, ctx, audits)
    })
    await progress(Math.min(start + CHUNK, ids.length), ids.length)
  }
  await proposeForOrgs(db, { jurisdictionCode, evaluatedYear, now: input.now, rules, result, ctx })
  await progress(ids.length, ids.length, `部门整体 ${result.departments} 个，下级财政 ${result.districts} 个`)
  return result
}

interface WriteContext {
  rules: RuleSet
  now: Date
  evaluatedYear: number
  result: GenerateResult
  audits: AuditEntry[]
}

interface ProposalSubject {
  jurisdictionCode: string
  departmentCode: string | null
  projectId?: string
  projectCode?: string
  subjectKind?: 'department' | 'district'
  subjectOrgCode?: string
}

/** Inserts or refreshes one subject's proposal; a recorded decision is never touched. */
async function writeProposal(
  trx: Trx,
  input: { before: Selectable<BudgetDecisionTable> | undefined; subject: ProposalSubject; source: { sourceType: Selectable<BudgetDecisionTable>['sourceType']; sourceId: string; grade: Grade }; baseAmount: string; openRectifications: number },
  w: WriteContext,
) {
  const { before, subject, source, baseAmount, openRectifications } = input
  if (before?.decidedAt) {
    w.result.keptDecided++
    return
  }
  const proposal = proposeBudget({ grade: source.grade, baseAmount, openRectifications }, w.rules)
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
    // A department's or a district's base is not a project's budget: the formula says which money it is.
    explanation: JSON.stringify({ rule: proposal.rule, formula: subject.subjectKind ? `${budgetDecisionSubjectLabels[subject.subjectKind].base.zh}：${proposal.formula}` : proposal.formula }),
    updatedAt: w.now,
  }
  if (before) {
    await trx.updateTable('budgetDecision').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('id', '=', before.id).execute()
    w.result.refreshed++
    w.audits.push({ action: 'budget_decision.propose', entityType: 'budget_decision', entityId: before.id, before, after: values })
  } else {
    const row = { ...values, ...subject, fiscalYear: w.evaluatedYear + 1, createdAt: w.now }
    const { id } = await trx.insertInto('budgetDecision').values(row).returning('id').executeTakeFirstOrThrow()
    w.result.created++
    w.audits.push({ action: 'budget_decision.propose', entityType: 'budget_decision', entityId: id, after: row })
  }
}

/**
 * REFERENCE §8: the departments graded as a whole propose their next budget from the department's budget of the year,
 * and the districts by their published 考核 the bureau's transfers to them (a district without transfers: nothing to propose).
 */
async function proposeForOrgs(db: Db, input: { jurisdictionCode: string; evaluatedYear: number; now: Date; rules: RuleSet; result: GenerateResult; ctx: Ctx }) {
  const { jurisdictionCode, evaluatedYear, result } = input
  const departments = await gradedDepartments(db, jurisdictionCode, evaluatedYear)
  const districts = await gradedDistricts(db, jurisdictionCode, evaluatedYear)
  result.departments = departments.length
  result.districts = districts.length
  const subjects = [...departments, ...districts]
  if (subjects.length === 0) return
  await db.transaction().execute(async (trx) => {
    const figures = {
      department: await departmentFigures(trx, jurisdictionCode, evaluatedYear, departments.map((d) => d.orgCode)),
      district: await districtFigures(trx, jurisdictionCode, evaluatedYear, districts.map((d) => d.orgCode)),
    }
    const existing = await trx
      .selectFrom('budgetDecision')
      .selectAll()
      .where('subjectKind', 'in', ['department', 'district'])
      .where('subjectOrgCode', 'in', subjects.map((s) => s.orgCode))
      .where('fiscalYear', '=', evaluatedYear + 1)
      .forUpdate()
      .execute()
    const bySubject = new Map(existing.map((d) => [`${d.subjectKind}:${d.subjectOrgCode}`, d]))
    const audits: AuditEntry[] = []
    for (const s of subjects) {
      const baseAmount = figures[s.subjectKind].base.get(s.orgCode)
      if (s.subjectKind === 'district' && !baseAmount) {
        result.districtsWithoutTransfers++
        continue
      }
      const subject = { jurisdictionCode, departmentCode: s.departmentCode, subjectKind: s.subjectKind, subjectOrgCode: s.orgCode }
      const write = { before: bySubject.get(`${s.subjectKind}:${s.orgCode}`), subject, source: s, baseAmount: baseAmount ?? '0.00', openRectifications: figures[s.subjectKind].open.get(s.orgCode) ?? 0 }
      await writeProposal(trx, write, { rules: input.rules, now: input.now, evaluatedYear, result, audits })
    }
    await recordAuditBatch(trx, input.ctx, audits)
  })
}
