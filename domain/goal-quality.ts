import Decimal from 'decimal.js'
import { checkCostsAgainstBudget, checkMediumTerm, checkNatureDirection, checkRelevance, type GoalProjectFacts } from './goal-quality-fit.ts'
import { hasNumber, inputMeasureIn, meaningfulBigrams, numbersIn, vagueWordIn } from './goal-quality-words.ts'
import type { GoalContent, GoalFinding, GoalIndicatorInput, GoalKind, PeerTargets } from './goals.ts'
import { formatInUnit, parseIndicatorValue, type IndicatorValue } from './indicator-value.ts'
import { indicatorNatureLabels, type IndicatorNature } from './indicators.ts'
import { isKnownLevel1, level1WeightPart, missingLevel1, normalizeLevel1, type Level1WeightPart } from './level1.ts'
import type { RuleSet } from './rule-set.ts'

/**
 * 智能审核: the pure quality check of a goal's content, REFERENCE §4.2–4.3 and §13.20/§13.25. Errors block
 * submission (`hasBlockingFindings`); warnings go to the reviewer. Decisions:
 * - Required 一级 apply to every goal kind; 一级 names go through `normalizeLevel1` (level1.ts), the same function
 *   the budget gate uses, so "产出", "产出指标(50分)" and a rule-set synonym (效果指标 → 效益指标) pass here only if they
 *   pass there. A 一级 the rule set does not know is a warning. No indicators at all is one NO_INDICATORS.
 * - A quantitative target must be readable as a number ("≥95%", "500", "95%-100%"); prose with a number in it
 *   ("较上年增长10%") cannot be scored and is QUANTITATIVE_NEEDS_NUMBER too. A deadline ("2026年11月30日前") is
 *   measurable and needs no unit; under ≥ or > it is a NATURE_MISMATCH.
 * - NATURE_MISMATCH compares directions only: ≥ > and = (scored like ≥, §13.10) against ≤ <; a bare number or a range
 *   states no direction. A 定性 row with a signed number ("≥95%") is an error — the row says both "judged by a person"
 *   and "scored against 95", and scoring would drop the number; with a bare number ("100%") it is a warning.
 * - Weights: all or none; each > 0; the sum equals 100 − the 预算执行率 weight (decimal.js, never floats). Unless the
 *   rule set lets units change them (`unitsMayChangeLevel1Weights`), each 一级 present sums to its share of
 *   `selfEvaluationWeights` (成本指标 as a 一级 counts with 产出, where 10号 puts it). A 一级 with no rows is not
 *   checked on its own (how its share is re-allocated is UNCONFIRMED, §6.4), but the sum still has to come out right.
 * - Vague words warn only where the row (or the overall/annual target) states no number at all.
 * - Peer and history comparisons need the same base unit; they warn, never block.
 * - OVERALL_TARGET_INCONSISTENT: a number the overall/annual text claims (not years, dates, list markers or money,
 *   which is the budget rather than a target) must appear in some indicator's target; and the text must share at
 *   least one meaningful two-character sequence with an indicator name.
 */

export interface GoalQualityContext {
  kind: GoalKind
  rules: RuleSet
  /** Peer targets by library indicator code (from similar approved goals), when known. */
  peers?: Map<string, PeerTargets>
  /** Last year's approved target of the same indicator (by library code or by name) for the same project, when known. */
  history?: Map<string, { target: string; unit: string }>
  /** indicatorCode of each row (same order as content.indicators), null for individual indicators. */
  indicatorCodes?: (string | null)[]
  /** The project the goal is for: its period and budget, for the 中期 and cost checks. */
  project?: GoalProjectFacts
  /**
   * The recommender's relevance score of each library indicator (by code) for this goal's project, and the score
   * below which an indicator is likely irrelevant to it. Codes without a score are not judged.
   */
  relevance?: { scores: Map<string, number>; irrelevantBelow: number }
}

