import { sql } from 'kysely'
import { type ProjectStatus, projectStatuses } from '../../../domain/projects.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { projectVisibleTo } from '../../platform/scope.ts'

export interface ProjectStatusFigure {
  status: ProjectStatus
  count: number
  /** 项目总额 of these projects, a decimal string with two places (numeric(18,2), never a float). */
  amount: string
}

/** How many of the actor's projects are in each status, and their money; every status listed, zeros included. */
export async function projectFiguresByStatus(db: Db, actor: Actor): Promise<ProjectStatusFigure[]> {
  const rows = await db
    .selectFrom('project')
    .where(projectVisibleTo(actor))
    .groupBy('project.status')
    .select(['project.status', (eb) => eb.fn.countAll<number>().as('count'), sql<string>`sum(project.amount_total)::numeric(18,2)::text`.as('amount')])
    .execute()
  return projectStatuses.map((status) => {
    const row = rows.find((r) => r.status === status)
    return { status, count: Number(row?.count ?? 0), amount: row?.amount ?? '0.00' }
  })
}

/** The actor's projects changed last, newest first. */
export function recentProjects(db: Db, actor: Actor, limit: number) {
  return db
    .selectFrom('project')
    .where(projectVisibleTo(actor))
    .select(['project.id', 'project.code', 'project.name', 'project.fiscalYear', 'project.status', 'project.amountTotal', 'project.updatedAt'])
    .orderBy('project.updatedAt', 'desc')
    .orderBy('project.id', 'desc')
    .limit(limit)
    .execute()
}
