import { describe, expect, it } from 'vitest'
import { nationalRules, type RuleSet } from './rule-set.ts'
import { decisionProblems, defaultDueOn, proposeBudget, raisesRectification, rectificationEscalation, rectificationMoves, respondProblems } from './results.ts'

const rules = nationalRules
const withResults = (changes: Partial<RuleSet['results']>, proposals?: Partial<RuleSet['gradeBudgetProposals']>): RuleSet => ({
  ...rules,
  results: { ...rules.results, ...changes },
  gradeBudgetProposals: { ...rules.gradeBudgetProposals, ...proposals },
})

describe('grade → next-year budget proposal (rule 42)', () => {
  it('优 优先保障 and 良 保障 keep the base; 中 cuts by its percent; 差 cancels', () => {
    expect(proposeBudget({ grade: '优', baseAmount: '1000000.00', openRectifications: 0 }, rules).value).toEqual({ action: 'priority', cutPercent: '0.00', proposedAmount: '1000000.00', recoveredAmount: '0.00' })
    expect(proposeBudget({ grade: '良', baseAmount: '1000000.00', openRectifications: 0 }, rules).value).toMatchObject({ action: 'maintain', proposedAmount: '1000000.00' })
    const cut = proposeBudget({ grade: '中', baseAmount: '1000000.00', openRectifications: 0 }, rules)
    expect(cut.value).toMatchObject({ action: 'cut', cutPercent: '10.00', proposedAmount: '900000.00' })
    expect(cut.formula).toContain('核减 10.00%')
    expect(cut.formula).toContain('建议安排 900000.00 元')
    expect(proposeBudget({ grade: '差', baseAmount: '1000000.00', openRectifications: 0 }, rules).value).toMatchObject({ action: 'cancel', cutPercent: '100.00', proposedAmount: '0.00' })
  })

  it('the cut is the rule set’s: a 15 % jurisdiction proposes 850,000 of 1,000,000', () => {
    const local = withResults({}, { 中: { action: 'cut', cutPercent: 15 } })
    expect(proposeBudget({ grade: '中', baseAmount: '1000000.00', openRectifications: 0 }, local).value.proposedAmount).toBe('850000.00')
  })

  it('open rectification items cut further: a 良 becomes a 10 % cut, a 中 a 20 % one; a cancelled budget stays cancelled', () => {
    const kept = proposeBudget({ grade: '良', baseAmount: '1000000.00', openRectifications: 2 }, rules)
    expect(kept.value).toMatchObject({ action: 'cut', cutPercent: '10.00', proposedAmount: '900000.00' })
    expect(kept.formula).toContain('尚有 2 项整改未销号')
    expect(proposeBudget({ grade: '中', baseAmount: '1000000.00', openRectifications: 1 }, rules).value).toMatchObject({ cutPercent: '20.00', proposedAmount: '800000.00' })
    expect(proposeBudget({ grade: '差', baseAmount: '1000000.00', openRectifications: 3 }, rules).value).toMatchObject({ action: 'cancel', proposedAmount: '0.00' })
    expect(proposeBudget({ grade: '良', baseAmount: '1000000.00', openRectifications: 2 }, withResults({ unrectifiedCutPercent: 0 })).value).toMatchObject({ action: 'maintain', proposedAmount: '1000000.00' })
  })

  it('idle funds are recovered from what is proposed; amounts round half up to the fen', () => {
    expect(proposeBudget({ grade: '良', baseAmount: '1000000.00', openRectifications: 0, idleAmount: '50000.00' }, rules).value).toMatchObject({ proposedAmount: '950000.00', recoveredAmount: '50000.00' })
    expect(proposeBudget({ grade: '中', baseAmount: '333333.33', openRectifications: 0 }, rules).value.proposedAmount).toBe('300000.00')
    expect(proposeBudget({ grade: '中', baseAmount: '100.00', openRectifications: 0, idleAmount: '500.00' }, rules).value).toMatchObject({ proposedAmount: '0.00', recoveredAmount: '90.00' })
  })

  it('a decision that differs from the proposal needs a reason', () => {
    expect(decisionProblems({ proposedAmount: '900000.00', decidedAmount: '950000', reason: '' })[0]).toMatchObject({ path: 'reason' })
    expect(decisionProblems({ proposedAmount: '900000.00', decidedAmount: '950000', reason: '民生项目，酌情保障' })).toEqual([])
    expect(decisionProblems({ proposedAmount: '900000.00', decidedAmount: '900000.00', reason: '' })).toEqual([])
  })
})

describe('rectification items (rule 43)', () => {
  it('moves: the owner answers, the department verifies, finance closes; returns go back to open', () => {
    expect(rectificationMoves.respond).toMatchObject({ from: ['open'], to: 'responded', by: 'owner' })
    expect(rectificationMoves.verify.from).toEqual(['responded'])
    expect(rectificationMoves.close.from).toContain('verified')
    expect(rectificationMoves.return.to).toBe('open')
  })

  it('an answer needs measures and evidence', () => {
    expect(respondProblems({ measures: '', evidenceCount: 0 }).map((p) => p.path)).toEqual(['measures', 'evidence'])
    expect(respondProblems({ measures: '已完成采购流程整改并建立台账', evidenceCount: 1 })).toEqual([])
  })

  it('escalates past its due date to the department, and after the rule set’s days to finance; a closed item never', () => {
    const item = { status: 'open' as const, dueOn: '2026-03-01' }
    expect(rectificationEscalation(item, '2026-03-01', rules).value).toEqual({ level: 'none', daysOverdue: 0 })
    expect(rectificationEscalation(item, '2026-03-02', rules).value).toEqual({ level: 'department', daysOverdue: 1 })
    expect(rectificationEscalation(item, '2026-03-31', rules).value).toEqual({ level: 'department', daysOverdue: 30 })
    const late = rectificationEscalation(item, '2026-04-01', rules)
    expect(late.value).toEqual({ level: 'finance', daysOverdue: 31 })
    expect(late.formula).toContain('已逾期 31 天')
    expect(rectificationEscalation(item, '2026-03-05', withResults({ escalateToFinanceDays: 3 })).value.level).toBe('finance')
    expect(rectificationEscalation({ status: 'closed', dueOn: '2026-03-01' }, '2027-01-01', rules).value.level).toBe('none')
  })

  it('a default due date from the rule set, and which grades raise an item', () => {
    expect(defaultDueOn('2026-01-31', rules)).toBe('2026-04-01')
    expect(defaultDueOn('2026-01-31', withResults({ rectificationDays: 30 }))).toBe('2026-03-02')
    expect(raisesRectification('中', rules)).toBe(true)
    expect(raisesRectification('差', rules)).toBe(true)
    expect(raisesRectification('良', rules)).toBe(false)
    expect(raisesRectification(null, rules)).toBe(false)
    expect(raisesRectification('良', withResults({ rectifyGrades: ['良', '中', '差'] }))).toBe(true)
  })
})
