import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { actionVisibleTo } from './actions.repository.ts'

/** The corrective actions waiting for the actor, for the home page's to-dos. */
function waiting(db: Db, actor: Actor) {
  return db.selectFrom('correctiveAction').where(actionVisibleTo(actor)).select((eb) => eb.fn.countAll<string>().as('count'))
}

/**
 * Actions addressed to the actor awaiting its written answer: a unit's own; a department's own (部门整体, no unit) —
 * its units answer theirs, so they are not counted twice. Never those the actor issued.
 */
export async function actionsToAnswer(db: Db, actor: Actor): Promise<number> {
  let query = waiting(db, actor).where('correctiveAction.status', '=', 'open').where('correctiveAction.issuerOrgCode', '<>', actor.org.code)
  query = actor.org.kind === 'unit' ? query.where('correctiveAction.unitCode', '=', actor.org.code) : query.where('correctiveAction.departmentCode', '=', actor.org.code).where('correctiveAction.unitCode', 'is', null)
  return Number((await query.executeTakeFirstOrThrow()).count)
}

/** Answered actions for their issuer to close or return: a bureau's of its own jurisdiction, a department's own. */
export async function actionsToClose(db: Db, actor: Actor): Promise<number> {
  let query = waiting(db, actor).where('correctiveAction.status', '=', 'responded')
  query = actor.org.kind === 'jurisdiction' ? query.where('correctiveAction.jurisdictionCode', '=', actor.org.jurisdictionCode) : query.where('correctiveAction.issuerOrgCode', '=', actor.org.code)
  return Number((await query.executeTakeFirstOrThrow()).count)
}
