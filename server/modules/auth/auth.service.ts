import { createHash, randomBytes } from 'node:crypto'
import { checkPassword, describePasswordProblem } from '../../../domain/password-policy.ts'
import { permissionsOf } from '../../../domain/roles.ts'
import { failureWindowStart, lockedUntil, loginRefusal } from '../../../domain/login-throttle.ts'
import { isLocked, isSessionIdle, isSessionPastLifetime, type SecuritySettings } from '../../../domain/security-settings.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { OrgKind } from '../../db/schema.ts'
import type { Actor, ActorCtx, Ctx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { hashPassword, verifyPassword } from '../../platform/passwords.ts'
import { getSecuritySettings, securitySettingsOf } from '../settings/settings.service.ts'
import * as repo from './auth.repository.ts'
import { cachedSession, evictSessions, rememberSession, sessionCacheStamp } from './session-cache.ts'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

// Verifying against a real hash when the user does not exist keeps response times alike (no username probing).
let decoyHash: Promise<string> | undefined
const decoy = () => (decoyHash ??= hashPassword('decoy-Password-1'))

/**
 * Signs a user in: returns a new session token, or throws after recording the failed attempt. An unknown
 * username, a wrong password and a locked-out address get the same answer (AUTH_FAILED) after the same work
 * (one password hash), so the answer tells nobody which usernames exist or that an account is locked.
 */
export async function login(db: Db, ctx: Ctx, input: { username: string; password: string; userAgent: string | null }) {
  const settings = await getSecuritySettings(db)
  const user = await repo.findUserForLogin(db, input.username)
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoy()), input.password)
  const attempt = { actor: user ? { id: user.id, username: user.username, orgPath: user.orgPath } : { id: null, username: input.username, orgPath: null } }

  const outcome = await db.transaction().execute(async (trx) => {
    const audit = (action: string, after?: unknown) =>
      recordAudit(trx, ctx, { action, entityType: 'user', entityId: user?.id ?? null, after, ...attempt })
    if (!user) {
      await audit('auth.login_failed', { reason: 'unknown_user' })
      return 'AUTH_FAILED' as const
    }
    const state = await repo.loginState(trx, user.id, ctx.clientIp)
    const refusal = loginRefusal(state, ctx.now)
    if (refusal) {
      await audit('auth.login_refused', { reason: refusal, until: refusal === 'source_locked' ? state.sourceLockedUntil : state.accountPausedUntil })
      return 'AUTH_FAILED' as const
    }
    if (!passwordOk) {
      await recordFailure(trx, ctx, settings, user.id, audit)
      return 'AUTH_FAILED' as const
    }
    if (user.status !== 'active') {
      await audit('auth.login_refused', { reason: 'disabled' })
      return 'ACCOUNT_DISABLED' as const
    }
    const token = randomBytes(32).toString('base64url')
    await repo.markLoggedIn(trx, user.id, ctx.clientIp, ctx.now)
    await repo.insertSession(trx, { tokenHash: hashToken(token), userId: user.id, now: ctx.now, clientIp: ctx.clientIp, userAgent: input.userAgent })
    await audit('auth.login')
    return { token }
  })
  if (typeof outcome === 'string') throw new AppError(outcome)
  return { token: outcome.token, userId: user!.id }
}

/**
 * A wrong password for this account from this address: counted for the address (locked at maxFailedLogins)
 * and for the account (addresses it never signed in from are paused at accountMaxFailedLogins).
 */
async function recordFailure(
  trx: Trx,
  ctx: Ctx,
  settings: SecuritySettings,
  userId: string,
  audit: (action: string, after?: unknown) => Promise<unknown>,
  failedAction = 'auth.login_failed',
) {
  const windowStart = failureWindowStart(ctx.now, settings.lockoutMinutes)
  const until = lockedUntil(ctx.now, settings.lockoutMinutes)
  const failures = await repo.countSourceFailure(trx, userId, ctx.clientIp, ctx.now, windowStart)
  const accountFailures = await repo.countAccountFailure(trx, userId, ctx.now, windowStart)
  if (failures >= settings.maxFailedLogins) {
    await repo.lockSource(trx, userId, ctx.clientIp, until)
    await audit('auth.locked', { failures, lockedUntil: until, clientIp: ctx.clientIp })
  }
  if (accountFailures >= settings.accountMaxFailedLogins) {
    await repo.pauseAccount(trx, userId, until)
    await audit('auth.account_paused', { failures: accountFailures, pausedUntil: until })
  }
  if (failures < settings.maxFailedLogins && accountFailures < settings.accountMaxFailedLogins) {
    await audit(failedAction, { reason: 'wrong_password', failures, accountFailures })
  }
}

/** Lifts every address's lockout of an account (unlock and password reset; the account-wide pause is the caller's row). */
export const clearLoginLocks = (trx: Trx, userId: string) => repo.clearLocks(trx, userId)

export type SessionLookup = { actor: Actor } | { expired: true } | null
type SessionRow = NonNullable<Awaited<ReturnType<typeof repo.findSessionWithUser>>>

