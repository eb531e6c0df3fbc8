import { type CompiledQuery, type InferResult, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import { SECURITY_KEY } from '../settings/settings.service.ts'

export function findUserForLogin(db: Db, username: string) {
  return db
    .selectFrom('appUser')
    .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
    .select(['appUser.id', 'appUser.username', 'appUser.passwordHash', 'appUser.status', 'appUser.lockedUntil', 'orgNode.path as orgPath'])
    .where('appUser.username', '=', username)
    .executeTakeFirst()
}

/** Counts a failed attempt atomically; returns the new count. */
export async function countFailedLogin(trx: Trx, userId: string): Promise<number> {
  const row = await trx
    .updateTable('appUser')
    .set({ failedLoginCount: sql`failed_login_count + 1` })
    .where('id', '=', userId)
    .returning('failedLoginCount')
    .executeTakeFirstOrThrow()
  return row.failedLoginCount
}

export async function lockUser(trx: Trx, userId: string, until: Date) {
  await trx
    .updateTable('appUser')
    .set({ lockedUntil: until, failedLoginCount: 0, version: sql`version + 1` })
    .where('id', '=', userId)
    .execute()
}

export async function markLoggedIn(trx: Trx, userId: string, now: Date) {
  await trx
    .updateTable('appUser')
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
    .where('id', '=', userId)
    .execute()
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
      's.lastSeenAt',
      'u.id as userId',
      'u.username',
      'u.displayName',
      'u.roles',
      'u.status as userStatus',
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