/** The rule each finding code enforces. */
export const goalFindingRules = {
  NO_INDICATORS: '§13.20 绩效目标须有指标',
  REQUIRED_LEVEL1_MISSING: '§13.20 规则集·必备一级指标',
  QUANTITATIVE_NEEDS_NUMBER: '§13.25 定量指标须有数值',
  QUANTITATIVE_NEEDS_UNIT: '§13.25 定量指标须有计量单位',
  QUALITATIVE_NEEDS_TEXT: '§13.25 定性指标须有指标值',
  NATURE_MISMATCH: '§13.25 指标性质',
  WEIGHT_MISSING: '§13.4 权重',
  WEIGHT_INVALID: '§13.4 权重',
  WEIGHTS_SUM: '§13.4 规则集·自评一级权重',
  LEVEL1_WEIGHT: '§13.5 规则集·一级权重不可调整',
  LEVEL1_UNKNOWN: '§4.3 指标体系·一级指标',
  NATURE_INVERTED: '§13.11 反向指标·指标性质',
  INDICATOR_IRRELEVANT: '88号 相关性',
  COST_EXCEEDS_BUDGET: '88号 适当性·成本与预算相应匹配',
  MEDIUM_TERM_MISSING: '§4.1 中长期目标·中期指标值',
  VAGUE_TARGET: '88号 细化量化',
  INPUT_AS_OUTPUT: '88号 §4.2 预期产出',
  IMPLAUSIBLE_TARGET: '88号 合理可行·同类目标',
  TARGET_BELOW_HISTORY: '88号 合理可行·历史标准',
  OVERALL_TARGET_EMPTY: '§4.2 绩效目标内容',
  ANNUAL_TARGET_EMPTY: '§4.2 绩效目标内容',
  OVERALL_TARGET_INCONSISTENT: '88号 指向明确·目标与指标相应匹配',
  DUPLICATE_INDICATOR: '§4.3 指标体系',
} as const
export type GoalFindingCode = keyof typeof goalFindingRules

export type Message = { zh: string; en: string }
export type Emit = (code: GoalFindingCode, severity: GoalFinding['severity'], path: string, message: Message) => void

const isUpward = (nature: IndicatorNature) => nature === '>=' || nature === '>' || nature === '='
const sign = (nature: IndicatorNature) => indicatorNatureLabels[nature].zh

export function checkGoalQuality(content: GoalContent, ctx: GoalQualityContext): GoalFinding[] {
  const findings: GoalFinding[] = []
  const emit: Emit = (code, severity, path, message) => {
    findings.push({ code, severity, rule: goalFindingRules[code], path, ...message })
  }
  checkTexts(content, ctx, emit)
  checkLevel1(content.indicators, ctx.rules, emit)
  content.indicators.forEach((row, i) => checkRow(row, i, ctx, emit))
  checkWeights(content.indicators, ctx.rules, emit)
  checkDuplicates(content.indicators, ctx.rules, emit)
  checkRelevance(content.indicators, ctx, emit)
  checkCostsAgainstBudget(content.indicators, ctx, emit)
  checkMediumTerm(content, ctx, emit)
  return findings
}

export function hasBlockingFindings(findings: GoalFinding[]): boolean {
  return findings.some((finding) => finding.severity === 'error')
}

function checkTexts(content: GoalContent, ctx: GoalQualityContext, emit: Emit) {
  const texts = [
    { path: 'overallTarget', zh: '总体目标', en: 'overall target', empty: 'OVERALL_TARGET_EMPTY', required: true },
    { path: 'annualTarget', zh: '年度目标', en: 'annual target', empty: 'ANNUAL_TARGET_EMPTY', required: ctx.kind !== 'department' },
  ] as const
  const rows = content.indicators
  const stated = new Set(rows.flatMap((row) => numbersIn(`${row.target} ${row.mediumTermTarget ?? ''}`).flatMap((n) => n.values)))
  const names = new Set(rows.flatMap((row) => [...meaningfulBigrams(row.name)]))
  for (const { path, zh, en, empty, required } of texts) {
    const text = content[path].trim()
    if (!text) {
      if (required) emit(empty, 'error', path, { zh: `${zh}未填写`, en: `The ${en} is empty` })
      continue
    }
    const vague = vagueWordIn(text)
    if (vague && !hasNumber(text)) {
      emit('VAGUE_TARGET', 'warning', path, {
        zh: `${zh}只有“${vague}”等表述，未给出任何可衡量的数值`,
        en: `The ${en} says “${vague}” but states nothing measurable`,
      })
    }
    if (rows.length === 0) continue
    const missing = numbersIn(text, true).filter((n) => !n.values.some((v) => stated.has(v)))
    if (missing.length > 0) {
      emit('OVERALL_TARGET_INCONSISTENT', 'warning', path, {
        zh: `${zh}中的数值 ${missing.map((n) => n.text).join('、')} 未出现在任何指标值中`,
        en: `The ${en} states ${missing.map((n) => n.text).join(', ')}, which no indicator target carries`,
      })
    }
    const words = meaningfulBigrams(text)
    if (words.size > 0 && ![...words].some((pair) => names.has(pair))) {
      emit('OVERALL_TARGET_INCONSISTENT', 'warning', path, {
        zh: `${zh}与各三级指标名称没有共同内容，请核对目标与指标是否对应`,
        en: `The ${en} shares no wording with any indicator name; check that they belong together`,
      })
    }
  }
}

