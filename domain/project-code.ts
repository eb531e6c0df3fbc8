import type { BudgetKind } from './projects.ts'

/**
 * 项目编码 generated when a unit leaves it blank, by its jurisdiction's rule (the rule set's `projectCodePattern`):
 * literal characters and tokens, one of them the serial number, e.g. 440305 2026 1 00042.
 */

export const DEFAULT_PROJECT_CODE_PATTERN = '{jurisdictionCode}{fiscalYear}{budgetKindDigit}{seq:5}'

/** 四本预算 as one digit: 一般公共预算 1, 政府性基金预算 2, 国有资本经营预算 3, 社会保险基金预算 4. */
export const budgetKindDigits: Record<BudgetKind, string> = { general: '1', fund: '2', state_capital: '3', social_insurance: '4' }

export interface ProjectCodeFacts {
  jurisdictionCode: string
  departmentCode: string
  unitCode: string
  fiscalYear: number
  budgetKind: BudgetKind
}

const tokens: Record<string, (facts: ProjectCodeFacts) => string> = {
  jurisdictionCode: (f) => f.jurisdictionCode,
  departmentCode: (f) => f.departmentCode,
  unitCode: (f) => f.unitCode,
  fiscalYear: (f) => String(f.fiscalYear),
  budgetKindDigit: (f) => budgetKindDigits[f.budgetKind],
}

const PART = /\{(\w+)(?::(\d+))?\}|([^{}]+)|([{}])/g
const LITERAL = /^[0-9A-Za-z_-]+$/
const MAX_CODE = 64

/** What is wrong with a pattern; empty when it can generate codes the project form accepts. */
export function projectCodePatternProblems(pattern: string): { zh: string; en: string }[] {
  const problems: { zh: string; en: string }[] = []
  let serials = 0
  let length = 0
  for (const [, token, width, literal, brace] of pattern.matchAll(PART)) {
    if (brace) problems.push({ zh: '花括号须成对使用，如 {fiscalYear}', en: 'Braces come in pairs, e.g. {fiscalYear}' })
    else if (literal !== undefined) {
      if (!LITERAL.test(literal)) problems.push({ zh: `“${literal}”含有编码不允许的字符（只可用字母、数字、_ 和 -）`, en: `"${literal}" has characters a code cannot have (letters, digits, _ and - only)` })
      length += literal.length
    } else if (token === 'seq') {
      serials++
      const digits = Number(width ?? 0)
      if (digits < 1 || digits > 9) problems.push({ zh: '流水号须写作 {seq:N}，N 为 1–9 位', en: 'Write the serial as {seq:N} with N from 1 to 9' })
      length += digits
    } else if (!tokens[token!] || width !== undefined) {
      problems.push({ zh: `未知的占位符 {${token}${width ? `:${width}` : ''}}（可用 ${Object.keys(tokens).map((t) => `{${t}}`).join('、')}、{seq:N}）`, en: `Unknown placeholder {${token}} (use ${Object.keys(tokens).map((t) => `{${t}}`).join(', ')}, {seq:N})` })
    } else length += token === 'fiscalYear' ? 4 : token === 'budgetKindDigit' ? 1 : 12
  }
  if (serials !== 1) problems.push({ zh: '编码规则须含且只含一个流水号 {seq:N}', en: 'A code pattern has exactly one serial {seq:N}' })
  if (length > MAX_CODE) problems.push({ zh: `按此规则生成的编码可能超过 ${MAX_CODE} 位`, en: `Codes of this pattern may exceed ${MAX_CODE} characters` })
  return problems
}

/**
 * The code series a project falls in under a pattern, and its n-th code. The series (the pattern with every token
 * but the serial filled in) is what a counter numbers: 4403052026 1 {seq:5} counts 南山区's 2026 一般公共预算 projects.
 */
export function projectCodeSeries(pattern: string, facts: ProjectCodeFacts): { series: string; code: (serial: number) => string } {
  const series = pattern.replace(PART, (part, token: string | undefined) => (token && token !== 'seq' ? tokens[token]!(facts) : part))
  return {
    series,
    code: (serial) => series.replace(/\{seq:(\d+)\}/, (_, width: string) => String(serial).padStart(Number(width), '0')),
  }
}
