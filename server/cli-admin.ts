import { checkPassword, describePasswordProblem } from '../domain/password-policy.ts'
import { type Role, roleOrgKinds, violatesSeparationOfDuties } from '../domain/roles.ts'
import type { Db } from './db/database.ts'
import type { JurisdictionLevel } from './db/schema.ts'
import type { Ctx } from './http/context.ts'
import { clearLoginLocks } from './modules/auth/auth.service.ts'
import { evictSessions } from './modules/auth/session-cache.ts'
import { findOrgNode } from './modules/org/org.repository.ts'
import { getSecuritySettings } from './modules/settings/settings.service.ts'
import { recordAudit } from './platform/audit.ts'
import { hashPassword } from './platform/passwords.ts'

/** The first jurisdiction of a new installation (or any other) added from the command line. */
export async function addJurisdictionFromCli(
  db: Db,
  ctx: Ctx,
  input: { code: string; name: string; level: JurisdictionLevel; parent?: string; bureau?: string },
) {
  if (!/^[0-9A-Za-z]{2,32}$/.test(input.code)) return complain(`编码不合法: ${input.code}`)
  if (!['province', 'city', 'district', 'functional'].includes(input.level)) return complain(`级次不合法: ${input.level}`)
  const parent = input.parent ? await findOrgNode(db, input.parent) : undefined
  if (input.parent && (!parent || parent.kind !== 'jurisdiction')) return complain(`上级行政区划不存在: ${input.parent}`)
  if (await findOrgNode(db, input.code)) return complain(`编码已存在: ${input.code}`)
  await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('orgNode')
      .values({
        code: input.code,
        name: input.name,
        kind: 'jurisdiction',
        level: input.level,
        parentCode: parent?.code ?? null,
        jurisdictionCode: input.code,
        departmentCode: null,
        path: `${parent?.path ?? '/'}${input.code}/`,
        financeBureauName: input.bureau ?? `${input.name}财政局`,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'org.create_jurisdiction', entityType: 'org_node', entityId: created.code, after: created })
  })
  console.log(`已新增行政区划 added: ${input.code} ${input.name}`)
  return 0
}

/** An account added from the command line, under the same password policy and role rules as the web. */
export async function addUserFromCli(db: Db, ctx: Ctx, input: { username: string; password: string; role: Role[]; org: string; name?: string }) {
  const org = await findOrgNode(db, input.org)
  if (!org) return complain(`机构不存在 org not found: ${input.org}`)
  const misplaced = input.role.find((r) => !roleOrgKinds[r].includes(org.kind))
  if (misplaced) return complain(`角色 ${misplaced} 不能设在 ${org.name}（${org.kind}）`)
  if (violatesSeparationOfDuties(input.role)) return complain('三员分立：sys_admin、sec_admin、audit_admin 不能兼任')
  const problem = await passwordProblem(db, input.password)
  if (problem) return complain(problem)
  if (await db.selectFrom('appUser').select('id').where('username', '=', input.username).executeTakeFirst()) {
    return complain(`用户名已存在 username taken: ${input.username}`)
  }
  const passwordHash = await hashPassword(input.password)
  await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('appUser')
      .values({
        username: input.username,
        displayName: input.name ?? input.username,
        passwordHash,
        orgCode: org.code,
        roles: input.role,
        // 等保: the holder replaces the password handed over at first sign-in.
        mustChangePassword: true,
        passwordChangedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: created.id, after: created })
  })
  console.log(`已新增用户 added: ${input.username} (${input.role.join(', ')}) @ ${org.name}`)
  return 0
}

async function passwordProblem(db: Db, password: string): Promise<string | null> {
  const settings = await getSecuritySettings(db)
  const problems = checkPassword(password, { minLength: settings.passwordMinLength, minClasses: settings.passwordMinClasses })
  return problems.length ? problems.map((p) => describePasswordProblem(p, 'zh')).join('；') : null
}

export type AccountCommand = { action: 'reset-password'; password: string } | { action: 'unlock' } | { action: 'disable' } | { action: 'enable' }

const accountActions = {
  'reset-password': { audit: 'user.reset_password', done: '已重置密码，下次登录须修改 password reset, to be changed at next sign-in' },
  unlock: { audit: 'user.unlock', done: '已解锁 unlocked' },
  disable: { audit: 'user.update', done: '已停用 disabled' },
  enable: { audit: 'user.update', done: '已启用 enabled' },
} as const

/**
 * Looks after any account from the server's command line — the only place for the accounts of the three
 * separated administrators (三员分立), which none of them may manage on the web.
 */
export async function manageUserFromCli(db: Db, ctx: Ctx, username: string, command: AccountCommand) {
  const user = await db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirst()
  if (!user) return complain(`用户不存在 user not found: ${username}`)
  const passwordHash = command.action === 'reset-password' ? await checkedHash(db, command.password) : undefined
  if (passwordHash === null) return 2
  await db.transaction().execute(async (trx) => {
    const change =
      command.action === 'reset-password'
        ? { passwordHash, mustChangePassword: true, passwordChangedAt: ctx.now, failedLoginCount: 0, lockedUntil: null }
        : command.action === 'unlock'
          ? { failedLoginCount: 0, lockedUntil: null }
          : { status: command.action === 'disable' ? ('disabled' as const) : ('active' as const) }
    const updated = await trx
      .updateTable('appUser')
      .set((eb) => ({ ...change, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (command.action === 'reset-password' || command.action === 'unlock') await clearLoginLocks(trx, user.id)
    if (command.action === 'reset-password' || command.action === 'disable') {
      await trx.deleteFrom('userSession').where('userId', '=', user.id).execute()
      // Running app nodes on PostgreSQL drop the account's cached sessions when this commits.
      await evictSessions(db, trx, { user: user.id })
    }
    await recordAudit(trx, ctx, { action: accountActions[command.action].audit, entityType: 'user', entityId: user.id, before: user, after: updated })
  })
  console.log(`${accountActions[command.action].done}: ${username}`)
  return 0
}

/** The new password's hash, or null after saying which rule it breaks. */
async function checkedHash(db: Db, password: string): Promise<string | null> {
  const problem = await passwordProblem(db, password)
  if (problem) {
    complain(problem)
    return null
  }
  return hashPassword(password)
}

function complain(message: string) {
  console.error(message)
  return 2
}
