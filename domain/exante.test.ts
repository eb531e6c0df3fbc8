import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  canEditExAnte,
  canSubmitExAnte,
  conclusionProblems,
  exAnteDimensions,
  exAnteKindOf,
  type ExAnteScores,
  missingAttachments,
  needsExAnte,
  reviewPointPoints,
  scoreProblems,
  scoreSheet,
  suggestedConclusion,
} from './exante.ts'
import { nationalRules as rules } from './rule-set.ts'
import { permissionsOf, type Role } from './roles.ts'

const fullMarks = (kind: 'project' | 'policy', score = '10'): ExAnteScores =>
  Object.fromEntries(exAnteDimensions[kind].flatMap((d) => d.points.map((p) => [p.code, { score, comment: '' }])))

describe('dimensions and review points (REFERENCE §3.2, §13.27)', () => {
  test('five dimensions of two review points each, for projects and for policies', () => {
    expect(exAnteDimensions.project.map((d) => d.zh)).toEqual(['立项必要性', '投入经济性', '绩效目标合理性', '实施方案可行性', '筹资合规性'])
    expect(exAnteDimensions.policy.map((d) => d.zh)).toEqual(['政策设立必要性', '政策保障充分性', '政策目标合理性', '政策实施可持续性', '政策资金合规性'])
    expect(exAnteDimensions.project[0]!.points.map((p) => p.zh)).toEqual(['明确相关性', '必要可行性'])
    expect(exAnteDimensions.project[1]!.points.map((p) => p.zh)).toEqual(['预算科学性', '经济合理性'])
    for (const kind of ['project', 'policy'] as const) for (const d of exAnteDimensions[kind]) expect(d.points).toHaveLength(2)
  })

  test('policies use the policy wording; every other object kind the project one', () => {
    expect(exAnteKindOf('policy')).toBe('policy')
    expect(exAnteKindOf('special_fund')).toBe('project')
  })

  test('20 points a dimension gives 10 a review point; 25 gives 12.50 each; the split always adds up', () => {
    expect(reviewPointPoints(20, exAnteDimensions.project[0]!)).toEqual(['10.00', '10.00'])
    expect(reviewPointPoints(25, exAnteDimensions.project[0]!)).toEqual(['12.50', '12.50'])
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (points) => {
        const split = reviewPointPoints(points, exAnteDimensions.policy[2]!)
        expect(split.reduce((s, p) => s + Math.round(Number(p) * 100), 0)).toBe(points * 100)
      }),
    )
  })
})

describe('the score sheet', () => {
  test('full marks: total 100, every rating 优, nothing missing', () => {
    const sheet = scoreSheet('project', fullMarks('project'), 20, rules)
    expect(sheet).toMatchObject({ total: '100.00', maxTotal: '100.00', rating: '优', missing: [] })
    expect(sheet.dimensions.every((d) => d.score === '20.00' && d.rating === '优')).toBe(true)
  })

  test('ratings per point follow the grade bands: 9 优, 8 良, 6 中, 5.99 差', () => {
    const scores: ExAnteScores = { 'necessity.relevance': { score: '9', comment: '' }, 'necessity.need': { score: '8', comment: '' }, 'economy.budget': { score: '6', comment: '' }, 'economy.cost': { score: '5.99', comment: '' } }
    const sheet = scoreSheet('project', scores, 20, rules)
    expect(sheet.dimensions[0]!.items.map((i) => i.rating)).toEqual(['优', '良'])
    expect(sheet.dimensions[1]!.items.map((i) => i.rating)).toEqual(['中', '差'])
    expect(sheet.dimensions[0]).toMatchObject({ score: '17.00', rating: '良' })
    expect(sheet.dimensions[2]).toMatchObject({ score: '0.00', rating: null })
    expect(sheet).toMatchObject({ total: '28.99', rating: null })
    expect(sheet.missing).toHaveLength(6)
  })

  test('the overall rating is on the 100-point scale whatever the dimension points', () => {
    expect(scoreSheet('policy', fullMarks('policy', '8'), 16, rules)).toMatchObject({ total: '80.00', maxTotal: '80.00', rating: '优' })
    expect(scoreSheet('policy', fullMarks('policy', '7'), 20, rules)).toMatchObject({ total: '70.00', rating: '中' })
  })
})

