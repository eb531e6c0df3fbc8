import { checkPassword, describePasswordProblem } from '../domain/password-policy.ts'
import { type Role, roleOrgKinds, violatesSeparationOfDuties } from '../domain/roles.ts'
import type { Db } from './db/database.ts'
import type { JurisdictionLevel } from './db/schema.ts'
import type { Ctx } from './http/context.ts'
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
  const settings = await getSecuritySettings(db)
  const problems = checkPassword(input.password, { minLength: settings.passwordMinLength, minClasses: settings.passwordMinClasses })
  if (problems.length) return complain(problems.map((p) => describePasswordProblem(p, 'zh')).join('；'))
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

function complain(message: string) {
  console.error(message)
  return 2
}
