import { describe, expect, test } from 'vitest'
import { editsMadeSinceGrade, type GoalAction, goalActions, goalApproverOf, type GoalStatus, goalStatuses, canTakeGoalAction, statusAfterGrade, statusOnSubmit } from './goals.ts'
import { canTransition, projectStatuses, transitionPermission } from './projects.ts'
import { nationalRules } from './rule-set.ts'
import { scoreExecution } from './scoring.ts'

/**
 * The workflow tables written out by hand. Each expectation is a literal, not derived from the table it checks,
 * so a move added or dropped by mistake (reserve → budgeted) turns a line red here.
 */

describe('project lifecycle: every pair of statuses', () => {
  // from → to: the permission the move needs; every pair not listed is refused.
  const allowed: Record<string, string> = {
    'reserve → library': 'project.review',
    'reserve → cancelled': 'project.edit',
    'library → budgeted': 'project.budget',
    'library → reserve': 'project.review',
    'library → cancelled': 'project.edit',
    'budgeted → executing': 'project.budget',
    'budgeted → library': 'project.budget',
    'budgeted → cancelled': 'project.budget',
    'executing → closed': 'project.close',
  }
  const pairs = projectStatuses.flatMap((from) => projectStatuses.map((to) => [from, to] as const))

  test('36 pairs: exactly the listed moves are possible, each with its permission', () => {
    expect(pairs).toHaveLength(36)
    const actual = Object.fromEntries(pairs.filter(([from, to]) => canTransition(from, to)).map(([from, to]) => [`${from} → ${to}`, transitionPermission(from, to)]))
    expect(actual).toEqual(allowed)
  })

  test('reserve → budgeted, reserve → executing and anything out of closed or cancelled are refused', () => {
    for (const [from, to] of [['reserve', 'budgeted'], ['reserve', 'executing'], ['library', 'executing'], ['closed', 'executing'], ['cancelled', 'reserve'], ['executing', 'budgeted']] as const) {
      expect(canTransition(from, to), `${from} → ${to}`).toBe(false)
    }
  })
})

describe('goal workflow: every action from every status', () => {
  const allowed: Record<GoalAction, GoalStatus[]> = {
    submit: ['draft', 'returned'],
    withdraw: ['submitted'],
    return: ['submitted', 'dept_approved'],
    dept_approve: ['submitted'],
    review: ['dept_approved'],
    approve: ['submitted', 'dept_approved'],
    publish: ['approved'],
  }

  test.each(goalActions.map((a) => [a]))('%s', (action) => {
    const actual = goalStatuses.filter((status) => canTakeGoalAction(action, status))
    expect(actual).toEqual(allowed[action])
  })

  test('7 actions × 7 statuses: nothing moves a superseded or published goal except publishing an approved one', () => {
    expect(goalActions).toHaveLength(7)
    expect(goalStatuses).toEqual(['draft', 'submitted', 'dept_approved', 'returned', 'approved', 'published', 'superseded'])
    for (const action of goalActions) {
      expect(canTakeGoalAction(action, 'superseded'), action).toBe(false)
      expect(canTakeGoalAction(action, 'published'), action).toBe(false)
    }
  })
})

describe('the 复审 grade (88号, REFERENCE §4.4 and §13.21)', () => {
  test('优 stays with finance for 批复; 良, 中 and 差 go back to the unit', () => {
    expect(statusAfterGrade('proceed')).toBe('dept_approved')
    expect(statusAfterGrade('proceed_after_edits')).toBe('returned')
    expect(statusAfterGrade('revise_and_resubmit')).toBe('returned')
    expect(statusAfterGrade('blocked')).toBe('returned')
  })

  test('after 良 the edited goal comes straight back to finance; after 中 it goes through 初审 again', () => {
    expect(statusOnSubmit({ unitCode: 'U1' }, 'proceed_after_edits')).toBe('dept_approved')
    expect(statusOnSubmit({ unitCode: 'U1' }, 'revise_and_resubmit')).toBe('submitted')
    expect(statusOnSubmit({ unitCode: 'U1' }, 'blocked')).toBe('submitted')
    expect(statusOnSubmit({ unitCode: 'U1' }, null)).toBe('submitted')
    expect(statusOnSubmit({ unitCode: null }, null)).toBe('dept_approved')
  })

  test('良 is approvable only once the unit submitted again after the grade', () => {
    expect(editsMadeSinceGrade(['submit', 'dept_approve', 'review'])).toBe(false)
    expect(editsMadeSinceGrade(['submit', 'dept_approve', 'review', 'submit'])).toBe(true)
    expect(editsMadeSinceGrade(['submit', 'dept_approve', 'review', 'submit', 'review'])).toBe(false)
    expect(editsMadeSinceGrade(['submit', 'return', 'submit'])).toBe(false)
    expect(editsMadeSinceGrade([])).toBe(false)
  })
})

describe('who approves a goal (REFERENCE §4.4, 谁批复预算，谁批复目标)', () => {
  const small = { isMajorNew: false, amountTotal: '9999999.99' }
  const unitGoal = { kind: 'project' as const, unitCode: 'U1' }
  const off = { ...nationalRules, goalApproval: { departmentApprovesLevel2ProjectGoals: false } }

  test('by default the department approves its units’ 二级 project goals', () => {
    expect(nationalRules.goalApproval.departmentApprovesLevel2ProjectGoals).toBe(true)
    expect(goalApproverOf(unitGoal, small, nationalRules)).toBe('department')
  })

  test('finance approves major projects (from the ex-ante amount on, or marked major), department and policy goals', () => {
    expect(goalApproverOf(unitGoal, { isMajorNew: false, amountTotal: '10000000.00' }, nationalRules)).toBe('finance')
    expect(goalApproverOf(unitGoal, { isMajorNew: true, amountTotal: '100.00' }, nationalRules)).toBe('finance')
    expect(goalApproverOf({ kind: 'department', unitCode: null }, null, nationalRules)).toBe('finance')
    expect(goalApproverOf({ kind: 'policy', unitCode: null }, null, nationalRules)).toBe('finance')
    expect(goalApproverOf({ kind: 'project', unitCode: null }, small, nationalRules)).toBe('finance')
  })

  test('a jurisdiction that turns the option off keeps every 批复 with finance', () => {
    expect(goalApproverOf(unitGoal, small, off)).toBe('finance')
  })
})

describe('the execution rate needing a reason (REFERENCE §13.8): below 90 %, not at it', () => {
  const rate = (executed: string) => scoreExecution({ budget: '100.00', executed, weight: 10 }, nationalRules).value
  test.each([
    ['89.99', true],
    ['90.00', false],
    ['90.01', false],
  ])('executed %s of 100 → reason required: %s', (executed, required) => {
    expect(rate(executed).reasonRequired).toBe(required)
  })
})
