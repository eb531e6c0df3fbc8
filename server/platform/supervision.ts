import type { Actor } from '../http/context.ts'
import { AppError } from '../http/errors.ts'

/**
 * A finance bureau acts only on its own jurisdiction's records: 复审, 批复 and the budget belong to the bureau whose
 * budget it is (REFERENCE §4.4, "谁批复预算，谁批复目标"). A city sees its districts to supervise them, read-only.
 * Departments and units sit inside one jurisdiction, so their data scope already keeps them there.
 */
export function assertOwnJurisdiction(actor: Actor, record: { jurisdictionCode: string }) {
  if (onlySupervises(actor, record)) throw new AppError('SUPERVISION_ONLY')
}

/** Whether the actor is a bureau above the record's jurisdiction, which may look at it but not act on it. */
export function onlySupervises(actor: Actor, record: { jurisdictionCode: string }) {
  return actor.org.kind === 'jurisdiction' && actor.org.jurisdictionCode !== record.jurisdictionCode
}
