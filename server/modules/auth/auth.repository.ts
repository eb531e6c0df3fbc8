import { sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'

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

export function findSessionWithUser(db: Db, tokenHash: string) {
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
    .where('s.tokenHash', '=', tokenHash)
    .executeTakeFirst()
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
