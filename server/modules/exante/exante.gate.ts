import { needsExAnte } from '../../../domain/exante.ts'
import { formatMoney } from '../../../domain/money.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import { assessmentsOfProject } from './exante.repository.ts'

/** Where a project stands with its ex-ante assessment, for people: 未评估, 评估中, 结论为“…”. */
export async function exAnteStateOf(db: Db | Trx, projectId: string, rules: Pick<RuleSet, 'exAnte'>) {
  const all = await assessmentsOfProject(db, projectId)
  const concluded = all.filter((a) => a.status === 'completed').sort((a, b) => Number(b.concludedAt) - Number(a.concludedAt))[0]
  if (concluded?.conclusion === rules.exAnte.passingConclusion) return { passed: true, zh: `结论为“${concluded.conclusion}”`, en: `concluded ${concluded.conclusion}` }
  if (all.some((a) => a.status !== 'completed')) return { passed: false, zh: '评估中，尚无结论', en: 'assessment in progress, no conclusion yet' }
  if (concluded) return { passed: false, zh: `结论为“${concluded.conclusion}”`, en: `concluded ${concluded.conclusion}` }
  return { passed: false, zh: '未评估', en: 'not assessed' }
}

const stepWords = {
  library: { zh: '方可入库', en: 'enters the library' },
  budgeted: { zh: '方可纳入预算', en: 'enters the budget' },
} as const

/**
 * The ex-ante gate of the project library and the budget (REFERENCE §3.3, §13.28): a project that needs an
 * assessment enters the library — and the budget, which a project raised to major while in the library would
 * otherwise reach unassessed — only when its latest concluded assessment says exactly the rule set's passing
 * conclusion (予以支持). Null when the project may pass; otherwise the reason, in both languages.
 */
export async function exAnteGateProblem(
  trx: Db | Trx,
  project: { id: string; isMajorNew: boolean; amountTotal: string },
  rules: Pick<RuleSet, 'exAnte'>,
  entering: keyof typeof stepWords = 'library',
): Promise<{ zh: string; en: string } | null> {
  if (!needsExAnte(project, rules)) return null
  const state = await exAnteStateOf(trx, project.id, rules)
  if (state.passed) return null
  const passing = rules.exAnte.passingConclusion
  const threshold = formatMoney(rules.exAnte.majorProjectAmount)
  const subject = project.isMajorNew ? { zh: '重大新增项目', en: 'A major new project' } : { zh: `年度资金达到 ${threshold} 元的项目`, en: `A project of ${threshold} yuan or more` }
  return {
    zh: `${subject.zh}须经事前绩效评估且结论为“${passing}”${stepWords[entering].zh}（当前：${state.zh}）`,
    en: `${subject.en} ${stepWords[entering].en} only after an ex-ante assessment concluding ${passing} (now: ${state.en})`,
  }
}
