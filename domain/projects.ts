import { addMoney, compareMoney } from './money.ts'
import type { Permission } from './roles.ts'

/** The project library's vocabulary: codes as stored and the Chinese labels units see (and import). */

export const budgetKinds = ['general', 'fund', 'state_capital', 'social_insurance'] as const
export type BudgetKind = (typeof budgetKinds)[number]
export const budgetKindLabels: Record<BudgetKind, { zh: string; en: string }> = {
  general: { zh: '一般公共预算', en: 'General public budget' },
  fund: { zh: '政府性基金预算', en: 'Government fund budget' },
  state_capital: { zh: '国有资本经营预算', en: 'State capital operation budget' },
  social_insurance: { zh: '社会保险基金预算', en: 'Social insurance fund budget' },
}

export const projectAttributes = ['new', 'continuing'] as const
export type ProjectAttribute = (typeof projectAttributes)[number]
export const projectAttributeLabels: Record<ProjectAttribute, { zh: string; en: string }> = {
  new: { zh: '新增', en: 'New' },
  continuing: { zh: '延续', en: 'Continuing' },
}

export const projectTypes = ['recurring', 'multi_year', 'one_off'] as const
export type ProjectType = (typeof projectTypes)[number]
export const projectTypeLabels: Record<ProjectType, { zh: string; en: string }> = {
  recurring: { zh: '常年性', en: 'Recurring' },
  multi_year: { zh: '延续性', en: 'Multi-year' },
  one_off: { zh: '一次性', en: 'One-off' },
}

export const objectKinds = ['general', 'policy', 'special_fund', 'transfer', 'ppp', 'investment_fund', 'procurement', 'purchased_service', 'debt'] as const
export type ObjectKind = (typeof objectKinds)[number]
export const objectKindLabels: Record<ObjectKind, { zh: string; en: string }> = {
  general: { zh: '一般项目', en: 'General project' },
  policy: { zh: '政策', en: 'Policy' },
  special_fund: { zh: '专项资金', en: 'Special fund' },
  transfer: { zh: '转移支付', en: 'Transfer payment' },
  ppp: { zh: 'PPP', en: 'PPP' },
  investment_fund: { zh: '政府投资基金', en: 'Government investment fund' },
  procurement: { zh: '政府采购', en: 'Government procurement' },
  purchased_service: { zh: '政府购买服务', en: 'Government-purchased service' },
  debt: { zh: '政府债务项目', en: 'Government debt project' },
}

