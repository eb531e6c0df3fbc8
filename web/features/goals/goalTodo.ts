import type { Me } from '../../api/types'
import type { BatchAction, GoalListItem, GoalStatus } from './goals.types'

/** What a to-do row waits for; i18n key goals.todo.needs.<need>. */
export type TodoNeed = 'complete' | 'revise' | 'deptReview' | 'financeReview' | 'expertReview' | 'approve' | 'publish'

export function todoNeedOf(row: Pick<GoalListItem, 'status' | 'financeGrade'>, permissions: readonly string[]): TodoNeed {
  const needs: Record<GoalStatus, TodoNeed> = {
    draft: 'complete',
    returned: 'revise',
    submitted: 'deptReview',
    dept_approved: permissions.includes('goal.expert_review') ? 'expertReview' : row.financeGrade ? 'approve' : 'financeReview',
    approved: 'publish',
    published: 'publish',
    superseded: 'publish',
  }
  return needs[row.status]
}

/** The goal a batch action takes (by status), in the order a reviewer's work goes. */
export const batchFrom: Record<BatchAction, GoalStatus> = { dept_approve: 'submitted', approve: 'dept_approved', publish: 'approved' }

/** The batch actions a reviewer has: a department 初审; the finance bureau 批复 and 公开. */
export function batchActionsFor(user: Pick<Me, 'permissions'> & { org: Pick<Me['org'], 'kind'> }): BatchAction[] {
  if (user.org.kind === 'department' && user.permissions.includes('goal.review')) return ['dept_approve']
  if (user.org.kind === 'jurisdiction' && user.permissions.includes('goal.approve')) return ['approve', 'publish']
  return []
}

/** The selected rows a batch action applies to: those in its status (批复 also needs the 复审 grade). */
export const eligibleFor = (action: BatchAction, rows: readonly GoalListItem[]) =>
  rows.filter((r) => r.status === batchFrom[action] && (action !== 'approve' || r.financeGrade !== null))
