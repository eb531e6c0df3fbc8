import { errorCatalog } from '../../../domain/errors.ts'
import { roleLabels, roleOrgKinds, type Role, violatesSeparationOfDuties } from '../../../domain/roles.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActiveStatus } from '../../db/schema.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { hashPassword } from '../../platform/passwords.ts'
import { assertPasswordPolicy, clearLoginLocks } from '../auth/auth.service.ts'
import { evictSessions } from '../auth/session-cache.ts'
import { findVisibleOrgNode } from '../org/org.repository.ts'
import { canChangeAccount, mayManageAccountWith } from './users.policy.ts'
import * as repo from './users.repository.ts'

export interface NewUser {
  username: string
  displayName: string
  password: string
  orgCode: string
  roles: Role[]
}
export interface UserChanges {
  displayName?: string
  orgCode?: string
  roles?: Role[]
  status?: ActiveStatus
  version: number
}

const invalid = (zh: string, en: string, path: string) => new AppError('INVALID_ORG', [{ path, message: zh }], { zh, en })

/** The org must be in the actor's scope and of a kind every role may sit at; the 三员 roles never combine. */
async function assertPlacement(db: Db | Trx, ctx: ActorCtx, orgCode: string, roles: readonly Role[]) {
  const org = await findVisibleOrgNode(db, ctx.actor, orgCode)
  if (!org) {
    throw new AppError('NOT_FOUND', [{ path: 'orgCode', message: ctx.lang === 'zh' ? `机构 ${orgCode} 不存在或不在您的权限范围内` : `Organisation ${orgCode} not found or outside your scope` }])
  }
  if (org.status !== 'active') throw invalid(`机构 ${orgCode} 已停用`, `The organisation ${orgCode} is disabled`, 'orgCode')
  for (const role of roles) {
    if (!roleOrgKinds[role].includes(org.kind)) {
      throw invalid(`角色“${roleLabels[role].zh}”不能设在${org.name}`, `The role "${roleLabels[role].en}" cannot sit at ${org.name}`, 'roles')
    }
  }
  if (violatesSeparationOfDuties(roles)) {
    throw invalid('系统管理员、安全管理员、安全审计员三员分立，不能由同一账号兼任', 'The system, security and audit administrators must be separate accounts', 'roles')
  }
}

/**
 * Refuses handing out another administrator's role (三员分立), and records the attempt: the refused write
 * rolls back, so the audit row has a transaction of its own.
 */
async function assertMayGrant(db: Db, ctx: ActorCtx, attempt: { action: string; entityId: string | null; roles: readonly Role[] }) {
  if (mayManageAccountWith(ctx.actor.roles, attempt.roles)) return
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, {
      action: 'user.refused',
      entityType: 'user',
      entityId: attempt.entityId,
      after: { attempted: attempt.action, roles: attempt.roles, code: 'ADMIN_ACCOUNT_RESERVED' },
    }),
  )
  throw new AppError('ADMIN_ACCOUNT_RESERVED', [{ path: 'roles', message: errorCatalog.ADMIN_ACCOUNT_RESERVED[ctx.lang] }])
}

async function mustFind(trx: Trx, ctx: ActorCtx, id: string, version: number) {
  const user = await repo.findVisibleUserForUpdate(trx, ctx.actor, id)
  if (!user) throw new AppError('NOT_FOUND')
  assertVersion(user, version)
  return user
}

