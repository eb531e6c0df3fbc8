import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import type { Role } from '../../../domain/roles.ts'
import { createTestContext } from '../../test/context.ts'

// 三员分立: none of sys_admin, sec_admin and audit_admin may create, see, change, reset, disable or unlock an
// account of another administrator role, nor hand such a role out. Those accounts are the command line's.
const t = await createTestContext()
const root = await t.make.jurisdiction()
const sysAdmin = await t.make.user({ role: 'sys_admin', org: root })
const secAdmin = await t.make.user({ role: 'sec_admin', org: root })
const auditAdmin = await t.make.user({ role: 'audit_admin', org: root })
const otherSysAdmin = await t.make.user({ role: 'sys_admin', org: root })
const otherSecAdmin = await t.make.user({ role: 'sec_admin', org: root })
const admin = await t.as(sysAdmin)
const security = await t.as(secAdmin)

let serial = 0
const body = (roles: Role[], orgCode: string = root.code) => ({ username: `sod${++serial}`, displayName: '李四', password: 'Good#Pass2026', orgCode, roles })
const version = async (id: string) => (await t.db.selectFrom('appUser').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version
const refusals = () => t.db.selectFrom('auditLog').select(['actorUsername', 'entityId', 'after']).where('action', '=', 'user.refused').orderBy('seq').execute()

describe('sys_admin cannot take over the other administrators', () => {
  test.each([['sec_admin'], ['audit_admin']] as const)('creating a %s account is 403 ADMIN_ACCOUNT_RESERVED, audited, nothing made', async (role) => {
    const before = (await refusals()).length
    const attempt = body([role])
    const res = await admin.post('/api/users', attempt)
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toMatchObject({ code: 'ADMIN_ACCOUNT_RESERVED', details: [{ path: 'roles' }] })
    expect(await t.db.selectFrom('appUser').select('id').where('username', '=', attempt.username).execute()).toEqual([])
    expect((await refusals()).slice(before)).toEqual([
      { actorUsername: sysAdmin.username, entityId: null, after: { attempted: 'user.create', roles: [role], code: 'ADMIN_ACCOUNT_RESERVED' } },
    ])
  })

  test('giving an existing account the sec_admin role is refused and audited; the account keeps its roles', async () => {
    const viewer = await t.make.user({ role: 'viewer', org: root })
    const res = await admin.patch(`/api/users/${viewer.id}`, { roles: ['sec_admin'], version: 1 })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('ADMIN_ACCOUNT_RESERVED')
    expect((await admin.get(`/api/users/${viewer.id}`)).json()).toMatchObject({ roles: ['viewer'], version: 1 })
    expect((await refusals()).at(-1)).toMatchObject({ entityId: viewer.id, after: { attempted: 'user.update', roles: ['sec_admin'] } })
  })

  test('the sec_admin and audit_admin accounts are not found: read, change, reset, disable', async () => {
    for (const target of [secAdmin, auditAdmin]) {
      const v = await version(target.id)
      expect((await admin.get(`/api/users/${target.id}`)).statusCode).toBe(404)
      expect((await admin.patch(`/api/users/${target.id}`, { displayName: '改', version: v })).json().error.code).toBe('NOT_FOUND')
      expect((await admin.patch(`/api/users/${target.id}`, { status: 'disabled', version: v })).json().error.code).toBe('NOT_FOUND')
      expect((await admin.post(`/api/users/${target.id}/reset-password`, { password: 'Taken#Over2026', version: v })).json().error.code).toBe('NOT_FOUND')
      expect(await version(target.id)).toBe(v)
    }
    expect((await t.anon.post('/api/auth/login', { username: secAdmin.username, password: secAdmin.password })).statusCode).toBe(200)
  })

  test('the list and the export show only the accounts sys_admin may manage', async () => {
    const names = (await admin.get('/api/users?pageSize=100')).json().items.map((u: { username: string }) => u.username)
    expect(names).toEqual(expect.arrayContaining([sysAdmin.username, otherSysAdmin.username]))
    expect(names).not.toContain(secAdmin.username)
    expect(names).not.toContain(auditAdmin.username)
    expect((await admin.get('/api/users?role=sec_admin')).json().total).toBe(0)
    const res = await admin.get('/api/users/export')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((res as unknown as { rawPayload: Buffer }).rawPayload as never)
    const exported = book.worksheets[0]!.getColumn(1).values.slice(2)
    expect(exported).toContain(sysAdmin.username)
    expect(exported).not.toContain(secAdmin.username)
    expect(exported).not.toContain(auditAdmin.username)
  })

  test('a fellow sys_admin account stays the sys_admin’s to manage', async () => {
    const res = await admin.post(`/api/users/${otherSysAdmin.id}/reset-password`, { password: 'Fresh#Start2026', version: await version(otherSysAdmin.id) })
    expect(res.statusCode).toBe(200)
  })
})

describe('sec_admin cannot unlock the other administrators', () => {
  test('a locked sys_admin account is not found for sec_admin; a locked fellow sec_admin is unlocked', async () => {
    for (let i = 0; i < 5; i++) {
      await t.anon.post('/api/auth/login', { username: otherSysAdmin.username, password: 'Wrong#Pass1' })
      await t.anon.post('/api/auth/login', { username: otherSecAdmin.username, password: 'Wrong#Pass1' })
    }
    const names = (await security.get('/api/users?pageSize=100')).json().items.map((u: { username: string }) => u.username)
    expect(names).toContain(otherSecAdmin.username)
    expect(names).not.toContain(otherSysAdmin.username)
    expect(names).not.toContain(auditAdmin.username)
    const refused = await security.post(`/api/users/${otherSysAdmin.id}/unlock`, { version: await version(otherSysAdmin.id) })
    expect(refused.json().error.code).toBe('NOT_FOUND')
    const unlocked = await security.post(`/api/users/${otherSecAdmin.id}/unlock`, { version: await version(otherSecAdmin.id) })
    expect(unlocked.json()).toMatchObject({ username: otherSecAdmin.username, lockedUntil: null })
  })
})
