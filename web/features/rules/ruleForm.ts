import Decimal from 'decimal.js'
import { formatMoney, parseMoney } from '../../../domain/money'
import { NATIONAL_SOURCE, type RuleOverrides, type RuleProblem, diffRules, validateRuleSet } from '../../../domain/rule-set-resolve'
import type { Grade, RuleSet } from '../../../domain/rule-set'
import { type RuleLeaf, type RuleRow, gradeKeys, leafAt, ruleLeaves, rowOfLeaf, rowOfProblem } from './ruleFields'
import type { RuleSetView } from './rules.types'

/** The rule-set form ⇄ a RuleSet and its overrides: pure, so the page stays thin and the mapping is tested. */

type Tree = Record<string, unknown>
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value)

export function getAt(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isTree(node) ? node[key] : undefined), tree)
}

function setAt(tree: Tree, path: string, value: unknown) {
  const keys = path.split('.')
  const last = keys.pop()!
  let node = tree
  for (const key of keys) {
    if (!isTree(node[key])) node[key] = {}
    node = node[key] as Tree
  }
  node[last] = value
}

/** The form's values: the RuleSet's shape, with percentages ×100 and money grouped ("5,000,000.00"). */
export type RuleFormValues = Tree

function leafToForm(leaf: RuleLeaf, value: unknown): unknown {
  if (leaf.kind === 'percent' && typeof value === 'number') return new Decimal(value).times(100).toNumber()
  if (leaf.kind === 'money' && typeof value === 'string') return parseMoney(value) === null ? value : formatMoney(value)
  if (Array.isArray(value)) return [...value]
  return value
}

function leafFromForm(leaf: RuleLeaf, value: unknown): unknown {
  if (leaf.kind === 'percent') return typeof value === 'number' ? new Decimal(value).dividedBy(100).toNumber() : value
  if (leaf.kind === 'money') {
    const text = typeof value === 'string' ? value.trim() : ''
    // Left as typed when it is not an amount, so validateRuleSet reports it.
    return parseMoney(text) ?? text
  }
  if (leaf.kind === 'months') return Array.isArray(value) ? [...value].map(Number).sort((a, b) => a - b) : []
  if (leaf.kind === 'tags') return Array.isArray(value) ? value.map((v) => String(v).trim()).filter((v) => v !== '') : []
  return value
}

export function toFormValues(rules: RuleSet): RuleFormValues {
  const values: Tree = {}
  for (const leaf of ruleLeaves) setAt(values, leaf.path, leafToForm(leaf, getAt(rules, leaf.path)))
  return values
}

export function fromFormValues(values: RuleFormValues): RuleSet {
  const rules: Tree = {}
  for (const leaf of ruleLeaves) setAt(rules, leaf.path, leafFromForm(leaf, getAt(values, leaf.path)))
  return rules as unknown as RuleSet
}

/** Leaves left empty in the form (an InputNumber cleared, a select emptied). */
export function emptyLeaves(values: RuleFormValues): string[] {
  return ruleLeaves
    .filter((leaf) => {
      const value = getAt(values, leaf.path)
      return value === undefined || value === null || value === ''
    })
    .map((leaf) => leaf.path)
}

/** What to save: only what differs from the parents' rules, so the rest keeps following them. */
export function overridesOf(view: Pick<RuleSetView, 'inherited'>, values: RuleFormValues): RuleOverrides {
  return diffRules(view.inherited.rules, fromFormValues(values))
}

/** The leaves an override sets, with their values, in catalogue order (arrays are leaves). */
export function flattenOverrides(overrides: unknown, prefix = ''): { path: string; value: unknown }[] {
  if (!isTree(overrides)) return []
  const found = Object.entries(overrides).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return isTree(value) ? flattenOverrides(value, path) : [{ path, value }]
  })
  const order = (path: string) => {
    const i = ruleLeaves.findIndex((leaf) => leaf.path === path)
    return i === -1 ? Number.MAX_SAFE_INTEGER : i
  }
  return prefix ? found : found.sort((a, b) => order(a.path) - order(b.path))
}

/** Whether two overrides set the same leaves to the same values, whatever the key order (jsonb reorders keys). */
export function sameOverrides(a: unknown, b: unknown): boolean {
  const text = (o: unknown) => JSON.stringify(flattenOverrides(o).sort((x, y) => x.path.localeCompare(y.path)))
  return text(a) === text(b)
}

