import { sql } from 'kysely'
import type { PublicAssessment, PublicGoal, PublicKeyEvaluationReport, PublicPayloads, PublicRecordKind, PublicSelfEvaluation } from '../../../domain/disclosure.ts'
import type { Grade } from '../../../domain/rule-set.ts'
import type { Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { DOCX } from '../../platform/docx.ts'
import { storeFile } from '../../platform/files.ts'
import { keyEvaluationReportDocx } from '../evaluation/key.report.ts'
import { getKeyEvaluation } from '../evaluation/key.service.ts'
import type { PublicCopy } from './public-records.ts'
import type { DisclosureRecordRow } from './disclosure.repository.ts'

/**
 * The frozen copy of a record as the public may see it, built from the record at the moment of approval: only the
 * fields of the Public* shapes (domain/disclosure.ts) — no person's name, no review opinion, no expert's sheet.
 */
export async function buildCopy(trx: Trx, ctx: ActorCtx, record: DisclosureRecordRow): Promise<PublicCopy> {
  const payload = await payloadOf(trx, record.kind, record.sourceId)
  const report = record.kind === 'key_evaluation_report' ? await publicReportFile(trx, ctx, record.sourceId) : null
  if (report) (payload as PublicKeyEvaluationReport).reportFileName = report.fileName
  return {
    kind: record.kind,
    jurisdictionCode: record.jurisdictionCode,
    fiscalYear: record.fiscalYear,
    departmentCode: record.departmentCode,
    recordKey: record.recordKey,
    sourceType: sourceTypes[record.kind],
    sourceId: record.sourceId,
    title: record.title,
    payload,
    fileId: report?.id ?? null,
  }
}

/** The report the portal offers for download: the Word report in its public version, frozen with the copy. */
async function publicReportFile(trx: Trx, ctx: ActorCtx, keyEvaluationId: string) {
  const view = await getKeyEvaluation(trx, ctx, keyEvaluationId)
  const content = await keyEvaluationReportDocx(view, 'public')
  return storeFile(trx, { fileName: `${view.name}报告（公开版）.docx`, contentType: DOCX, content }, ctx.actor.userId, ctx.now)
}

const sourceTypes: Record<PublicRecordKind, string> = { goal: 'goal', self_evaluation: 'self_eval_form', key_evaluation_report: 'key_evaluation', assessment: 'assessment' }

function payloadOf<K extends PublicRecordKind>(trx: Trx, kind: K, id: string): Promise<PublicPayloads[K]>
async function payloadOf(trx: Trx, kind: PublicRecordKind, id: string) {
  switch (kind) {
    case 'goal':
      return goalPayload(trx, id)
    case 'self_evaluation':
      return selfEvaluationPayload(trx, id)
    case 'key_evaluation_report':
      return keyEvaluationPayload(trx, id)
    case 'assessment':
      return assessmentPayload(trx, id)
  }
}

const noScore = () => new AppError('RULE_VIOLATION', [{ path: 'sourceId', message: '记录尚无得分与等级，不能公开' }], { zh: '记录尚无得分与等级，不能公开', en: 'The record has no score and grade yet; it cannot be published' })

async function goalPayload(trx: Trx, id: string): Promise<PublicGoal> {
  const goal = await trx
    .selectFrom('goal')
    .leftJoin('project', 'project.id', 'goal.projectId')
    .innerJoin('orgNode as department', 'department.code', 'goal.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'goal.unitCode')
    .select(['goal.kind', 'goal.name as goalName', 'project.code', 'project.name', 'goal.departmentCode', 'department.name as departmentName', 'unit.name as unitName', 'goal.fiscalYear'])
    .select(['project.amountTotal', 'project.periodStartYear', 'project.periodEndYear', 'goal.overallTarget', 'goal.annualTarget'])
    .where('goal.id', '=', id)
    .executeTakeFirstOrThrow()
  const indicators = await trx.selectFrom('goalIndicator').select(['level1', 'level2', 'name', 'target', 'unit']).where('goalId', '=', id).orderBy('sortOrder').execute()
  const department = goal.kind === 'department'
  return {
    subjectKind: department ? 'department' : 'project',
    projectCode: goal.code ?? goal.departmentCode,
    projectName: goal.name ?? goal.goalName,
    departmentCode: goal.departmentCode,
    departmentName: goal.departmentName,
    unitName: goal.unitName ?? goal.departmentName,
    fiscalYear: goal.fiscalYear,
    budget: department ? await departmentBudget(trx, goal.departmentCode, goal.fiscalYear) : goal.amountTotal!,
    periodStart: department ? goal.fiscalYear : goal.periodStartYear,
    periodEnd: department ? goal.fiscalYear : goal.periodEndYear,
    overallTarget: goal.overallTarget,
    annualTarget: goal.annualTarget,
    indicators: indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target, unit: i.unit || null })),
  }
}

