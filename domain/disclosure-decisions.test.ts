import { describe, expect, it } from 'vitest'
import { approvableStates, decisionProblems, isPublishable } from './disclosure-decisions.ts'
import { nationalRules } from './rule-set.ts'

const rules = nationalRules.disclosure

describe('a disclosure decision', () => {
  it('to publish needs nothing more', () => {
    expect(decisionProblems(rules, { decision: 'publish' })).toEqual([])
  })

  it('not to publish needs a reason from the rule set’s list', () => {
    expect(decisionProblems(rules, { decision: 'withhold' })).toMatchObject([{ path: 'reasonCode' }])
    expect(decisionProblems(rules, { decision: 'withhold', reasonCode: '  ' })).toMatchObject([{ path: 'reasonCode' }])
    expect(decisionProblems(rules, { decision: 'withhold', reasonCode: '不想公开' })).toMatchObject([{ path: 'reasonCode' }])
    expect(decisionProblems(rules, { decision: 'withhold', reasonCode: '涉密' })).toEqual([])
  })

  it('其他 needs a written explanation; a jurisdiction may ask it for more reasons', () => {
    expect(decisionProblems(rules, { decision: 'withhold', reasonCode: '其他' })).toMatchObject([{ path: 'reasonText' }])
    expect(decisionProblems(rules, { decision: 'withhold', reasonCode: '其他', reasonText: '涉及未结案件' })).toEqual([])
    expect(decisionProblems({ ...rules, reasonsNeedingText: ['敏感', '其他'] }, { decision: 'withhold', reasonCode: '敏感' })).toMatchObject([{ path: 'reasonText' }])
  })
})

describe('what may be published', () => {
  it('goals approved, self-evaluations accepted, reports completed, 考核 results published', () => {
    expect(['draft', 'submitted', 'approved', 'published', 'superseded'].filter((s) => isPublishable('goal', s))).toEqual(['approved', 'published'])
    expect(['draft', 'dept_accepted', 'accepted'].filter((s) => isPublishable('self_evaluation', s))).toEqual(['accepted'])
    expect(['final', 'reported'].filter((s) => isPublishable('key_evaluation_report', s))).toEqual(['reported'])
    expect(['reviewed', 'published'].filter((s) => isPublishable('assessment', s))).toEqual(['published'])
  })

  it('a withheld or withdrawn record is decided again before it is published', () => {
    expect(approvableStates).not.toContain('not_to_publish')
    expect(approvableStates).not.toContain('withdrawn')
  })
})
