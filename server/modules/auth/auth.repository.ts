import { type CompiledQuery, type InferResult, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import { SECURITY_KEY } from '../settings/settings.service.ts'

export function findUserForLogin(db: Db, username: string) {
  return db
    .selectFrom('appUser')
    .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
    .select(['appUser.id', 'appUser.username', 'appUser.passwordHash', 'appUser.status', 'orgNode.path as orgPath'])
    .where('appUser.username', '=', username)
    .executeTakeFirst()
}

/** The account-wide pause and this address's lock and history, read in the sign-in's transaction. */
export async function loginState(trx: Trx, userId: string, clientIp: string) {
  const account = await trx.selectFrom('appUser').select('lockedUntil').where('id', '=', userId).executeTakeFirstOrThrow()
  const source = await trx
    .selectFrom('loginSource')
    .select(['lockedUntil', 'lastSuccessAt'])
    .where('userId', '=', userId)
    .where('clientIp', '=', clientIp)
    .executeTakeFirst()
  return { accountPausedUntil: account.lockedUntil, sourceLockedUntil: source?.lockedUntil ?? null, sourceKnown: !!source?.lastSuccessAt }
}

/** Counts a failure of this account from this address atomically; failures before windowStart no longer count. */
export async function countSourceFailure(trx: Trx, userId: string, clientIp: string, now: Date, windowStart: Date): Promise<number> {
  const row = await trx
    .insertInto('loginSource')
    .values({ userId, clientIp, failedCount: 1, lastFailedAt: now })
    .onConflict((oc) =>
      oc.columns(['userId', 'clientIp']).doUpdateSet({
        failedCount: sql`case when login_source.last_failed_at > ${windowStart} then login_source.failed_count + 1 else 1 end`,
        lastFailedAt: now,
      }),
    )
    .returning('failedCount')
    .executeTakeFirstOrThrow()
  return row.failedCount
}

export async function lockSource(trx: Trx, userId: string, clientIp: string, until: Date) {
  await trx.updateTable('loginSource').set({ lockedUntil: until, failedCount: 0 }).where('userId', '=', userId).where('clientIp', '=', clientIp).execute()
}

/** Counts a failure of this account from any address atomically; returns the count in the current run. */
export async function countAccountFailure(trx: Trx, userId: string, now: Date, windowStart: Date): Promise<number> {
  const row = await trx
    .updateTable('appUser')
    .set({
      failedLoginCount: sql`case when last_failed_login_at > ${windowStart} then failed_login_count + 1 else 1 end`,
      lastFailedLoginAt: now,
    })
    .where('id', '=', userId)
    .returning('failedLoginCount')
    .executeTakeFirstOrThrow()
  return row.failedLoginCount
}

export async function pauseAccount(trx: Trx, userId: string, until: Date) {
  await trx.updateTable('appUser').set({ lockedUntil: until, failedLoginCount: 0 }).where('id', '=', userId).execute()
}

/** A right password from this address: its failures are forgiven and it becomes a known address of the account. */
export async function markLoggedIn(trx: Trx, userId: string, clientIp: string, now: Date) {
  await trx.updateTable('appUser').set({ lastLoginAt: now }).where('id', '=', userId).execute()
  await trx
    .insertInto('loginSource')
    .values({ userId, clientIp, lastSuccessAt: now })
    .onConflict((oc) => oc.columns(['userId', 'clientIp']).doUpdateSet({ failedCount: 0, lockedUntil: null, lastSuccessAt: now }))
    .execute()
}

/** sec_admin lifts every lock on an account: the account-wide pause and each address's lockout. */
export async function clearLocks(trx: Trx, userId: string) {
  await trx.updateTable('loginSource').set({ lockedUntil: null, failedCount: 0 }).where('userId', '=', userId).execute()
}

export async function insertSession(
  trx: Trx,
  session: { tokenHash: string; userId: string; now: Date; clientIp: string; userAgent: string | null },
) {
  await trx
    .insertInto('userSession')
    .values({
      tokenHash: session.tokenHash,
      userId: session.userId,
      createdAt: session.now,
      lastSeenAt: session.now,
      clientIp: session.clientIp,
      userAgent: session.userAgent?.slice(0, 300) ?? null,
    })
    .execute()
}

function sessionWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('userSession as s')
    .innerJoin('appUser as u', 'u.id', 's.userId')
    .innerJoin('orgNode as o', 'o.code', 'u.orgCode')
    .select([
      's.tokenHash',
      's.createdAt',
      's.lastSeenAt',
      'u.id as userId',
      'u.username',
      'u.displayName',
      'u.roles',
      'u.status as userStatus',
      'u.mustChangePassword',
      'o.code as orgCode',
      'o.name as orgName',
      'o.kind as orgKind',
      'o.path as orgPath',
      'o.jurisdictionCode',
      'o.departmentCode',
    ])
    // Every request checks the idle limit: fetch the security settings in the same round trip.
    .select((eb) => eb.selectFrom('setting').select('setting.value').where('setting.key', '=', SECURITY_KEY).as('securitySettings'))
    .where('s.tokenHash', '=', tokenHash)
}

type SessionWithUser = InferResult<ReturnType<typeof sessionWithUser>>[number]

// This query runs on every API request and only its token changes: build and compile it once per database
// (Kysely's builder, snake-casing and compiler cost more than the query itself), then swap the token in.
const TOKEN_SLOT = '\u0000token'
const compiledSessionQueries = new WeakMap<Db, CompiledQuery<SessionWithUser>>()

export async function findSessionWithUser(db: Db, tokenHash: string): Promise<SessionWithUser | undefined> {
  let compiled = compiledSessionQueries.get(db)
  if (!compiled) compiledSessionQueries.set(db, (compiled = sessionWithUser(db, TOKEN_SLOT).compile()))
  const parameters = compiled.parameters.map((p) => (p === TOKEN_SLOT ? tokenHash : p))
  const { rows } = await db.executeQuery<SessionWithUser>({ ...compiled, parameters })
  return rows[0]
}

export async function touchSession(db: Db, tokenHash: string, now: Date) {
  await db.updateTable('userSession').set({ lastSeenAt: now }).where('tokenHash', '=', tokenHash).execute()
}

export async function deleteSession(db: Db | Trx, tokenHash: string) {
  await db.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute()
}

export async function deleteOtherSessions(trx: Trx, userId: string, keepTokenHash: string | null) {
  let query = trx.deleteFrom('userSession').where('userId', '=', userId)
  if (keepTokenHash) query = query.where('tokenHash', '<>', keepTokenHash)
  await query.execute()
}
