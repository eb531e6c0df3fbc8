import { isLocked } from './security-settings.ts'

/**
 * Who may try a password now. Failures are counted per account and client address: reaching the limit locks
 * that address out of that account for a while, so someone elsewhere cannot lock the user out by guessing.
 * Guessing from many addresses trips a slower account-wide limit, which pauses only addresses that never signed
 * in to the account — the user's own address keeps working. Refusals look like a wrong password to the caller.
 */
export interface LoginState {
  /** This address is locked out of this account until then. */
  sourceLockedUntil: Date | null
  /** The account-wide limit was reached; addresses it never signed in from wait until then. */
  accountPausedUntil: Date | null
  /** This address signed in to this account before. */
  sourceKnown: boolean
}

export type LoginRefusal = 'source_locked' | 'account_paused'

export function loginRefusal(state: LoginState, now: Date): LoginRefusal | null {
  if (isLocked(state.sourceLockedUntil, now)) return 'source_locked'
  if (!state.sourceKnown && isLocked(state.accountPausedUntil, now)) return 'account_paused'
  return null
}

/** Failures count as a run while each follows the previous within the lockout duration; older ones age out. */
export function failureWindowStart(now: Date, lockoutMinutes: number): Date {
  return new Date(now.getTime() - lockoutMinutes * 60_000)
}

export function lockedUntil(now: Date, lockoutMinutes: number): Date {
  return new Date(now.getTime() + lockoutMinutes * 60_000)
}
