import type { Actor } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'

/**
 * Whether the filler may still save or submit the form: a round past its deadline (or closed) is locked for the
 * units and departments that fill it, unless finance granted the form an extension that has not run out.
 * Stand-in for the rounds module's `assertFormWritable(form, round, actor, now)` — same signature, swapped for it
 * once that lands.
 */
export function assertFormWritable(form: { extensionUntil: Date | null }, round: { deadline: Date; status: string }, actor: Actor, now: Date) {
  if (actor.org.kind === 'jurisdiction') return
  if (round.status === 'closed') {
    throw new AppError('NOT_EDITABLE', { reason: 'round_closed' }, { zh: '本批次监控已结束，不能再填报', en: 'This monitoring round is closed; forms can no longer be filled' })
  }
  const until = form.extensionUntil && form.extensionUntil > round.deadline ? form.extensionUntil : round.deadline
  if (now > until) {
    throw new AppError('NOT_EDITABLE', { reason: 'deadline_passed', deadline: until }, { zh: '已过填报截止时间，请联系财政部门延期', en: 'The deadline has passed; ask the finance bureau for an extension' })
  }
}
