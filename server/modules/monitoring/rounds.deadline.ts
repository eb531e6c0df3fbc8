import { effectiveDeadline } from '../../../domain/key-monitoring.ts'
import type { MonitoringRoundStatus } from '../../../domain/monitoring.ts'
import type { Actor } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'

/** What assertFormWritable reads of a form: its extension (per form or granted to its unit). */
export interface WritableForm {
  extensionUntil: Date | null
}
/** What assertFormWritable reads of a round. */
export interface WritableRound {
  status: MonitoringRoundStatus
  deadline: Date
}

const stamp = (d: Date) => d.toISOString()

/**
 * May the actor save or submit this form now? The round must be open (not still opening, not closed). After the
 * round's deadline — or the form's later extension granted by finance — the reporters (units, and departments for
 * their overall form) are locked out: 409 MONITORING_DEADLINE_PASSED naming the deadline. Finance bureaus are not
 * held by the deadline. Reviewing (return / accept) is not writing: don't call this for it.
 * Scope, permission and status checks stay with the caller.
 */
export function assertFormWritable(form: WritableForm, round: WritableRound, actor: Actor, now: Date): void {
  if (round.status === 'opening') throw new AppError('MONITORING_ROUND_OPENING')
  if (round.status === 'closed') throw new AppError('MONITORING_ROUND_CLOSED')
  if (actor.org.kind === 'jurisdiction') return
  const deadline = effectiveDeadline(round.deadline, form.extensionUntil)
  if (now > deadline) {
    throw new AppError('MONITORING_DEADLINE_PASSED', { deadline: stamp(deadline), extended: deadline !== round.deadline })
  }
}
