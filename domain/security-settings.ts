/** Security limits are settings, changed by sec_admin; these are the defaults a new installation starts with. */
export interface SecuritySettings {
  passwordMinLength: number
  passwordMinClasses: number
  /** Failures of one account from one client address before that address is locked out of it. */
  maxFailedLogins: number
  lockoutMinutes: number
  /** Failures of one account from all addresses before addresses it never signed in from are paused. */
  accountMaxFailedLogins: number
  sessionIdleMinutes: number
  /** A session ends this long after sign-in however busy it is (等保 2.0: 会话最长时限). */
  sessionMaxHours: number
}

export const defaultSecuritySettings: SecuritySettings = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  accountMaxFailedLogins: 50,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime()
}

export function isSessionIdle(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000
}

export function isSessionPastLifetime(createdAt: Date, now: Date, maxHours: number): boolean {
  return now.getTime() - createdAt.getTime() >= maxHours * 3_600_000
}