/** sys_admin opens an account at an org node in its scope; its holder sets their own password at first sign-in (等保). */
export async function createUser(db: Db, ctx: ActorCtx, input: NewUser) {
  await assertMayGrant(db, ctx, { action: 'user.create', entityId: null, roles: input.roles })
  await assertPlacement(db, ctx, input.orgCode, input.roles)
  await assertPasswordPolicy(db, ctx, input.password)
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('appUser').select('id').where('username', '=', input.username).executeTakeFirst()
    if (taken) {
      const message = { zh: `用户名 ${input.username} 已存在`, en: `The username ${input.username} is taken` }
      throw new AppError('DUPLICATE', [{ path: 'username', message: message[ctx.lang] }], message)
    }
    const { id } = await trx
      .insertInto('appUser')
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        orgCode: input.orgCode,
        roles: input.roles,
        mustChangePassword: true,
        passwordChangedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const created = (await repo.findVisibleUser(trx, ctx.actor, id))!
    await recordAudit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: id, after: created })
    return created
  })
}

/** sys_admin edits an account: name, place, roles, or disables it (which ends its sessions). */
export async function updateUser(db: Db, ctx: ActorCtx, id: string, changes: UserChanges) {
  if (changes.roles) await assertMayGrant(db, ctx, { action: 'user.update', entityId: id, roles: changes.roles })
  return db.transaction().execute(async (trx) => {
    const user = await mustFind(trx, ctx, id, changes.version)
    const touchesAccess = changes.roles !== undefined || changes.orgCode !== undefined || changes.status === 'disabled'
    if (touchesAccess && !canChangeAccount(ctx.actor, id)) {
      throw new AppError('FORBIDDEN', undefined, { zh: '不能修改本人账号的角色、机构或状态', en: 'You cannot change your own roles, organisation or status' })
    }
    if (changes.roles !== undefined || changes.orgCode !== undefined) {
      await assertPlacement(trx, ctx, changes.orgCode ?? user.orgCode, changes.roles ?? (user.roles as Role[]))
    }
    const { version: _v, ...set } = changes
    await trx
      .updateTable('appUser')
      .set((eb) => ({ ...set, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute()
    if (changes.status === 'disabled' || changes.roles !== undefined || changes.orgCode !== undefined) {
      await trx.deleteFrom('userSession').where('userId', '=', id).execute()
      await evictSessions(db, trx, { user: id })
    }
    const updated = (await repo.findVisibleUser(trx, ctx.actor, id))!
    await recordAudit(trx, ctx, { action: 'user.update', entityType: 'user', entityId: id, before: user, after: updated })
    return updated
  })
}

/** sec_admin lifts a lockout before it runs out. */
export async function unlockUser(db: Db, ctx: ActorCtx, id: string, version: number) {
  return db.transaction().execute(async (trx) => {
    const user = await mustFind(trx, ctx, id, version)
    await trx
      .updateTable('appUser')
      .set((eb) => ({ lockedUntil: null, failedLoginCount: 0, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute()
    await clearLoginLocks(trx, id)
    const updated = (await repo.findVisibleUser(trx, ctx.actor, id))!
    await recordAudit(trx, ctx, { action: 'user.unlock', entityType: 'user', entityId: id, before: user, after: updated })
    return updated
  })
}

/** sys_admin sets a new password for someone who lost theirs; their sessions end and they must change it at next sign-in. */
export async function resetPassword(db: Db, ctx: ActorCtx, id: string, input: { password: string; version: number }) {
  await assertPasswordPolicy(db, ctx, input.password)
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    const user = await mustFind(trx, ctx, id, input.version)
    await trx
      .updateTable('appUser')
      .set((eb) => ({ passwordHash, mustChangePassword: true, passwordChangedAt: ctx.now, failedLoginCount: 0, lockedUntil: null, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute()
    await clearLoginLocks(trx, id)
    await trx.deleteFrom('userSession').where('userId', '=', id).execute()
    await evictSessions(db, trx, { user: id })
    const updated = (await repo.findVisibleUser(trx, ctx.actor, id))!
    await recordAudit(trx, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id, before: user, after: updated })
    return updated
  })
}

export async function getUser(db: Db, ctx: ActorCtx, id: string) {
  const user = await repo.findVisibleUser(db, ctx.actor, id)
  if (!user) throw new AppError('NOT_FOUND')
  return user
}