export const projectStatuses = ['reserve', 'library', 'budgeted', 'executing', 'closed', 'cancelled'] as const
export type ProjectStatus = (typeof projectStatuses)[number]
export const projectStatusLabels: Record<ProjectStatus, { zh: string; en: string }> = {
  reserve: { zh: '储备', en: 'Reserve' },
  library: { zh: '已入库', en: 'In library' },
  budgeted: { zh: '已纳入预算', en: 'Budgeted' },
  executing: { zh: '执行中', en: 'Executing' },
  closed: { zh: '已完结', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
}

/** The lifecycle. Later stages add gates to these moves (ex-ante conclusion, approved goal). */
export const projectTransitions: Record<ProjectStatus, readonly ProjectStatus[]> = {
  reserve: ['library', 'cancelled'],
  library: ['budgeted', 'reserve', 'cancelled'],
  budgeted: ['executing', 'library', 'cancelled'],
  executing: ['closed'],
  closed: [],
  cancelled: [],
}

export function canTransition(from: ProjectStatus, to: ProjectStatus): boolean {
  return projectTransitions[from].includes(to)
}

/**
 * Who may make a move: departments (and the bureau) take projects into the library or send them back; the
 * finance bureau puts them into the budget and starts execution; departments close them. A unit may
 * withdraw its own draft; once budgeted only the bureau cancels.
 */
export function transitionPermission(from: ProjectStatus, to: ProjectStatus): Permission {
  if (to === 'cancelled') return editableStatuses.includes(from) ? 'project.edit' : 'project.budget'
  if ((from === 'reserve' && to === 'library') || (from === 'library' && to === 'reserve')) return 'project.review'
  if (to === 'closed') return 'project.close'
  return 'project.budget'
}

/** Rows in these statuses are still the unit's draft; later ones are fixed by the budget. */
export const editableStatuses: readonly ProjectStatus[] = ['reserve', 'library']

/** Looks a code up by its Chinese (or English, or code) label, as typed in an import file. */
export function codeFromLabel<C extends string>(labels: Record<C, { zh: string; en: string }>, text: string): C | null {
  const wanted = text.trim()
  for (const [code, label] of Object.entries(labels) as [C, { zh: string; en: string }][]) {
    if (wanted === code || wanted === label.zh || wanted.toLowerCase() === label.en.toLowerCase()) return code
  }
  return null
}

/** What a unit files for one project: the form, the API and the import file all carry exactly this. */
export interface ProjectInput {
  code: string
  name: string
  fiscalYear: number
  unitCode: string
  budgetKind: BudgetKind
  attribute: ProjectAttribute
  projectType: ProjectType
  objectKind: ObjectKind
  periodStartYear: number
  periodEndYear: number
  /** Money: decimal strings with at most two places, never floats. */
  mediumTermAmount: string
  amountGeneral: string
  amountFund: string
  amountStateCapital: string
  amountSocialInsurance: string
  amountOther: string
  isMajorNew: boolean
  description: string
  contactName: string | null
  contactPhone: string | null
}

export const projectInputFields = [
  'code', 'name', 'fiscalYear', 'unitCode', 'budgetKind', 'attribute', 'projectType', 'objectKind', 'periodStartYear',
  'periodEndYear', 'mediumTermAmount', 'amountGeneral', 'amountFund', 'amountStateCapital', 'amountSocialInsurance',
  'amountOther', 'isMajorNew', 'description', 'contactName', 'contactPhone',
] as const satisfies readonly (keyof ProjectInput)[]

/** Just the filed fields of a stored or displayed project (what the form would send back). */
export function projectInputOf(project: ProjectInput): ProjectInput {
  return Object.fromEntries(projectInputFields.map((field) => [field, project[field]])) as unknown as ProjectInput
}

/** The figures the project rules look at. */
export type ProjectFigures = Pick<
  ProjectInput,
  | 'fiscalYear'
  | 'projectType'
  | 'periodStartYear'
  | 'periodEndYear'
  | 'mediumTermAmount'
  | 'amountGeneral'
  | 'amountFund'
  | 'amountStateCapital'
  | 'amountSocialInsurance'
  | 'amountOther'
>

export interface RuleProblem {
  path: string
  zh: string
  en: string
}

/** 财政拨款 is the sum of the four budgets; the annual total adds 其他资金. */
export function projectTotals(p: ProjectFigures): { amountFiscal: string; amountTotal: string } {
  const amountFiscal = addMoney(p.amountGeneral, p.amountFund, p.amountStateCapital, p.amountSocialInsurance)
  return { amountFiscal, amountTotal: addMoney(amountFiscal, p.amountOther) }
}

/** The checks a project must pass wherever it comes from (form, API, import file). */
export function projectRuleProblems(p: ProjectFigures): RuleProblem[] {
  const problems: RuleProblem[] = []
  const { amountTotal } = projectTotals(p)
  if (p.periodEndYear < p.periodStartYear) {
    problems.push({ path: 'periodEndYear', zh: '实施期结束年度不能早于开始年度', en: 'The period cannot end before it starts' })
  } else if (p.fiscalYear < p.periodStartYear || p.fiscalYear > p.periodEndYear) {
    problems.push({ path: 'fiscalYear', zh: `预算年度 ${p.fiscalYear} 不在实施期 ${p.periodStartYear}–${p.periodEndYear} 内`, en: `Fiscal year ${p.fiscalYear} is outside the period ${p.periodStartYear}–${p.periodEndYear}` })
  }
  if (p.projectType === 'one_off' && p.periodStartYear !== p.periodEndYear) {
    problems.push({ path: 'periodEndYear', zh: '一次性项目的实施期只能是一个年度', en: 'A one-off project runs for one year' })
  }
  if (compareMoney(amountTotal, '0') <= 0) {
    problems.push({ path: 'amountGeneral', zh: '年度资金合计须大于 0', en: 'The annual total must be greater than 0' })
  }
  if (compareMoney(p.mediumTermAmount, amountTotal) < 0) {
    problems.push({ path: 'mediumTermAmount', zh: '中期资金总额不能小于本年度资金合计', en: 'The medium-term total cannot be less than this year’s total' })
  }
  return problems
}
