import type { Actor } from '../../http/context.ts'

/** Nobody disables themselves or edits their own roles: that is how a system loses its last administrator. */
export function canChangeAccount(actor: Actor, targetUserId: string) {
  return actor.userId !== targetUserId
}