describe('validation', () => {
  test('a score above its points, below 0, or of another kind is refused with its path', () => {
    expect(scoreProblems('project', { 'necessity.relevance': { score: '10.01', comment: '' } }, 20)).toEqual([
      { path: 'scores.necessity.relevance.score', zh: '得分须在 0 到 10.00 分之间', en: 'The score must be between 0 and 10.00' },
    ])
    expect(scoreProblems('project', { 'necessity.relevance': { score: '-1', comment: '' } }, 20)).toHaveLength(1)
    expect(scoreProblems('project', { 'policy_goals.fit': { score: '5', comment: '' } }, 20)[0]!.path).toBe('scores.policy_goals.fit')
    expect(scoreProblems('project', fullMarks('project'), 20)).toEqual([])
  })

  test('concluding needs every point scored, and an opinion unless the project is supported', () => {
    const partial = scoreSheet('project', { 'necessity.relevance': { score: '9', comment: '' } }, 20, rules)
    expect(conclusionProblems(partial, '予以支持', '')[0]!.zh).toMatch(/^尚有审核要点未评分：立项必要性·必要可行性、投入经济性·预算科学性/)
    const complete = scoreSheet('project', fullMarks('project'), 20, rules)
    expect(conclusionProblems(complete, '予以支持', '')).toEqual([])
    expect(conclusionProblems(complete, '不予支持', '  ')[0]).toMatchObject({ path: 'opinion', zh: '结论为“不予支持”时须填写评估意见' })
    expect(conclusionProblems(complete, '调整后支持', '压减设备购置预算')).toEqual([])
  })

  test('the suggested conclusion follows the overall rating', () => {
    expect([suggestedConclusion('优'), suggestedConclusion('良'), suggestedConclusion('中'), suggestedConclusion('差'), suggestedConclusion(null)]).toEqual(['予以支持', '予以支持', '调整后支持', '不予支持', null])
  })

  test('the checklist names what was not provided', () => {
    expect(missingAttachments({ application: { provided: true, attachmentIds: [] }, goal_form: { provided: false, attachmentIds: [] } })).toEqual([
      'goal_form', 'expected_report', 'policy_basis', 'implementation_plan', 'feasibility_study', 'budget_calculation',
    ])
  })
})

describe('which projects need an assessment (REFERENCE §3.1, §13.26)', () => {
  test('major new projects always; others from the rule set amount on, compared exactly', () => {
    expect(needsExAnte({ isMajorNew: true, amountTotal: '1.00' }, rules)).toBe(true)
    expect(needsExAnte({ isMajorNew: false, amountTotal: '10000000.00' }, rules)).toBe(true)
    expect(needsExAnte({ isMajorNew: false, amountTotal: '9999999.99' }, rules)).toBe(false)
    expect(needsExAnte({ isMajorNew: false, amountTotal: '5000000.00' }, { exAnte: { ...rules.exAnte, majorProjectAmount: '5000000.00' } })).toBe(true)
  })
})

describe('who edits an assessment', () => {
  const as = (role: Role, userId: string = role) => ({ userId, permissions: new Set(permissionsOf([role])) })
  const draft = { status: 'draft' as const, assignedUserId: null }

  test('a draft: whoever edits assessments; once assigned, the assessor and the bureau only', () => {
    expect(['unit_user', 'dept_user', 'finance_admin', 'agency_user'].map((r) => canEditExAnte(as(r as Role), draft))).toEqual(['yes', 'yes', 'yes', 'yes'])
    expect(canEditExAnte(as('viewer'), draft)).toBe('forbidden')
    const assigned = { status: 'draft' as const, assignedUserId: 'agency-1' }
    expect(canEditExAnte(as('agency_user', 'agency-1'), assigned)).toBe('yes')
    expect(canEditExAnte(as('agency_user', 'agency-2'), assigned)).toBe('forbidden')
    expect(canEditExAnte(as('unit_user'), assigned)).toBe('forbidden')
    expect(canEditExAnte(as('finance_admin'), assigned)).toBe('yes')
  })

  test('submitted: the bureau only; concluded: nobody; submitting only from a draft', () => {
    expect(canEditExAnte(as('unit_user'), { status: 'submitted', assignedUserId: null })).toBe('not_editable')
    expect(canEditExAnte(as('finance_admin'), { status: 'submitted', assignedUserId: null })).toBe('yes')
    expect(canEditExAnte(as('finance_admin'), { status: 'completed', assignedUserId: null })).toBe('not_editable')
    expect(canSubmitExAnte(as('unit_user'), draft)).toBe('yes')
    expect(canSubmitExAnte(as('finance_admin'), { status: 'submitted', assignedUserId: null })).toBe('not_editable')
  })
})
