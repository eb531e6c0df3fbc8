import type { Trx } from '../../db/database.ts'

/**
 * What later stages do when an evaluation result is settled — the results module raises rectification items (整改,
 * rule 43) from poor grades and flagged spot-check gaps. They register here, so evaluation never imports them. A
 * listener runs inside the transaction of the move: it commits or rolls back with it.
 */
export interface SettledEvent {
  ids: readonly string[]
  userId: string | null
  now: Date
}
export type SettledListener = (trx: Trx, event: SettledEvent) => Promise<void>

function registry() {
  const listeners: SettledListener[] = []
  return {
    on: (listener: SettledListener) => void listeners.push(listener),
    emit: async (trx: Trx, event: SettledEvent) => {
      for (const listener of listeners) await listener(trx, event)
    },
  }
}

const selfAccepted = registry()
const keyReported = registry()
const spotCheckClosed = registry()

/** A 自评表 accepted by finance (复审通过): its grade is final. */
export const onSelfFormAccepted = selfAccepted.on
export const selfFormAccepted = selfAccepted.emit
/** A key evaluation reaching `reported`: its grade is final. */
export const onKeyEvaluationReported = keyReported.on
export const keyEvaluationReported = keyReported.emit
/** A spot-check closed: its flagged gaps (ids are the spot-checks) go on to the results stage. */
export const onSpotCheckClosed = spotCheckClosed.on
export const spotCheckClosedEvent = spotCheckClosed.emit
