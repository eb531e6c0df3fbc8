import { goalTodoPermissions, hasAny, type HomeTodoKey } from '../../../domain/home.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { exAnteCountsByStatus, exAnteDraftsToAssess, recentExAnte } from '../exante/exante.summary.ts'
import { goalCountsByStatus, goalsWaitingFor, recentGoals } from '../goals/goals.summary.ts'
import { actionsToAnswer, actionsToClose } from '../monitoring/actions.summary.ts'
import { formsToFill, formsToReview, formsToVerify } from '../monitoring/forms.summary.ts'
import { pendingProposalCount } from '../indicators/indicators.summary.ts'
import { rectificationsOverdue, rectificationsToAnswer, rectificationsToClose, rectificationsToVerify } from '../results/rectifications.summary.ts'
import { projectFiguresByStatus, recentProjects } from '../projects/projects.summary.ts'


const RECENT = 5

/**
 * A role's working page in one read: its to-dos, its key figures and its recent records, each part only where the
 * role holds the permission to read it, and every number within its data scope (the modules' own scope rules).
 */
export async function homeOf(db: Db, ctx: ActorCtx) {
  const { actor } = ctx
  const can = (p: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(p)
  const todos: { key: HomeTodoKey; count: number }[] = []

  const projects = can('project.read') ? { byStatus: await projectFiguresByStatus(db, actor), recent: await recentProjects(db, actor, RECENT) } : null
  const goals = can('goal.read') ? { byStatus: await goalCountsByStatus(db, ctx), recent: await recentGoals(db, ctx, RECENT) } : null
  const exante = can('exante.read') ? { byStatus: await exAnteCountsByStatus(db, actor), recent: await recentExAnte(db, actor, RECENT) } : null

  if (hasAny(actor.permissions, [...goalTodoPermissions, 'goal.expert_review'])) todos.push({ key: 'goalsWaiting', count: (await goalsWaitingFor(db, ctx, 1)).total })
  if (can('exante.conclude')) todos.push({ key: 'exanteToConclude', count: exante?.byStatus.find((s) => s.status === 'submitted')?.count ?? 0 })
  else if (can('exante.edit')) todos.push({ key: 'exanteToAssess', count: await exAnteDraftsToAssess(db, actor) })
  if (can('indicator.manage')) todos.push({ key: 'proposalsToConfirm', count: await pendingProposalCount(db, actor) })
  if (can('monitoring.fill') && actor.org.kind !== 'jurisdiction') todos.push({ key: 'monitoringToFill', count: await formsToFill(db, actor) })
  if (can('monitoring.review')) todos.push({ key: 'monitoringToReview', count: await formsToReview(db, actor) })
  if (can('monitoring.verify')) todos.push({ key: 'monitoringToVerify', count: await formsToVerify(db, actor) })
  if (can('monitoring.fill') && actor.org.kind !== 'jurisdiction') todos.push({ key: 'actionsToAnswer', count: await actionsToAnswer(db, actor) })
  if (can('monitoring.act')) todos.push({ key: 'actionsToClose', count: await actionsToClose(db, actor) })
  // 整改 (rule 43): answer, verify, close, and the overdue items escalated to the actor's level.
  const rectifies = [
    can('results.respond') && actor.org.kind !== 'jurisdiction' && ({ key: 'rectificationsToAnswer', count: await rectificationsToAnswer(db, ctx) } as const),
    can('results.verify') && actor.org.kind === 'department' && ({ key: 'rectificationsToVerify', count: await rectificationsToVerify(db, ctx) } as const),
    can('results.manage') && actor.org.kind === 'jurisdiction' && ({ key: 'rectificationsToClose', count: await rectificationsToClose(db, ctx) } as const),
  ].filter((todo) => todo !== false)
  if (rectifies.length) todos.push(...rectifies, { key: 'rectificationsOverdue', count: await rectificationsOverdue(db, ctx) })
  if (can('project.review') && projects) todos.push({ key: 'projectsToReview', count: projects.byStatus.find((s) => s.status === 'reserve')?.count ?? 0 })

  return { todos, projects, goals, exante }
}

export type HomeView = Awaited<ReturnType<typeof homeOf>>
