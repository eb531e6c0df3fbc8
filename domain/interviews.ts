/**
 * 约谈 and 问责 (issue 13, results application): the vocabulary shared by the server and the web app.
 * A 约谈 is held with a poor performer (a unit, a department, a district bureau) on a finding from a round, a key
 * evaluation, a 考核 or a project; a 问责 records the accountability for a major loss on a project.
 */

export type Labels = { zh: string; en: string }

export const interviewSourceTypes = ['self_round', 'monitoring_round', 'key_evaluation', 'assessment', 'project'] as const
export type InterviewSourceType = (typeof interviewSourceTypes)[number]
export const interviewSourceLabels: Record<InterviewSourceType, Labels> = {
  self_round: { zh: '单位自评批次', en: 'Self-evaluation round' },
  monitoring_round: { zh: '运行监控批次', en: 'Monitoring round' },
  key_evaluation: { zh: '重点评价', en: 'Key evaluation' },
  assessment: { zh: '考核', en: 'Assessment' },
  project: { zh: '项目', en: 'Project' },
}

export type ProblemText = { path: string; zh: string; en: string }

/** A 约谈 or 问责 is recorded after the fact: its date cannot lie in the future. */
export function recordedDateProblems(date: string, today: string, path: string): ProblemText[] {
  return date > today ? [{ path, zh: '日期不能晚于今天', en: 'The date cannot be in the future' }] : []
}
