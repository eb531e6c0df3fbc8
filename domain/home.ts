import type { Permission } from './roles.ts'

/**
 * Goals wait on those who write, review or approve them; a reader (人大/审计查阅) has goals to read and none to act
 * on, so no 待办. Experts have their own list of goals assigned to them.
 */
export const goalTodoPermissions = ['goal.edit', 'goal.review', 'goal.approve'] as const satisfies readonly Permission[]

/** The rule-set pages configure and try out a bureau's thresholds: for those who set them or grade by them. */
export const ruleSetPagePermissions = ['ruleset.manage', 'goal.approve'] as const satisfies readonly Permission[]

/** What waits for the signed-in user on the home page; the web turns each key into a label and a link. */
export const homeTodoKeys = ['goalsWaiting', 'exanteToConclude', 'exanteToAssess', 'proposalsToConfirm', 'projectsToReview', 'monitoringToFill', 'monitoringToReview', 'monitoringToVerify', 'actionsToAnswer', 'actionsToClose', 'rectificationsToAnswer', 'rectificationsToVerify', 'rectificationsToClose', 'rectificationsOverdue'] as const
export type HomeTodoKey = (typeof homeTodoKeys)[number]

export const hasAny = (granted: { has(p: Permission): boolean }, wanted: readonly Permission[]) => wanted.some((p) => granted.has(p))
