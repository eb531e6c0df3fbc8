import { sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains } from '../../http/paging.ts'
import { userVisibleTo } from '../../platform/scope.ts'
import { reservedAdminRoles } from './users.policy.ts'

export interface UserFilter {
  q?: string
  orgCode?: string
  role?: string
  status?: 'active' | 'disabled'
}

const sortable = {
  username: 'appUser.username',
  displayName: 'appUser.displayName',
  orgCode: 'appUser.orgCode',
  lastLoginAt: 'appUser.lastLoginAt',
  createdAt: 'appUser.createdAt',
} as const
export type UserSort = keyof typeof sortable
export const userSortKeys = Object.keys(sortable) as [UserSort, ...UserSort[]]

const userColumns = [
  'appUser.id',
  'appUser.username',
  'appUser.displayName',
  'appUser.orgCode',
  'orgNode.name as orgName',
  'orgNode.kind as orgKind',
  'appUser.roles',
  'appUser.status',
  'appUser.mustChangePassword',
  // The latest lock on the account: its account-wide pause or any address's lockout (sec_admin lifts them all).
  sql<Date | null>`greatest(app_user.locked_until, (select max(s.locked_until) from login_source s where s.user_id = app_user.id))`.as('lockedUntil'),
  'appUser.lastLoginAt',
  'appUser.version',
  'appUser.createdAt',
] as const

/** Accounts in the actor's scope that it may manage: those of the other administrators are not even listed (三员分立). */
function visibleUsers(db: Db | Trx, actor: Actor) {
  const reserved = reservedAdminRoles(actor.roles)
  return db
    .selectFrom('appUser')
    .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
    .where(userVisibleTo(actor))
    .where((eb) => eb.not(eb('appUser.roles', '&&', sql<string[]>`array[${sql.join(reserved)}]::text[]`)))
}

export function listUsers(db: Db, actor: Actor, filter: UserFilter, sort: UserSort = 'username', order: 'asc' | 'desc' = 'asc') {
  let query = visibleUsers(db, actor).select(userColumns)
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('appUser.username', 'ilike', pattern), eb('appUser.displayName', 'ilike', pattern)]))
  }
  if (filter.orgCode) query = query.where('appUser.orgCode', '=', filter.orgCode)
  if (filter.role) query = query.where('appUser.roles', '@>', sql<string[]>`array[${filter.role}]::text[]`)
  if (filter.status) query = query.where('appUser.status', '=', filter.status)
  return query.orderBy(sortable[sort], order).orderBy('appUser.username')
}

export function findVisibleUser(db: Db | Trx, actor: Actor, id: string) {
  return visibleUsers(db, actor).select(userColumns).where('appUser.id', '=', id).executeTakeFirst()
}

export function findVisibleUserForUpdate(trx: Trx, actor: Actor, id: string) {
  return visibleUsers(trx, actor).select(userColumns).where('appUser.id', '=', id).forUpdate(['appUser']).executeTakeFirst()
}
