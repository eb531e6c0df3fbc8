import { describe, expect, test } from 'vitest'
import { isMajorProject, packageFileName, summariseSelfEvaluations } from './npc.ts'
import { nationalRules } from './rule-set.ts'

describe('major projects for the 人大 package', () => {
  test('at or above the ex-ante amount, or flagged as new major', () => {
    const at = nationalRules.exAnte.majorProjectAmount
    expect(isMajorProject({ isMajorNew: false, amountTotal: at }, nationalRules)).toBe(true)
    expect(isMajorProject({ isMajorNew: false, amountTotal: '9999999.99' }, nationalRules)).toBe(false)
    expect(isMajorProject({ isMajorNew: true, amountTotal: '1.00' }, nationalRules)).toBe(true)
    expect(isMajorProject({ isMajorNew: false, amountTotal: '2000000.00' }, { exAnte: { ...nationalRules.exAnte, majorProjectAmount: '2000000.00' } })).toBe(true)
  })
})

describe('the self-evaluation summary', () => {
  test('counts by grade and the exact average, ungraded forms left out', () => {
    const summary = summariseSelfEvaluations([
      { grade: '优', total: '95.50' },
      { grade: '良', total: '85.00' },
      { grade: '中', total: '72.25' },
      { grade: '中', total: '70.00' },
      { grade: null, total: null },
    ])
    expect(summary).toEqual({ count: 4, counts: { 优: 1, 良: 1, 中: 2, 差: 0 }, averageTotal: '80.69' })
  })

  test('0.1 + 0.2 stays exact, and nothing scored gives no average', () => {
    expect(summariseSelfEvaluations([{ grade: '差', total: '0.10' }, { grade: '差', total: '0.20' }]).averageTotal).toBe('0.15')
    expect(summariseSelfEvaluations([]).averageTotal).toBeNull()
  })

  test('the file name says year and department', () => {
    expect(packageFileName(2026, '深圳市教育局')).toBe('2026年深圳市教育局预算绩效情况（人大审查材料）.docx')
  })
})
