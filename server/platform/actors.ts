import { sql } from 'kysely'
import { permissionsOf } from '../../domain/roles.ts'
import type { Db } from '../db/database.ts'
import type { OrgKind } from '../db/schema.ts'
import type { Actor } from '../http/context.ts'

/**
 * An active user as an Actor outside a request — the CLI acting as a named user (or the first finance_admin), a job
 * acting as the user who started it: roles and org node as they are now, so a user disabled meanwhile acts no more.
 */
export async function activeActor(db: Db, who: { userId: string } | { username: string } | 'first_finance_admin'): Promise<Actor | null> {
  let query = db
    .selectFrom('appUser')
    .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
    .select(['appUser.id', 'appUser.username', 'appUser.displayName', 'appUser.roles', 'orgNode.code', 'orgNode.name', 'orgNode.kind', 'orgNode.path', 'orgNode.jurisdictionCode', 'orgNode.departmentCode'])
    .where('appUser.status', '=', 'active')
  if (who === 'first_finance_admin') query = query.where(sql<boolean>`'finance_admin' = any(app_user.roles)`).orderBy('orgNode.path').orderBy('appUser.createdAt')
  else if ('userId' in who) query = query.where('appUser.id', '=', who.userId)
  else query = query.where('appUser.username', '=', who.username)
  const row = await query.executeTakeFirst()
  if (!row) return null
  return {
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles,
    permissions: new Set(permissionsOf(row.roles)),
    sessionHash: '',
    org: { code: row.code, name: row.name, kind: row.kind as OrgKind, path: row.path, jurisdictionCode: row.jurisdictionCode, departmentCode: row.departmentCode },
  }
}