/** Finds the actor behind a session token; an idle session is deleted and reported as expired. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionLookup> {
  const tokenHash = hashToken(token)
  let row = cachedSession<SessionRow>(db, tokenHash)
  if (!row) {
    const stamp = sessionCacheStamp(db)
    row = await repo.findSessionWithUser(db, tokenHash)
    if (!row) return null
    rememberSession(db, tokenHash, row.userId, row, stamp)
  }
  const { sessionIdleMinutes, sessionMaxHours } = securitySettingsOf(row.securitySettings)
  if (row.userStatus !== 'active' || isSessionIdle(row.lastSeenAt, now, sessionIdleMinutes) || isSessionPastLifetime(row.createdAt, now, sessionMaxHours)) {
    await repo.deleteSession(db, tokenHash)
    await evictSessions(db, db, { session: tokenHash })
    return { expired: true }
  }
  // One write per request is wasteful; refreshing the idle timer every 30 s is precise enough.
  if (now.getTime() - row.lastSeenAt.getTime() > 30_000) {
    await repo.touchSession(db, tokenHash, now)
    row.lastSeenAt = now
  }
  return {
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      roles: row.roles,
      permissions: new Set(permissionsOf(row.roles)),
      sessionHash: tokenHash,
      mustChangePassword: row.mustChangePassword,
      org: {
        code: row.orgCode,
        name: row.orgName,
        kind: row.orgKind as OrgKind,
        path: row.orgPath,
        jurisdictionCode: row.jurisdictionCode,
        departmentCode: row.departmentCode,
      },
    },
  }
}

export async function logout(db: Db, ctx: ActorCtx) {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, ctx.actor.sessionHash)
    await evictSessions(db, trx, { session: ctx.actor.sessionHash })
    await recordAudit(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId })
  })
}

export function describeMe(actor: Actor) {
  const { code, name, kind, jurisdictionCode, departmentCode } = actor.org
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: [...actor.permissions],
    mustChangePassword: actor.mustChangePassword ?? false,
    org: { code, name, kind, jurisdictionCode, departmentCode },
  }
}

/** Throws PASSWORD_POLICY with every unmet rule spelled out. */
export async function assertPasswordPolicy(db: Db, ctx: Ctx, password: string) {
  const settings = await getSecuritySettings(db)
  const problems = checkPassword(password, { minLength: settings.passwordMinLength, minClasses: settings.passwordMinClasses })
  if (problems.length === 0) return
  const zh = problems.map((p) => describePasswordProblem(p, 'zh')).join('；')
  const en = problems.map((p) => describePasswordProblem(p, 'en')).join('; ')
  throw new AppError('PASSWORD_POLICY', problems.map((p) => ({ path: 'password', message: describePasswordProblem(p, ctx.lang) })), {
    zh: `密码不符合安全策略：${zh}`,
    en: `The password does not meet the policy: ${en}`,
  })
}

/**
 * A user changes their own password; their other sessions end. A wrong current password counts as a failed
 * sign-in of this account from this address (and is audited), so a borrowed session cannot guess it freely.
 * After a reset or at first sign-in the new password must differ from the one the administrator handed out.
 */
export async function changeOwnPassword(db: Db, ctx: ActorCtx, input: { currentPassword: string; newPassword: string }) {
  const userId = ctx.actor.userId
  const settings = await getSecuritySettings(db)
  const user = await db.selectFrom('appUser').select(['passwordHash', 'mustChangePassword']).where('id', '=', userId).executeTakeFirstOrThrow()
  const currentOk = await verifyPassword(user.passwordHash, input.currentPassword)
  const refusal = await db.transaction().execute(async (trx) => {
    const audit = (action: string, after?: unknown) => recordAudit(trx, ctx, { action, entityType: 'user', entityId: userId, after })
    const state = await repo.loginState(trx, userId, ctx.clientIp)
    if (isLocked(state.sourceLockedUntil, ctx.now)) {
      await audit('auth.password_change_failed', { reason: 'source_locked', until: state.sourceLockedUntil })
      return 'RATE_LIMITED' as const
    }
    if (currentOk) return null
    await recordFailure(trx, ctx, settings, userId, audit, 'auth.password_change_failed')
    return 'WRONG_PASSWORD' as const
  })
  if (refusal === 'RATE_LIMITED') throw new AppError('RATE_LIMITED')
  if (refusal === 'WRONG_PASSWORD') {
    // 400 on the field, not 401: the session is fine, only the typed password is wrong.
    const message = { zh: '当前密码不正确', en: 'The current password is wrong' }
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.currentPassword', message: message[ctx.lang] }], message)
  }
  await assertPasswordPolicy(db, ctx, input.newPassword)
  if (user.mustChangePassword && input.newPassword === input.currentPassword) {
    const message = { zh: '新密码不能与管理员设置的初始密码相同', en: 'The new password must differ from the one the administrator set' }
    throw new AppError('PASSWORD_POLICY', [{ path: 'body.newPassword', message: message[ctx.lang] }], message)
  }
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('appUser')
      .set((eb) => ({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', userId)
      .execute()
    await repo.deleteOtherSessions(trx, userId, ctx.actor.sessionHash)
    await evictSessions(db, trx, { user: userId })
    await recordAudit(trx, ctx, { action: 'user.change_own_password', entityType: 'user', entityId: userId })
  })
}
