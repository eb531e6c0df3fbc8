import { randomUUID } from 'node:crypto'
import type { PublicAssessment, PublicGoal, PublicKeyEvaluationReport, PublicPayloads, PublicRecordKind, PublicSelfEvaluation } from '../../../domain/disclosure.ts'
import type { Db } from '../../db/database.ts'
import type { OrgNode } from '../../db/schema.ts'
import type { Actor, Ctx } from '../../http/context.ts'
import type { Clock } from '../../platform/clock.ts'
import { storeFile } from '../../platform/files.ts'
import { type PublicCopy, publishCopy, withdrawCopy } from '../disclosure/public-records.ts'

/**
 * Test support: public copies written straight through publishCopy/withdrawCopy (as disclosure does once finance
 * approves), so the portal's tests need nothing of the staff-side workflow.
 */

export function goalPayload(department: OrgNode, over: Partial<PublicGoal> = {}): PublicGoal {
  const projectCode = over.projectCode ?? `P${randomUUID().slice(0, 8)}`
  return {
    projectCode,
    projectName: `公开项目${projectCode}`,
    departmentCode: department.code,
    departmentName: department.name,
    unitName: `${department.name}本级`,
    fiscalYear: 2026,
    budget: '1200000.00',
    periodStart: 2026,
    periodEnd: 2026,
    overallTarget: '完成年度建设任务，服务群众满意。',
    annualTarget: '完成年度建设任务。',
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '建成数量', target: '≥10', unit: '个' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', target: '≥90%', unit: '%' },
    ],
    ...over,
  }
}

export function selfEvaluationPayload(department: OrgNode, over: Partial<PublicSelfEvaluation> = {}): PublicSelfEvaluation {
  const subjectCode = over.subjectCode ?? `S${randomUUID().slice(0, 8)}`
  return {
    subjectKind: 'project',
    subjectCode,
    subjectName: `自评项目${subjectCode}`,
    departmentCode: department.code,
    departmentName: department.name,
    unitName: `${department.name}本级`,
    fiscalYear: 2025,
    budget: '800000.00',
    executed: '748000.00',
    executionRate: '93.50',
    score: '91.20',
    grade: '优',
    indicators: [{ level1: '产出指标', level2: '数量指标', name: '完成数量', target: '≥10', actual: '12', points: '20.00', score: '20.00' }],
    summary: '个别指标设置偏低，下一年度将提高目标值。',
    ...over,
  }
}

export function keyEvaluationPayload(department: OrgNode, over: Partial<PublicKeyEvaluationReport> = {}): PublicKeyEvaluationReport {
  const projectCode = over.projectCode ?? `K${randomUUID().slice(0, 8)}`
  return {
    projectCode,
    projectName: `重点评价项目${projectCode}`,
    departmentCode: department.code,
    departmentName: department.name,
    fiscalYear: 2025,
    score: '85.00',
    grade: '良',
    conclusion: '项目总体完成较好，资金使用规范。',
    reportFileName: `${projectCode}重点评价报告.pdf`,
    ...over,
  }
}

export function assessmentPayload(org: OrgNode, over: Partial<PublicAssessment> = {}): PublicAssessment {
  return {
    orgCode: org.code,
    orgName: org.name,
    orgKind: org.kind === 'jurisdiction' ? 'district' : 'department',
    fiscalYear: 2025,
    total: '92.50',
    rank: 1,
    grade: '优',
    items: [
      { name: '目标管理', points: '20.00', score: '19.00' },
      { name: '运行监控', points: '20.00', score: '18.50' },
    ],
    ...over,
  }
}

const keyOf = (kind: PublicRecordKind, payload: PublicPayloads[PublicRecordKind]): string =>
  kind === 'assessment' ? (payload as PublicAssessment).orgCode : kind === 'self_evaluation' ? (payload as PublicSelfEvaluation).subjectCode : (payload as PublicGoal).projectCode

const titleOf = (payload: PublicPayloads[PublicRecordKind]): string => {
  const p = payload as { projectName?: string; subjectName?: string; orgName?: string }
  return p.projectName ?? p.subjectName ?? p.orgName ?? ''
}

export interface PublishOptions {
  jurisdictionCode: string
  /** The source record's id; the same id republished supersedes the earlier copy. */
  sourceId?: string
  fileId?: string | null
  /** The publisher (a user row), so its name sits beside the copy as it would in real use. */
  publisher?: { id: string; username: string; displayName: string }
}

function ctxOf(clock: Clock, publisher?: PublishOptions['publisher']): Ctx {
  const actor = publisher ? ({ userId: publisher.id, username: publisher.username, displayName: publisher.displayName, roles: ['finance_admin'], permissions: new Set(), org: {} } as unknown as Actor) : null
  return { actor, requestId: `portal-test-${randomUUID()}`, clientIp: '127.0.0.1', now: clock.now(), lang: 'zh' }
}

/** Publishes one copy; returns its source id (for a later withdrawal or republication). */
export async function publishFixture<K extends PublicRecordKind>(db: Db, clock: Clock, kind: K, payload: PublicPayloads[K], options: PublishOptions): Promise<string> {
  const sourceId = options.sourceId ?? randomUUID()
  const departmentCode = 'departmentCode' in payload ? (payload as { departmentCode: string }).departmentCode : (payload as PublicAssessment).orgKind === 'department' ? (payload as PublicAssessment).orgCode : null
  const copy: PublicCopy<K> = {
    kind,
    jurisdictionCode: options.jurisdictionCode,
    fiscalYear: payload.fiscalYear,
    departmentCode,
    recordKey: keyOf(kind, payload),
    sourceType: kind,
    sourceId,
    title: titleOf(payload),
    payload,
    fileId: options.fileId ?? null,
  }
  await db.transaction().execute((trx) => publishCopy(trx, ctxOf(clock, options.publisher), copy))
  return sourceId
}

export async function withdrawFixture(db: Db, clock: Clock, kind: PublicRecordKind, sourceId: string, reason: string, withdrawer?: PublishOptions['publisher']) {
  return db.transaction().execute((trx) => withdrawCopy(trx, ctxOf(clock, withdrawer), { kind, sourceId }, reason))
}

/** A stored report file (the uploaded name may be anything: the portal must offer the published name). */
export async function reportFixture(db: Db, clock: Clock, uploadedName: string, text = '%PDF-1.4 评价报告正文') {
  const file = await db.transaction().execute((trx) => storeFile(trx, { fileName: uploadedName, contentType: 'application/pdf', content: Buffer.from(text) }, null, clock.now()))
  return file.id
}
