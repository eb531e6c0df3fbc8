import type { Actor } from '../../http/context.ts'

// 三员分立: who may manage which accounts is a pure rule in domain/ (the web offers only the roles it allows).
export { mayManageAccountWith, reservedAdminRoles } from '../../../domain/admin-separation.ts'

/** Nobody disables themselves or edits their own roles: that is how a system loses its last administrator. */
export function canChangeAccount(actor: Actor, targetUserId: string) {
  return actor.userId !== targetUserId
}