function checkLevel1(rows: GoalIndicatorInput[], rules: RuleSet, emit: Emit) {
  if (rows.length === 0) {
    emit('NO_INDICATORS', 'error', 'indicators', { zh: '绩效目标没有任何绩效指标', en: 'The goal has no indicators' })
    return
  }
  rows.forEach((row, i) => {
    if (!row.level1.trim() || isKnownLevel1(row.level1, rules)) return
    emit('LEVEL1_UNKNOWN', 'warning', `indicators.${i}.level1`, {
      zh: `一级指标“${row.level1}”不是规则集中的一级指标（产出、效益、满意度、成本）或其同义词，不计入必备一级指标`,
      en: `Level-1 “${row.level1}” is neither a level-1 of the rule set (output, effect, satisfaction, cost) nor a synonym of one; it does not count as a required level-1`,
    })
  })
  for (const level1 of missingLevel1(rows.map((row) => row.level1), rules)) {
    emit('REQUIRED_LEVEL1_MISSING', 'error', 'indicators', {
      zh: `缺少一级指标“${level1}”：至少需要一个该一级下的指标`,
      en: `No indicator under the required level-1 “${level1}”`,
    })
  }
}

/** How messages name a row: by its 三级 name, or by its row number when the name is blank. */
export function who(row: GoalIndicatorInput, i: number): Message {
  const name = row.name.trim()
  return name ? { zh: `三级指标“${name}”`, en: `Indicator “${name}”` } : { zh: `第${i + 1}行指标`, en: `Indicator in row ${i + 1}` }
}

function checkRow(row: GoalIndicatorInput, i: number, ctx: GoalQualityContext, emit: Emit) {
  const it = who(row, i)
  const at = (field: string) => `indicators.${i}.${field}`
  const input = normalizeLevel1(row.level1, ctx.rules) === '产出指标' ? inputMeasureIn(row.level2, row.name) : null
  if (input) {
    emit('INPUT_AS_OUTPUT', 'warning', at('name'), {
      zh: `${it.zh}（“${input}”）衡量的是投入而非产出，请改为项目提供的产品或服务`,
      en: `${it.en} (“${input}”) measures inputs, not outputs; measure what the project delivers`,
    })
  }
  const target = row.target.trim()
  const written = parseIndicatorValue(target)
  if (row.nature !== 'qualitative') return checkQuantitative(row, i, written, ctx, emit)
  if (!target) {
    return emit('QUALITATIVE_NEEDS_TEXT', 'error', at('target'), { zh: `${it.zh}为定性指标，缺少指标值`, en: `${it.en} is qualitative but has no target` })
  }
  if (written.kind === 'quantitative') {
    const signed = written.nature !== '=' && !written.range
    emit('NATURE_MISMATCH', signed ? 'error' : 'warning', at('target'), {
      zh: `${it.zh}的指标性质为定性，但指标值“${target}”是数值，请将指标性质改为相应的比较符号`,
      en: `${it.en} is marked qualitative but its target “${target}” is a number; set the matching nature`,
    })
  }
  if (hasNumber(target) || written.kind === 'deadline') return
  const vagueTarget = vagueWordIn(target)
  const vague = vagueTarget ?? vagueWordIn(row.name)
  if (vague) {
    emit('VAGUE_TARGET', 'warning', at(vagueTarget ? 'target' : 'name'), {
      zh: `${it.zh}使用“${vague}”等模糊表述，没有可衡量的指标值；请细化量化或写明分级标准`,
      en: `${it.en} uses vague wording (“${vague}”) with no measurable target; quantify it or state graded criteria`,
    })
  }
}

