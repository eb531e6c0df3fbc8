import { type ExAnteStatus, exAnteStatuses } from '../../../domain/exante.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { exAnteVisibleTo } from './exante.repository.ts'

/** How many of the actor's assessments are in each status. */
export async function exAnteCountsByStatus(db: Db, actor: Actor): Promise<{ status: ExAnteStatus; count: number }[]> {
  const rows = await db
    .selectFrom('exanteAssessment')
    .innerJoin('project', 'project.id', 'exanteAssessment.projectId')
    .where(exAnteVisibleTo(actor))
    .groupBy('exanteAssessment.status')
    .select(['exanteAssessment.status', (eb) => eb.fn.countAll<number>().as('count')])
    .execute()
  return exAnteStatuses.map((status) => ({ status, count: Number(rows.find((r) => r.status === status)?.count ?? 0) }))
}

/**
 * The drafts this actor is to score and submit: those assigned to it, and — for a unit or department — its
 * unassigned ones (once the bureau assigns an agency or expert, only that assessor carries on; canEditExAnte).
 */
export async function exAnteDraftsToAssess(db: Db, actor: Actor): Promise<number> {
  const row = await db
    .selectFrom('exanteAssessment')
    .innerJoin('project', 'project.id', 'exanteAssessment.projectId')
    .where(exAnteVisibleTo(actor))
    .where('exanteAssessment.status', '=', 'draft')
    .where((eb) => eb.or([eb('exanteAssessment.assignedUserId', '=', actor.userId), eb('exanteAssessment.assignedUserId', 'is', null)]))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** The assessments changed last, newest first (agencies and experts have no project list: this is their way in). */
export function recentExAnte(db: Db, actor: Actor, limit: number) {
  return db
    .selectFrom('exanteAssessment')
    .innerJoin('project', 'project.id', 'exanteAssessment.projectId')
    .where(exAnteVisibleTo(actor))
    .select(['exanteAssessment.id', 'project.name as projectName', 'project.fiscalYear', 'exanteAssessment.status', 'exanteAssessment.updatedAt'])
    .orderBy('exanteAssessment.updatedAt', 'desc')
    .orderBy('exanteAssessment.id', 'desc')
    .limit(limit)
    .execute()
}
