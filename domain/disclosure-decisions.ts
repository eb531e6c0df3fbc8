import type { PublicRecordKind } from './disclosure.ts'
import type { DisclosureRules } from './rule-set.ts'

/**
 * 信息公开 decisions (issue 14, rule 46): each goal, self-evaluation, key evaluation report and 考核 result is to be
 * published or not — not only with a reason from the rule set's list — and finance approves what goes out (a
 * frozen copy, see disclosure.ts) and may withdraw it. Pure rules shared by the server and the web.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>

export const disclosureKindLabels: Labels<PublicRecordKind> = {
  goal: { zh: '项目绩效目标', en: 'Project goal' },
  self_evaluation: { zh: '绩效自评', en: 'Self-evaluation' },
  key_evaluation_report: { zh: '重点评价报告', en: 'Key evaluation report' },
  assessment: { zh: '考核结果', en: 'Assessment result' },
}

/** When each kind is published (REFERENCE §9). */
export const disclosureOccasionLabels: Labels<PublicRecordKind> = {
  goal: { zh: '随部门预算公开', en: 'With the department budget' },
  self_evaluation: { zh: '随部门决算公开', en: 'With the final accounts' },
  key_evaluation_report: { zh: '评价完成后公开', en: 'On completion' },
  assessment: { zh: '考核结果发布后公开', en: 'Once the result is published' },
}

export const disclosureStates = ['undecided', 'to_publish', 'not_to_publish', 'published', 'withdrawn'] as const
export type DisclosureState = (typeof disclosureStates)[number]
export const disclosureStateLabels: Labels<DisclosureState> = {
  undecided: { zh: '未确定', en: 'Undecided' },
  to_publish: { zh: '拟公开', en: 'To publish' },
  not_to_publish: { zh: '不公开', en: 'Not to publish' },
  published: { zh: '已公开', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
}

export const disclosureDecisions = ['publish', 'withhold'] as const
export type DisclosureDecision = (typeof disclosureDecisions)[number]

/** English names of the national default reasons; a reason a jurisdiction adds is shown as written. */
export const withholdReasonEnglish: Record<string, string> = {
  涉密: 'Classified',
  敏感: 'Sensitive',
  涉及商业秘密: 'Trade secret',
  涉及个人隐私: 'Personal privacy',
  不属于公开范围: 'Outside the scope of disclosure',
  其他: 'Other',
}

export type ProblemText = { path: string; zh: string; en: string }

/** What a decision needs: not publishing needs a reason from the rule set's list, and '其他' (or the like) a text. */
export function decisionProblems(rules: DisclosureRules, input: { decision: DisclosureDecision; reasonCode?: string | null; reasonText?: string | null }): ProblemText[] {
  if (input.decision === 'publish') return []
  const code = input.reasonCode?.trim() ?? ''
  if (!code) return [{ path: 'reasonCode', zh: '不公开须选择原因', en: 'Choose why the record is not published' }]
  if (!rules.withholdReasons.includes(code)) return [{ path: 'reasonCode', zh: `不公开原因须为：${rules.withholdReasons.join('、')}`, en: `The reason must be one of: ${rules.withholdReasons.join(', ')}` }]
  if (rules.reasonsNeedingText.includes(code) && (input.reasonText?.trim() ?? '').length < 2) return [{ path: 'reasonText', zh: `原因为“${code}”时须说明具体理由`, en: `With the reason “${code}”, explain it` }]
  return []
}

/** The record's own status in which it may be published (check each module's statuses). */
export function isPublishable(kind: PublicRecordKind, status: string): boolean {
  switch (kind) {
    case 'goal':
      return status === 'approved' || status === 'published'
    case 'self_evaluation':
      return status === 'accepted'
    case 'key_evaluation_report':
      return status === 'reported'
    case 'assessment':
      return status === 'published'
  }
}

/** Finance approves a record to be published, or publishes it again after an edit, unless it is withheld or withdrawn. */
export const approvableStates: readonly DisclosureState[] = ['undecided', 'to_publish', 'published']