function checkQuantitative(row: GoalIndicatorInput, i: number, written: IndicatorValue, ctx: GoalQualityContext, emit: Emit) {
  const it = who(row, i)
  const path = `indicators.${i}.target`
  const target = row.target.trim()
  const nature = sign(row.nature)
  if (!target) {
    return emit('QUANTITATIVE_NEEDS_NUMBER', 'error', path, {
      zh: `${it.zh}为定量指标（${nature}），缺少指标值`,
      en: `${it.en} is quantitative (${nature}) but has no target`,
    })
  }
  const value = parseIndicatorValue(target, { nature: row.nature, unit: row.unit })
  if (value.kind === 'qualitative') {
    return emit('QUANTITATIVE_NEEDS_NUMBER', 'error', path, {
      zh: `${it.zh}为定量指标（${nature}），指标值“${target}”不是数值；请填写数值，或将指标性质改为定性`,
      en: `${it.en} is quantitative (${nature}) but its target “${target}” is not a number; write a number or mark it qualitative`,
    })
  }
  const stated = statedDirection(written)
  if (stated !== null && stated !== isUpward(row.nature)) {
    emit('NATURE_MISMATCH', 'error', path, {
      zh: `${it.zh}的指标性质为“${nature}”，与指标值“${target}”的方向不一致`,
      en: `${it.en} has nature “${nature}” but its target “${target}” points the other way`,
    })
  }
  if (value.kind !== 'quantitative') return
  checkNatureDirection(row, i, value, ctx, emit)
  if (!value.unit) return emit('QUANTITATIVE_NEEDS_UNIT', 'error', `indicators.${i}.unit`, { zh: `${it.zh}缺少计量单位`, en: `${it.en} has no unit` })
  checkPlausibility(row, i, value, ctx, emit)
}

/** Which way the value as written points: true ≥ >, false ≤ < (and deadlines), null when it says no direction (bare number, range). */
function statedDirection(written: IndicatorValue): boolean | null {
  if (written.kind === 'deadline') return false
  if (written.kind !== 'quantitative' || written.range || written.nature === '=') return null
  return isUpward(written.nature)
}

type Quantity = Extract<IndicatorValue, { kind: 'quantitative' }>

function checkPlausibility(row: GoalIndicatorInput, i: number, value: Quantity, ctx: GoalQualityContext, emit: Emit) {
  const it = who(row, i)
  const path = `indicators.${i}.target`
  const up = isUpward(row.nature)
  const v = new Decimal(value.normalized.value)
  const unit = value.normalized.unit
  // Figures are shown in the row's own unit (380.00万元, not 3800000元), with thousands separators.
  const inRowUnit = (base: Decimal.Value) => formatInUnit(base, unit, value.unit) ?? `${new Decimal(base).toFixed()}${unit}`
  const shown = inRowUnit(value.normalized.value)
  const code = ctx.indicatorCodes?.[i] ?? null
  const peer = code ? ctx.peers?.get(code) : undefined
  if (peer && peer.count >= 3 && peer.unit === unit) {
    const verdict = peerVerdict(up, v, new Decimal(peer.min), new Decimal(peer.max))
    const range = `${inRowUnit(peer.min)}–${inRowUnit(peer.max)}`
    if (verdict) {
      emit('IMPLAUSIBLE_TARGET', 'warning', path, {
        zh: `${it.zh}的指标值 ${shown} ${verdict.zh}（同类已批复目标 ${peer.count} 个，中位数 ${inRowUnit(peer.median)}，范围 ${range}）`,
        en: `${it.en}: target ${shown} ${verdict.en} (${peer.count} similar approved goals: median ${inRowUnit(peer.median)}, range ${range})`,
      })
    }
  }
  const last = (code ? ctx.history?.get(code) : undefined) ?? ctx.history?.get(row.name.trim())
  if (!last) return
  const before = parseIndicatorValue(last.target, { nature: row.nature, unit: last.unit })
  if (before.kind !== 'quantitative' || before.normalized.unit !== unit) return
  const lastValue = new Decimal(before.normalized.value)
  if (up ? v.gte(lastValue) : v.lte(lastValue)) return
  const lastShown = inRowUnit(lastValue)
  emit('TARGET_BELOW_HISTORY', 'warning', path, {
    zh: `${it.zh}的指标值 ${shown} ${up ? '低于' : '高于'}上年批复值 ${lastShown}，目标较上年放松`,
    en: `${it.en}: target ${shown} is ${up ? 'below' : 'above'} last year's approved ${lastShown}, a looser target`,
  })
}

