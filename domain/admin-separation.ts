import type { Role } from './roles.ts'

/** The three separated administrators of 等保 三员分立. */
export const adminRoles = ['sys_admin', 'sec_admin', 'audit_admin'] as const satisfies readonly Role[]

/**
 * The administrator roles an actor must not touch: every one it does not hold itself. An account holding
 * such a role is managed only with the command line on the server (`jixiao user …`), so none of the three
 * can take over another's account — create, change, reset, disable or unlock it, or hand out its role.
 */
export function reservedAdminRoles(actorRoles: readonly string[]): Role[] {
  return adminRoles.filter((role) => !actorRoles.includes(role))
}

/** Whether an actor may see and manage an account with these roles (or give an account these roles). */
export function mayManageAccountWith(actorRoles: readonly string[], accountRoles: readonly string[]): boolean {
  const reserved = reservedAdminRoles(actorRoles)
  return !accountRoles.some((role) => (reserved as string[]).includes(role))
}
