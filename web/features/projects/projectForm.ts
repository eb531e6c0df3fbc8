import { ApiError } from '../../api/client'
import { formatMoney } from '../../../domain/money'
import { type ProjectFigures, projectInputOf, projectTotals } from '../../../domain/projects'
import { parseAmount } from './amounts'
import type { Project, ProjectInput } from './projects.types'

/** The form holds money as the user typed it ("1,234,567.89"); it becomes "1234567.89" on the way out. */
export type ProjectFormValues = Omit<ProjectInput, MoneyField | 'contactName' | 'contactPhone'> &
  Record<MoneyField, string> & { contactName?: string | null; contactPhone?: string | null }

export const moneyFields = [
  'mediumTermAmount',
  'amountGeneral',
  'amountFund',
  'amountStateCapital',
  'amountSocialInsurance',
  'amountOther',
] as const
export type MoneyField = (typeof moneyFields)[number]

/** Amounts that may stay empty (meaning 0); 一般公共预算 and 中期资金总额 are required. */
export const optionalMoneyFields: readonly MoneyField[] = ['amountFund', 'amountStateCapital', 'amountSocialInsurance', 'amountOther']

/** The fields the cross-field rules of domain/projects.ts read: a change to one re-checks the others. */
export const figureFields = ['fiscalYear', 'projectType', 'periodStartYear', 'periodEndYear', ...moneyFields] as const

export function toFormValues(p: Project): ProjectFormValues {
  const money = Object.fromEntries(moneyFields.map((f) => [f, formatMoney(p[f])])) as Record<MoneyField, string>
  return { ...projectInputOf(p), ...money }
}

/** An optional amount left empty counts as 0. */
const amountOf = (values: Partial<ProjectFormValues>, field: MoneyField) => {
  const text = values[field]
  if ((text === undefined || text === null || text.trim() === '') && optionalMoneyFields.includes(field)) return '0.00'
  return parseAmount(text)
}

/**
 * The figures the domain rules check, or null while one of them is missing or not a number yet. The year rules
 * do not read money: `moneyOptional` lets them run while an amount is still being typed.
 */
export function figuresOf(values: Partial<ProjectFormValues>, moneyOptional = false): ProjectFigures | null {
  const money = Object.fromEntries(moneyFields.map((f) => [f, amountOf(values, f) ?? (moneyOptional ? '0.00' : null)]))
  if (Object.values(money).some((m) => m === null)) return null
  const { fiscalYear, projectType, periodStartYear, periodEndYear } = values
  if (!fiscalYear || !projectType || !periodStartYear || !periodEndYear) return null
  return { fiscalYear, projectType, periodStartYear, periodEndYear, ...(money as Record<MoneyField, string>) }
}

/** 财政拨款合计 and 年度合计 of what is typed so far, exactly; amounts not typed (or not valid) count as 0. */
export function liveTotals(values: Partial<ProjectFormValues>) {
  const money = Object.fromEntries(moneyFields.map((f) => [f, amountOf(values, f) ?? '0.00'])) as Record<MoneyField, string>
  return projectTotals({ fiscalYear: 0, projectType: 'one_off', periodStartYear: 0, periodEndYear: 0, ...money })
}

/** What the API takes: money as "1234567.89", empty optional amounts as "0.00", empty contacts as null. */
export function toProjectInput(values: ProjectFormValues): ProjectInput {
  const money = Object.fromEntries(moneyFields.map((f) => [f, amountOf(values, f)!])) as Record<MoneyField, string>
  const orNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null)
  return {
    fiscalYear: values.fiscalYear,
    unitCode: values.unitCode,
    budgetKind: values.budgetKind,
    attribute: values.attribute,
    projectType: values.projectType,
    objectKind: values.objectKind,
    periodStartYear: values.periodStartYear,
    periodEndYear: values.periodEndYear,
    ...money,
    code: (values.code ?? '').trim(),
    name: values.name.trim(),
    isMajorNew: values.isMajorNew ?? false,
    description: values.description ?? '',
    contactName: orNull(values.contactName),
    contactPhone: orNull(values.contactPhone),
  }
}

/**
 * The server's answer as errors on form fields: VALIDATION_FAILED and RULE_VIOLATION carry one message per
 * field ('body.fiscalYear' or 'fiscalYear'); DUPLICATE (code) and NOT_FOUND (unitCode) name the field and
 * put the explanation in the main message.
 */
export function serverFieldErrors(err: unknown, known: readonly string[]): { name: string; errors: string[] }[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return []
  const byField = new Map<string, string[]>()
  for (const detail of err.details as { path?: unknown; message?: unknown }[]) {
    if (typeof detail?.path !== 'string') continue
    const name = detail.path.split(/[./]/).filter(Boolean).at(-1) ?? ''
    if (!known.includes(name)) continue
    const explained = err.code === 'VALIDATION_FAILED' || err.code === 'RULE_VIOLATION'
    const message = explained && typeof detail.message === 'string' ? detail.message : err.message
    byField.set(name, [...(byField.get(name) ?? []), message])
  }
  return [...byField].map(([name, errors]) => ({ name, errors }))
}

/**
 * 申报下一年度（延续）: next year's request of the same project — the same 项目编码 (how next year's page finds last
 * year's result, grade and budget decision), unit and classification, the year moved on, marked 延续项目, the period
 * stretched to cover the new year (a one-off one is that year only). The amounts are next year's: left to fill in.
 */
export function continuationValues(p: Project): Partial<ProjectFormValues> {
  const year = p.fiscalYear + 1
  const kept = Object.fromEntries(Object.entries(toFormValues(p)).filter(([field]) => !(moneyFields as readonly string[]).includes(field))) as Partial<ProjectFormValues>
  const oneOff = p.projectType === 'one_off'
  return {
    ...kept,
    name: p.name.replace(new RegExp(`^${p.fiscalYear}(年度?)`), `${year}$1`),
    fiscalYear: year,
    attribute: 'continuing',
    periodStartYear: oneOff ? year : Math.min(p.periodStartYear, year),
    periodEndYear: oneOff ? year : Math.max(p.periodEndYear, year),
  }
}
