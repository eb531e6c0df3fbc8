import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { formVisibleTo } from './forms.repository.ts'

/**
 * The monitoring forms waiting for the actor, for the home page's to-dos. Only open rounds count (a closed round
 * waits for nobody).
 */
function waiting(db: Db, actor: Actor) {
  return db
    .selectFrom('monitoringForm')
    .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId')
    .where(formVisibleTo(actor))
    .where('monitoringRound.status', '=', 'open')
    .select((eb) => eb.fn.countAll<string>().as('count'))
}

const counted = async (query: ReturnType<typeof waiting>) => Number((await query.executeTakeFirstOrThrow()).count)

/** Forms to fill or correct: a unit's own project forms; a department's own overall form. */
export function formsToFill(db: Db, actor: Actor): Promise<number> {
  const query = waiting(db, actor).where('monitoringForm.status', 'in', ['draft', 'returned'])
  if (actor.org.kind === 'unit') return counted(query.where('monitoringForm.unitCode', '=', actor.org.code))
  return counted(query.where('monitoringForm.kind', '=', 'department').where('monitoringForm.departmentCode', '=', actor.org.code))
}

/** Forms to review: a department's submitted ones (初审); a bureau's own jurisdiction's accepted by departments (复审). */
export function formsToReview(db: Db, actor: Actor): Promise<number> {
  if (actor.org.kind === 'department') return counted(waiting(db, actor).where('monitoringForm.status', '=', 'submitted').where('monitoringForm.departmentCode', '=', actor.org.code))
  if (actor.org.kind === 'jurisdiction') return counted(waiting(db, actor).where('monitoringForm.status', '=', 'dept_accepted').where('monitoringForm.jurisdictionCode', '=', actor.org.jurisdictionCode))
  return Promise.resolve(0)
}

/** Forms assigned to a third-party agency that it has not yet added a verification note to. */
export function formsToVerify(db: Db, actor: Actor): Promise<number> {
  return counted(
    waiting(db, actor)
      .where('monitoringForm.agencyUserId', '=', actor.userId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('monitoringOpinion').select('monitoringOpinion.id').whereRef('monitoringOpinion.formId', '=', 'monitoringForm.id').where('monitoringOpinion.stage', '=', 'agency'))))
  )
}