/** A department's budget for the year: its projects in the budget (纳入预算 and after), as its overall goal covers them. */
async function departmentBudget(trx: Trx, departmentCode: string, fiscalYear: number): Promise<string> {
  const row = await trx
    .selectFrom('project')
    .select(sql<string>`coalesce(sum(amount_total), 0)::numeric(18, 2)::text`.as('total'))
    .where('departmentCode', '=', departmentCode)
    .where('fiscalYear', '=', fiscalYear)
    .where('status', 'in', ['budgeted', 'executing', 'closed'])
    .executeTakeFirstOrThrow()
  return row.total
}

async function selfEvaluationPayload(trx: Trx, id: string): Promise<PublicSelfEvaluation> {
  const form = await trx
    .selectFrom('selfEvalForm')
    .leftJoin('project', 'project.id', 'selfEvalForm.projectId')
    .innerJoin('orgNode as department', 'department.code', 'selfEvalForm.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'selfEvalForm.unitCode')
    .select(['selfEvalForm.kind', 'project.code', 'project.name', 'selfEvalForm.departmentCode', 'department.name as departmentName', 'unit.name as unitName', 'selfEvalForm.fiscalYear'])
    .select(['selfEvalForm.budget', 'selfEvalForm.executed', 'selfEvalForm.executionRate', 'selfEvalForm.total', 'selfEvalForm.grade', 'selfEvalForm.problems', 'selfEvalForm.measures'])
    .where('selfEvalForm.id', '=', id)
    .executeTakeFirstOrThrow()
  if (form.total === null || form.grade === null) throw noScore()
  const indicators = await trx
    .selectFrom('selfEvalIndicator')
    .select(['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'applicable'])
    .where('formId', '=', id)
    .orderBy('sortOrder')
    .execute()
  const summary = [form.problems.trim() && `存在的问题：${form.problems.trim()}`, form.measures.trim() && `改进措施：${form.measures.trim()}`].filter(Boolean).join('\n')
  return {
    subjectKind: form.kind,
    subjectCode: form.code ?? form.departmentCode,
    subjectName: form.name ?? `${form.departmentName}部门整体支出`,
    departmentCode: form.departmentCode,
    departmentName: form.departmentName,
    unitName: form.unitName,
    fiscalYear: form.fiscalYear,
    budget: form.budget,
    executed: form.executed,
    executionRate: form.executionRate,
    score: form.total,
    grade: form.grade as Grade,
    indicators: indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target, actual: i.actual ?? (i.applicable ? '' : '不适用'), points: i.weight, score: i.score ?? '0.00' })),
    summary: summary || null,
  }
}

async function keyEvaluationPayload(trx: Trx, id: string): Promise<PublicKeyEvaluationReport> {
  const key = await trx
    .selectFrom('keyEvaluation')
    .leftJoin('project', 'project.id', 'keyEvaluation.projectId')
    .leftJoin('orgNode as department', 'department.code', 'keyEvaluation.departmentCode')
    .leftJoin('keyEvaluationPlan as plan', 'plan.keyEvaluationId', 'keyEvaluation.id')
    .select(['keyEvaluation.name', 'project.code', 'project.name as projectName', 'keyEvaluation.departmentCode', 'department.name as departmentName', 'keyEvaluation.fiscalYear', 'keyEvaluation.total', 'keyEvaluation.grade', 'plan.conclusion'])
    .where('keyEvaluation.id', '=', id)
    .executeTakeFirstOrThrow()
  return {
    projectCode: key.code ?? key.departmentCode ?? '',
    projectName: key.projectName ?? key.name,
    departmentCode: key.departmentCode ?? '',
    departmentName: key.departmentName ?? '',
    fiscalYear: key.fiscalYear,
    score: key.total,
    grade: key.grade as Grade | null,
    conclusion: key.conclusion ?? '',
    reportFileName: null,
  }
}

async function assessmentPayload(trx: Trx, id: string): Promise<PublicAssessment> {
  const assessment = await trx
    .selectFrom('assessment')
    .innerJoin('orgNode as assessed', 'assessed.code', 'assessment.orgCode')
    .select(['assessment.orgCode', 'assessed.name', 'assessment.orgKind', 'assessment.fiscalYear', 'assessment.total', 'assessment.rank', 'assessment.grade'])
    .where('assessment.id', '=', id)
    .executeTakeFirstOrThrow()
  if (assessment.total === null) throw noScore()
  const items = await trx.selectFrom('assessmentItem').select(['name', 'points', 'computedScore', 'selfScore', 'reviewScore']).where('assessmentId', '=', id).orderBy('sortOrder').execute()
  return {
    orgCode: assessment.orgCode,
    orgName: assessment.name,
    orgKind: assessment.orgKind === 'department' ? 'department' : 'district',
    fiscalYear: assessment.fiscalYear,
    total: assessment.total,
    rank: assessment.rank,
    grade: assessment.grade,
    items: items.map((i) => ({ name: i.name, points: i.points, score: i.reviewScore ?? i.selfScore ?? i.computedScore ?? '0.00' })),
  }
}