/** How a target sits against peers: below the lowest or over twice the highest (mirrored for ≤ <), or fine (null). */
function peerVerdict(up: boolean, v: Decimal, min: Decimal, max: Decimal): Message | null {
  if (up && v.lt(min)) return { zh: '低于同类最低值，可能过于容易实现', en: 'is below all of them and may be too easy' }
  if (up && max.gt(0) && v.gt(max.times(2))) return { zh: '超过同类最高值的两倍，可能难以实现', en: 'is over twice the highest and may be unrealistic' }
  if (!up && v.gt(max)) return { zh: '高于同类最高值，可能过于宽松', en: 'is above all of them and may be too lax' }
  if (!up && min.gt(0) && v.lt(min.div(2))) return { zh: '不到同类最低值的一半，可能难以实现', en: 'is under half the lowest and may be unrealistic' }
  return null
}

function checkWeights(rows: GoalIndicatorInput[], rules: RuleSet, emit: Emit) {
  const given = (row: GoalIndicatorInput) => row.weight !== null && row.weight.trim() !== ''
  if (!rows.some(given)) return
  let sum = new Decimal(0)
  let complete = true
  rows.forEach((row, i) => {
    const it = who(row, i)
    const path = `indicators.${i}.weight`
    const text = row.weight?.trim() ?? ''
    if (!text) {
      complete = false
      emit('WEIGHT_MISSING', 'error', path, {
        zh: `${it.zh}缺少权重：其他指标已设权重时，每个指标都须设权重`,
        en: `${it.en} has no weight while other indicators do`,
      })
    } else if (!/^\d+(?:\.\d+)?$/.test(text) || new Decimal(text).lte(0)) {
      complete = false
      emit('WEIGHT_INVALID', 'error', path, {
        zh: `${it.zh}的权重“${text}”无效，须为大于0的数`,
        en: `${it.en} has an invalid weight “${text}”; it must be a number above 0`,
      })
    } else {
      sum = sum.plus(text)
    }
  })
  if (!complete) return
  const execution = rules.selfEvaluationWeights.execution
  const expected = new Decimal(100).minus(execution)
  if (!sum.eq(expected)) {
    emit('WEIGHTS_SUM', 'error', 'indicators', {
      zh: `指标权重合计 ${sum.toFixed()}，应为 ${expected.toFixed()}（100 − 预算执行率 ${execution}）`,
      en: `Indicator weights sum to ${sum.toFixed()}; they must sum to ${expected.toFixed()} (100 − budget execution ${execution})`,
    })
  }
  if (!rules.unitsMayChangeLevel1Weights) checkLevel1Split(rows, rules, emit)
}

const weightPartNames: Record<Level1WeightPart, Message> = {
  output: { zh: '产出指标（含成本指标）', en: 'output (with cost)' },
  effect: { zh: '效益指标', en: 'effect' },
  satisfaction: { zh: '满意度指标', en: 'satisfaction' },
}

/** Each 一级 present carries exactly its share of the rule set's split, when units may not change it. §13.4–5 */
function checkLevel1Split(rows: GoalIndicatorInput[], rules: RuleSet, emit: Emit) {
  const sums = new Map<Level1WeightPart, Decimal>()
  for (const row of rows) {
    const part = level1WeightPart(row.level1, rules)
    if (part) sums.set(part, (sums.get(part) ?? new Decimal(0)).plus(row.weight!.trim()))
  }
  for (const [part, sum] of sums) {
    const expected = rules.selfEvaluationWeights[part]
    if (sum.eq(expected)) continue
    const name = weightPartNames[part]
    emit('LEVEL1_WEIGHT', 'error', 'indicators', {
      zh: `${name.zh}的权重合计 ${sum.toFixed()}，规则集规定为 ${expected}，单位不得调整一级指标权重`,
      en: `The ${name.en} indicators' weights sum to ${sum.toFixed()}; the rule set fixes ${expected} and units may not change level-1 weights`,
    })
  }
}

function checkDuplicates(rows: GoalIndicatorInput[], rules: RuleSet, emit: Emit) {
  const first = new Map<string, number>()
  rows.forEach((row, i) => {
    const name = row.name.replace(/\s+/g, '')
    if (!name) return
    const key = [normalizeLevel1(row.level1, rules), row.level2.replace(/\s+/g, ''), name].join('/')
    const earlier = first.get(key)
    if (earlier === undefined) {
      first.set(key, i)
      return
    }
    const it = who(row, i)
    emit('DUPLICATE_INDICATOR', 'warning', `indicators.${i}.name`, {
      zh: `${it.zh}与第${earlier + 1}行重复（同一一级、二级下同名）`,
      en: `${it.en} repeats row ${earlier + 1} (same level 1, level 2 and name)`,
    })
  })
}
