import type { ExpressionBuilder } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'

/**
 * Who sees which monitoring rounds and forms, for the dashboard, the reports and the export. A unit sees its own
 * forms, a department its units', a bureau its jurisdiction's and those below it (a city reads its districts'
 * rounds); a third-party agency reads no projects and sees only the forms assigned to it.
 */

/** Agencies read no projects: they work only on what a bureau assigns them. */
export const seesOnlyAssignments = (actor: Actor) => !actor.permissions.has('project.read')

export function formVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'monitoringForm'>) => {
    if (seesOnlyAssignments(actor)) return eb('monitoringForm.agencyUserId', '=', actor.userId)
    if (actor.org.kind === 'unit') return eb('monitoringForm.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('monitoringForm.departmentCode', '=', actor.org.code)
    return eb('monitoringForm.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}

/** A round is seen once opened (never half-opened) by its jurisdiction and the bureaus above it. */
export function roundVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'monitoringRound'>) => {
    const opened = eb('monitoringRound.status', '!=', 'opening')
    if (seesOnlyAssignments(actor)) {
      const assigned = eb.exists(
        eb.selectFrom('monitoringForm').select('monitoringForm.id').whereRef('monitoringForm.roundId', '=', 'monitoringRound.id').where('monitoringForm.agencyUserId', '=', actor.userId),
      )
      return eb.and([opened, assigned])
    }
    if (actor.org.kind !== 'jurisdiction') return eb.and([opened, eb('monitoringRound.jurisdictionCode', '=', actor.org.jurisdictionCode)])
    return eb.and([opened, eb('monitoringRound.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))])
  }
}

const roundColumns = ['monitoringRound.id', 'monitoringRound.jurisdictionCode', 'monitoringRound.fiscalYear', 'monitoringRound.cutoffMonth', 'monitoringRound.name', 'monitoringRound.adhoc', 'monitoringRound.deadline', 'monitoringRound.status', 'orgNode.name as jurisdictionName'] as const

export function visibleRounds(db: Db, actor: Actor) {
  return db.selectFrom('monitoringRound').innerJoin('orgNode', 'orgNode.code', 'monitoringRound.jurisdictionCode').select(roundColumns).where(roundVisibleTo(actor))
}
export type RoundRow = Awaited<ReturnType<ReturnType<typeof visibleRounds>['executeTakeFirstOrThrow']>>

/** The round, or 404 when it does not exist or is outside the caller's scope. */
export async function mustFindRound(db: Db, actor: Actor, id: string): Promise<RoundRow> {
  const round = await visibleRounds(db, actor).where('monitoringRound.id', '=', id).executeTakeFirst()
  if (!round) throw new AppError('NOT_FOUND')
  return round
}

/**
 * The department a report or export is narrowed to: a department user always gets its own; a bureau may name one
 * of the round's departments (404 otherwise); a unit or an agency only ever sees its own forms anyway.
 */
export async function departmentFor(db: Db, actor: Actor, round: RoundRow, requested: string | undefined) {
  const code = actor.org.kind === 'department' ? actor.org.code : requested
  if (code === undefined) return null
  if (actor.org.kind === 'department' && requested !== undefined && requested !== code) throw new AppError('NOT_FOUND')
  const node = await db.selectFrom('orgNode').select(['code', 'name']).where('code', '=', code).where('kind', '=', 'department').where('jurisdictionCode', '=', round.jurisdictionCode).executeTakeFirst()
  if (!node) throw new AppError('NOT_FOUND')
  return node
}
