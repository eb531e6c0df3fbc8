import Decimal from 'decimal.js'

/**
 * Word lists and text helpers of the goal quality check (goal-quality.ts). Kept apart so they can be extended without
 * touching the checks; every list errs on the quiet side: a warning on good text costs reviewers' trust.
 */

/**
 * Vague targets (88号 细化量化): a degree word that says "better" without saying how much, followed by a verb of
 * change. "进一步提高", "有所改善", "明显提升", "得到有效改善", "较上年提升". Not "效果明显" or "达到国家标准": those are the
 * graded or standard-based qualitative wording 88号 accepts where a target cannot be quantified.
 */
const vagueDegrees = [
  '进一步', '有所', '逐步', '不断', '明显', '显著', '大幅度', '大幅', '较大幅度', '较大', '稳步', '持续', '全面', '有效',
  '切实', '日益', '更加', '得到', '较上年', '比上年', '同比',
]
const vagueVerbs = [
  '提高', '提升', '改善', '完善', '加强', '增强', '增加', '增长', '好转', '优化', '降低', '减少', '下降', '规范', '健全', '扩大',
]
const vaguePhrase = new RegExp(`(?:${vagueDegrees.join('|')})(?:地|有效|有所|明显|显著)?(?:${vagueVerbs.join('|')})`)

/** The first vague phrase in the text, or null. */
export function vagueWordIn(text: string): string | null {
  return vaguePhrase.exec(text)?.[0] ?? null
}

/** Whether the text states a number at all (digits, full-width digits, 百分之…). */
export const hasNumber = (text: string) => /[0-9０-９]|百分之/.test(text)

/**
 * 产出 indicators that measure what goes in (money, staff) instead of what comes out. Only clearly input-ish phrases:
 * "资金到位率" and "资金拨付及时率"-like process indicators are debatable and left alone unless they say 拨付资金/资金拨付
 * outright; cost indicators (二级 成本指标, or a name about 成本) are about cost control and never flagged.
 */
export const inputMeasureWords = [
  '投入资金', '资金投入', '预算资金', '项目资金', '财政资金', '经费投入', '投入经费', '拨付资金', '资金拨付', '投入人员',
  '人员投入', '投入人数', '工作人员数量', '工作人员人数', '配备人员', '人员配备',
] as const

/** The input word the indicator is named by, or null; null for cost indicators. */
export function inputMeasureIn(level2: string, name: string): string | null {
  if (level2.includes('成本') || name.includes('成本')) return null
  return inputMeasureWords.find((word) => name.includes(word)) ?? null
}

const toHalfWidthDigits = (text: string) => text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** A number stated in prose: as written, and the values it may equal (500; 5万 → 5 and 50000). */
export interface StatedNumber {
  text: string
  values: string[]
}

const NUMBER = /(\d+(?:,\d{3})*(?:\.\d+)?)(\s*)(万|亿)?/g
const scales: Record<string, number> = { 万: 10_000, 亿: 100_000_000 }

/** Canonical decimal text, without floats: "1,000.50" → "1000.5"; "5" in 万 → "50000". */
const canonical = (digits: string, scale = 1) => new Decimal(digits.replaceAll(',', '')).times(scale).toFixed()

/**
 * Numbers stated in a text. With `claims`, only those that claim a result: not years or dates ("2026年", "11月30日"),
 * not ordinals or list markers ("第3", "（1）", "1、"), not money ("120万元": the budget, not a target).
 */
export function numbersIn(text: string, claims = false): StatedNumber[] {
  const half = toHalfWidthDigits(text)
  const found: StatedNumber[] = []
  for (const match of half.matchAll(NUMBER)) {
    const [whole, digits = '', , scale] = match
    const start = match.index
    const before = half[start - 1] ?? ''
    const after = half.slice(start + whole.length).trimStart()
    if (claims) {
      if (/[第（(]/.test(before) || /^[年月日号时届期、)）:：]/.test(after) || /^\.(?!\d)/.test(after)) continue
      if (/^[千百]?元/.test(after)) continue
      const year = /^(?:19|20)\d\d$/.test(digits)
      if (year && (/^[-—–~～至到/.]/.test(after) || /[-—–~～至到]$/.test(half.slice(0, start).trimEnd()))) continue
    }
    const values = [canonical(digits)]
    if (scale) values.push(canonical(digits, scales[scale]))
    found.push({ text: whole.trim(), values })
  }
  return found
}

/**
 * Two-character sequences too common in goal prose to show that an overall target and an indicator are about the
 * same thing.
 */
const stopBigrams = new Set([
  '完成', '项目', '工作', '年度', '目标', '指标', '提高', '提升', '实施', '开展', '确保', '有效', '进一', '一步', '加强', '达到',
  '以上', '以下', '不低', '低于', '不少', '少于', '不超', '超过', '情况', '相关', '全年', '本年', '计划', '按时', '及时', '单位',
  '满意', '意度', '合格', '格率', '完善', '改善', '保障', '推进', '进行', '持续', '发挥', '作用', '通过', '力争', '预期', '效果',
  '服务', '水平', '能力', '质量', '数量', '时效', '成本', '效益', '社会', '经济', '我单', '本单', '本项', '该项', '资金', '预算',
])

/** Meaningful Chinese two-character sequences of a text. */
export function meaningfulBigrams(text: string): Set<string> {
  const found = new Set<string>()
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      const pair = run.slice(i, i + 2)
      if (!stopBigrams.has(pair)) found.add(pair)
    }
  }
  return found
}
