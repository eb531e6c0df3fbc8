/** Security limits are settings, changed by sec_admin; these are the defaults a new installation starts with. */
export interface SecuritySettings {
  passwordMinLength: number
  passwordMinClasses: number
  maxFailedLogins: number
  lockoutMinutes: number
  sessionIdleMinutes: number
}

export const defaultSecuritySettings: SecuritySettings = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  sessionIdleMinutes: 30,
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime()
}

export function isSessionIdle(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000
}
