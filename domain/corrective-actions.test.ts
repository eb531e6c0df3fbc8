import { describe, expect, test } from 'vitest'
import { canMove, inForce, isOverdue, issueProblems, mayIssue } from './corrective-actions.ts'

const today = '2026-07-10'
const paths = (problems: { path: string }[]) => problems.map((p) => p.path)

describe('who issues what', () => {
  test('the bureau issues every kind; a department only notices, inquiries and a suspension; a unit nothing', () => {
    expect(mayIssue('jurisdiction', 'stop_payment')).toBe(true)
    expect(mayIssue('department', 'notice')).toBe(true)
    expect(mayIssue('department', 'suspend')).toBe(true)
    expect(mayIssue('department', 'hold_payment')).toBe(false)
    expect(mayIssue('department', 'cut_budget')).toBe(false)
    expect(mayIssue('unit', 'notice')).toBe(false)
  })
})

describe('what an action needs', () => {
  test('a payment hold needs a positive amount and a project', () => {
    expect(paths(issueProblems({ kind: 'hold_payment', amount: '500000.00', hasProject: true, today }))).toEqual([])
    expect(paths(issueProblems({ kind: 'hold_payment', amount: '0', hasProject: true, today }))).toEqual(['amount'])
    expect(paths(issueProblems({ kind: 'hold_payment', amount: null, hasProject: false, today }))).toEqual(['projectId', 'amount'])
  })

  test('a budget cut cannot exceed the full-year budget', () => {
    expect(issueProblems({ kind: 'cut_budget', amount: '200000.01', hasProject: true, today, budgetAdjusted: '200000.00' })[0]).toMatchObject({ path: 'amount', zh: expect.stringContaining('200000.00') })
    expect(issueProblems({ kind: 'cut_budget', amount: '200000.00', hasProject: true, today, budgetAdjusted: '200000.00' })).toEqual([])
  })

  test('a notice carries no amount and needs a date to answer by, not in the past', () => {
    expect(paths(issueProblems({ kind: 'notice', hasProject: false, today }))).toEqual(['dueOn'])
    expect(paths(issueProblems({ kind: 'notice', hasProject: false, today, dueOn: '2026-07-09' }))).toEqual(['dueOn'])
    expect(paths(issueProblems({ kind: 'inquiry', hasProject: true, today, dueOn: today, amount: '1.00' }))).toEqual(['amount'])
    expect(issueProblems({ kind: 'notice', hasProject: false, today, dueOn: '2026-07-31' })).toEqual([])
  })
})

describe('moves', () => {
  const hold = { kind: 'hold_payment' as const, status: 'open' as const, liftedAt: null }
  test('open → responded → (returned) open → closed', () => {
    expect(canMove('respond', hold)).toBe(true)
    expect(canMove('return', hold)).toBe(false)
    expect(canMove('return', { ...hold, status: 'responded' })).toBe(true)
    expect(canMove('respond', { ...hold, status: 'responded' })).toBe(false)
    expect(canMove('close', { ...hold, status: 'closed' })).toBe(false)
  })

  test('only holds, stops and suspensions are lifted, once; a closed stop may still be lifted', () => {
    expect(canMove('lift', hold)).toBe(true)
    expect(canMove('lift', { ...hold, liftedAt: new Date() })).toBe(false)
    expect(canMove('lift', { ...hold, kind: 'stop_payment', status: 'closed' })).toBe(true)
    expect(canMove('lift', { ...hold, kind: 'notice' })).toBe(false)
    expect(inForce(hold)).toBe(true)
    expect(inForce({ ...hold, liftedAt: new Date() })).toBe(false)
    expect(inForce({ kind: 'recover', liftedAt: null })).toBe(false)
  })

  test('an open action past its date is overdue; an answered one is not', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-07-09' }, today)).toBe(true)
    expect(isOverdue({ status: 'open', dueOn: today }, today)).toBe(false)
    expect(isOverdue({ status: 'responded', dueOn: '2026-07-01' }, today)).toBe(false)
  })
})
