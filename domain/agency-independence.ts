/**
 * The independence check of a third-party agency engagement (rule 44; 财预〔2021〕6号 "权责清晰、主体分离" and
 * 利益冲突回避; local: no major violation in the last 3 years). Pure: the server gathers the agency's record and the
 * evaluation's parties, this names every reason the agency may not take the work — none means it may.
 */
import { type AgencyConflictReason, agencyConflictReasonLabels, type AgencyCreditStatus, type EvaluationObjectKind } from './evaluation.ts'

export const violationSeverities = ['major', 'minor'] as const
export type ViolationSeverity = (typeof violationSeverities)[number]
export const violationSeverityLabels: Record<ViolationSeverity, { zh: string; en: string }> = {
  major: { zh: '重大', en: 'Major' },
  minor: { zh: '一般', en: 'Minor' },
}

/** Earlier work an agency did: an ex-ante assessment it carried out, a monitoring verification assigned to it. */
export type EarlierStageKind = 'exante' | 'monitoring'
export const earlierStageLabels: Record<EarlierStageKind, { zh: string; en: string }> = {
  exante: { zh: '事前绩效评估', en: 'ex-ante assessment' },
  monitoring: { zh: '绩效监控核查', en: 'monitoring verification' },
}

export interface AgencyRecord {
  /** The org node its user accounts sit under, when it has one. */
  orgCode: string | null
  relations: readonly { orgCode: string; orgName?: string; relation: string }[]
  violations: readonly { date: string; severity: ViolationSeverity; description?: string }[]
  creditStatus: AgencyCreditStatus
  earlierWork: readonly { kind: EarlierStageKind; projectId: string | null; departmentCode: string | null; unitCode: string | null; fiscalYear?: number }[]
}

/** The engagement's parties: the commissioning party (委托方) and the evaluated object's place. */
export interface EngagementParties {
  commissionerCode: string
  commissionerName?: string
  objectKind: EvaluationObjectKind
  projectId: string | null
  departmentCode: string | null
  unitCode: string | null
  objectName?: string
}

export interface IndependenceRules {
  agencyViolationYears: number
  agencyEarlierStageConflicts: boolean
}

export interface AgencyConflict {
  reason: AgencyConflictReason
  zh: string
  en: string
}

/** The org codes that stand for the evaluated object: its unit, and its department (the object of 部门整体). */
export function objectCodes(parties: EngagementParties): string[] {
  return [parties.unitCode, parties.departmentCode].filter((c): c is string => !!c)
}

const yearsBefore = (asOf: Date, years: number) => {
  const d = new Date(asOf)
  d.setUTCFullYear(d.getUTCFullYear() - years)
  return d.toISOString().slice(0, 10)
}

/** Whether earlier work was on the same object: the same project, or for a department overall the same department. */
function sameObject(work: AgencyRecord['earlierWork'][number], parties: EngagementParties) {
  if (parties.projectId && work.projectId === parties.projectId) return true
  if (parties.objectKind === 'department' && parties.departmentCode) return work.departmentCode === parties.departmentCode
  return false
}

/** Every reason the agency is not independent of this engagement, each with a sentence naming it. */
export function checkAgencyIndependence(agency: AgencyRecord, parties: EngagementParties, rules: IndependenceRules, asOf: Date): AgencyConflict[] {
  const found: AgencyConflict[] = []
  const add = (reason: AgencyConflictReason, zh?: string, en?: string) => {
    const label = agencyConflictReasonLabels[reason]
    found.push({ reason, zh: zh ? `${label.zh}（${zh}）` : label.zh, en: en ? `${label.en} (${en})` : label.en })
  }
  const objects = objectCodes(parties)
  const commissioner = parties.commissionerName ?? parties.commissionerCode
  const object = parties.objectName ?? objects.join(', ')

  if (agency.orgCode && agency.orgCode === parties.commissionerCode) add('is_commissioner', commissioner, commissioner)
  if (agency.orgCode && objects.includes(agency.orgCode)) add('is_object', object, object)

  const toCommissioner = agency.relations.filter((r) => r.orgCode === parties.commissionerCode)
  if (toCommissioner.length) {
    const text = toCommissioner.map((r) => `${r.orgName ?? r.orgCode}：${r.relation}`).join('；')
    add('related_to_commissioner', text, toCommissioner.map((r) => `${r.orgName ?? r.orgCode}: ${r.relation}`).join('; '))
  }
  const toObject = agency.relations.filter((r) => objects.includes(r.orgCode))
  if (toObject.length) {
    add('related_to_object', toObject.map((r) => `${r.orgName ?? r.orgCode}：${r.relation}`).join('；'), toObject.map((r) => `${r.orgName ?? r.orgCode}: ${r.relation}`).join('; '))
  }

  if (rules.agencyEarlierStageConflicts) {
    const earlier = agency.earlierWork.filter((w) => sameObject(w, parties))
    if (earlier.length) {
      const kinds = [...new Set(earlier.map((w) => w.kind))]
      add('earlier_stage', kinds.map((k) => earlierStageLabels[k].zh).join('、'), kinds.map((k) => earlierStageLabels[k].en).join(', '))
    }
  }

  const since = yearsBefore(asOf, rules.agencyViolationYears)
  const today = asOf.toISOString().slice(0, 10)
  const major = agency.violations.filter((v) => v.severity === 'major' && v.date > since && v.date <= today)
  if (major.length) {
    const dates = major.map((v) => v.date).sort().join('、')
    add('major_violation', `${rules.agencyViolationYears} 年内：${dates}`, `within ${rules.agencyViolationYears} years: ${dates.replaceAll('、', ', ')}`)
  }

  if (agency.creditStatus === 'blacklisted') add('blacklisted')
  return found
}

/** One message naming every reason, for the 422 answer. */
export function conflictMessage(conflicts: readonly AgencyConflict[]): { zh: string; en: string } {
  return {
    zh: `该机构不符合独立性要求，不能承接本次评价：${conflicts.map((c) => c.zh).join('；')}`,
    en: `The agency is not independent of this evaluation and may not take it: ${conflicts.map((c) => c.en).join('; ')}`,
  }
}
