import { canTakeGoalAction, goalEditableStatuses, goalInForceStatuses } from '../../../domain/goals'
import type { Me } from '../../api/types'
import type { GoalDetail, SimpleAction } from './goals.types'

/** What a user may do with a goal now; a button each. Mirrors the server's rules (goals.workflow.ts), which decide. */
export type GoalMove = SimpleAction | 'review' | 'edit' | 'delete' | 'adjust' | 'assignExperts' | 'expertReview'

type Actor = Pick<Me, 'id' | 'permissions'> & { org: Pick<Me['org'], 'kind'> & Partial<Pick<Me['org'], 'jurisdictionCode'>> }
type Goal = Pick<GoalDetail, 'status' | 'submittedAt' | 'id' | 'unitCode' | 'reviewRound' | 'versions' | 'expertReviews'> & Partial<Pick<GoalDetail, 'jurisdictionCode' | 'approver'>>

export function availableMoves(goal: Goal, user: Actor): GoalMove[] {
  const can = (p: string) => user.permissions.includes(p)
  // A bureau acts on its own jurisdiction's goals only; a city sees its districts' goals read-only.
  if (user.org.kind === 'jurisdiction' && user.org.jurisdictionCode !== goal.jurisdictionCode) return []
  const atFinance = user.org.kind === 'jurisdiction'
  const atDepartment = user.org.kind === 'department'
  // Who wrote it compiles it: a unit its goals, a department its own (no unit). The bureau reviews; it does not
  // edit or submit a unit's goal in its place, though the server would let a finance administrator.
  const ownsIt = atFinance ? false : atDepartment ? goal.unitCode === null : true
  const compiler = can('goal.edit') && ownsIt
  const reviewerHere = goal.status === 'submitted' ? atDepartment : atFinance
  const latest = goal.versions[0]?.id === goal.id || goal.versions.length === 0
  const moves: GoalMove[] = []
  const add = (move: GoalMove, allowed: boolean) => allowed && moves.push(move)

  add('edit', compiler && goalEditableStatuses.includes(goal.status))
  add('submit', compiler && canTakeGoalAction('submit', goal.status))
  add('withdraw', compiler && canTakeGoalAction('withdraw', goal.status))
  add('dept_approve', can('goal.review') && atDepartment && canTakeGoalAction('dept_approve', goal.status))
  add('assignExperts', can('goal.review') && atFinance && goal.status === 'dept_approved')
  add('review', can('goal.review') && atFinance && canTakeGoalAction('review', goal.status))
  // 批复: finance after its 复审; a department at 初审 for the 二级 project goals the rule set leaves to it.
  const approves = goal.status === 'submitted' ? can('goal.review') && atDepartment && goal.approver === 'department' : can('goal.approve') && atFinance
  add('approve', approves && canTakeGoalAction('approve', goal.status))
  add('return', can('goal.review') && reviewerHere && canTakeGoalAction('return', goal.status))
  add('publish', can('goal.approve') && atFinance && canTakeGoalAction('publish', goal.status))
  add('adjust', can('goal.edit') && latest && goalInForceStatuses.includes(goal.status))
  add(
    'expertReview',
    can('goal.expert_review') &&
      goal.status === 'dept_approved' &&
      goal.expertReviews.some((r) => r.expertId === user.id && r.round === goal.reviewRound && !r.submittedAt),
  )
  add('delete', compiler && goal.status === 'draft' && !goal.submittedAt)
  return moves
}