/** Problems of the form's rules by row key, in the user's language. */
export function problemsByRow(problems: { path: string; message: string }[]): Record<string, string[]> {
  const byRow: Record<string, string[]> = {}
  for (const problem of problems) {
    const key = rowOfProblem(problem.path)?.key ?? ''
    const list = (byRow[key] ??= [])
    if (!list.includes(problem.message)) list.push(problem.message)
  }
  return byRow
}

/** validateRuleSet on the form's values, messages in the given language; nothing while a leaf is still empty. */
export function checkForm(values: RuleFormValues, lang: 'zh' | 'en'): { path: string; message: string }[] {
  if (emptyLeaves(values).length > 0) return []
  return validateRuleSet(fromFormValues(values)).map((p: RuleProblem) => ({ path: p.path, message: p[lang] }))
}

/** The source label of this jurisdiction's own layer for the year, if it has one. */
export function ownSourceOf(view: Pick<RuleSetView, 'jurisdiction' | 'fiscalYear' | 'layers'>): string | undefined {
  return view.layers.find((l) => l.jurisdictionCode === view.jurisdiction.code && l.fiscalYear === view.fiscalYear)?.source
}

export type LeafOrigin = { kind: 'own' } | { kind: 'national' } | { kind: 'inherited'; source: string }

/** Who set a leaf's effective value: this level, the national defaults, or a layer above (or an earlier year). */
export function originOf(view: Pick<RuleSetView, 'jurisdiction' | 'fiscalYear' | 'layers' | 'effective'>, path: string): LeafOrigin {
  const source = view.effective.sourceOf[path] ?? NATIONAL_SOURCE
  const own = ownSourceOf(view)
  if (own !== undefined && source === own) return { kind: 'own' }
  if (source === NATIONAL_SOURCE) return { kind: 'national' }
  return { kind: 'inherited', source }
}

type T = (key: string, params?: Record<string, unknown>) => string

/** A layer's source as the server names it (rule-sets.service layersFor: "深圳市 2026年 第1版"), in the current language; the place name is data. */
export function layerSourceLabel(source: string, t: T): string {
  const parts = /^(.*) (\d{4})年 第(\d+)版$/.exec(source)
  return parts ? t('labels.ruleLayer', { name: parts[1], year: parts[2], revision: parts[3] }) : source
}

/** A leaf's value as the page shows it: "80%", "6月、9月", "5,000,000.00 元", "线性扣减至 2 倍目标为 0". */
export function formatLeafValue(path: string, value: unknown, t: T, frameworkName?: (code: string) => string | undefined): string {
  const leaf = leafAt(path)
  if (value === undefined || value === null || value === '') return '—'
  if (!leaf) return typeof value === 'string' ? value : JSON.stringify(value)
  const unit = leaf.unitKey ? t(leaf.unitKey) : ''
  switch (leaf.kind) {
    case 'number':
      return `${value}${unit}`
    case 'percent':
      return typeof value === 'number' ? `${new Decimal(value).times(100).toString()}${unit}` : String(value)
    case 'money':
      return parseMoney(String(value)) === null ? String(value) : `${formatMoney(String(value))} ${unit}`
    case 'boolean':
      return t(value ? 'rules.yes' : 'rules.no')
    case 'months':
      return Array.isArray(value) ? value.map((month) => t('rules.month', { month })).join(t('rules.listSeparator')) : String(value)
    case 'tags': {
      if (!Array.isArray(value)) return String(value)
      const shown = leaf.levelNames ? value.map((name: string) => t(`labels.levels.${name}`, { defaultValue: name })) : value
      return shown.join(t('rules.listSeparator'))
    }
    case 'select': {
      const option = leaf.options?.find((o) => o.value === value)
      return option ? t(option.labelKey) : String(value)
    }
    case 'framework': {
      const name = frameworkName?.(String(value))
      return name ? t('rules.nameWithCode', { name, code: String(value) }) : String(value)
    }
    case 'text':
      return String(value)
  }
}

/** A row's label, its grade (if any) in the user's language: "评价等级为「优」". */
export function rowLabel(row: RuleRow, t: T): string {
  const grade = row.labelParams?.grade as Grade | undefined
  return t(row.labelKey, grade ? { grade: t(`rules.grades.${gradeKeys[grade]}`) } : row.labelParams)
}

/** A leaf's label for lists of changes: "等级分数线 · 优 ≥". */
export function leafLabel(path: string, t: T): string {
  const row = rowOfLeaf(path)
  const leaf = leafAt(path)
  if (!row || !leaf) return path
  return leaf.labelKey ? `${rowLabel(row, t)} · ${t(leaf.labelKey)}` : rowLabel(row, t)
}
