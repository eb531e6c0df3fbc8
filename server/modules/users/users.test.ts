import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import type { Role } from '../../../domain/roles.ts'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()

/** A city → district → department → unit, with a sys_admin and a sec_admin signed in at the city. */
async function city() {
  const root = await t.make.jurisdiction()
  const department = await t.make.department({ jurisdiction: await t.make.jurisdiction({ parent: root }) })
  const unit = await t.make.unit({ department })
  const sysAdminUser = await t.make.user({ role: 'sys_admin', org: root })
  const admin = await t.as(sysAdminUser)
  const security = await t.as(await t.make.user({ role: 'sec_admin', org: root }))
  return { root, department, unit, sysAdminUser, admin, security }
}

let serial = 0
const newUser = (orgCode: string, roles: Role[], extra: Record<string, unknown> = {}) => ({
  username: `person${++serial}`,
  displayName: '张三',
  password: 'Good#Pass2026',
  orgCode,
  roles,
  ...extra,
})

const userCount = async () => Number((await t.db.selectFrom('appUser').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const signIn = (username: string, password: string) => t.anon.post('/api/auth/login', { username, password })

describe('opening accounts', () => {
  test('sys_admin opens an account that can sign in; the answer and the audit row hold no password hash', async () => {
    const { unit, admin } = await city()
    const body = newUser(unit.code, ['unit_user'])
    const res = await admin.post('/api/users', body)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ username: body.username, displayName: '张三', orgCode: unit.code, orgKind: 'unit', roles: ['unit_user'], status: 'active', version: 1 })
    expect(res.body).not.toMatch(/argon2|passwordHash|Good#Pass2026/)
    expect((await signIn(body.username, body.password)).statusCode).toBe(200)
    const audit = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.create').where('entityId', '=', res.json().id).execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toMatch(/argon2|passwordHash|Good#Pass2026/)
  })

  test('a password the policy refuses is 422 PASSWORD_POLICY naming the password, and no account is made', async () => {
    const { unit, admin } = await city()
    const before = await userCount()
    const res = await admin.post('/api/users', newUser(unit.code, ['unit_user'], { password: 'short1' }))
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('PASSWORD_POLICY')
    expect(res.json().error.details).toEqual([
      { path: 'password', message: '密码长度至少 8 位' },
      { path: 'password', message: expect.stringContaining('至少 3 类（当前 2 类）') },
    ])
    expect(await userCount()).toBe(before)
  })

  test('a username already taken is 409 DUPLICATE', async () => {
    const { unit, admin } = await city()
    const body = newUser(unit.code, ['unit_user'])
    expect((await admin.post('/api/users', body)).statusCode).toBe(201)
    const again = await admin.post('/api/users', { ...body, displayName: '李四' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE', details: [{ path: 'username', message: `用户名 ${body.username} 已存在` }] })
  })

  test.each([
    ['a unit user at a jurisdiction', 'root', ['unit_user']],
    ['a unit user at a department', 'department', ['unit_user']],
    ['a department user at a unit', 'unit', ['dept_user']],
    ['a finance administrator at a department', 'department', ['finance_admin']],
    ['a finance reviewer that is also a unit user', 'unit', ['unit_user', 'finance_reviewer']],
  ] as const)('%s is 422 INVALID_ORG', async (_, where, roles) => {
    const c = await city()
    const res = await c.admin.post('/api/users', newUser(c[where].code, [...roles]))
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'INVALID_ORG', details: [{ path: 'roles' }] })
  })

  test.each([
    [['sys_admin', 'sec_admin']],
    [['sys_admin', 'audit_admin']],
    [['sec_admin', 'audit_admin']],
  ] as const)('the 三员 roles %j never share one account: on the web they are not even the sys_admin’s to give', async (roles) => {
    const { root, admin } = await city()
    const before = await userCount()
    const res = await admin.post('/api/users', newUser(root.code, [...roles]))
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toMatchObject({ code: 'ADMIN_ACCOUNT_RESERVED', message: expect.stringContaining('三员分立') })
    expect(await userCount()).toBe(before)
  })

  test('an org outside the actor’s scope is 404, a disabled one 422', async () => {
    const mine = await city()
    const theirs = await city()
    expect((await mine.admin.post('/api/users', newUser(theirs.unit.code, ['unit_user']))).statusCode).toBe(404)
    await t.db.updateTable('orgNode').set({ status: 'disabled' }).where('code', '=', mine.unit.code).execute()
    const res = await mine.admin.post('/api/users', newUser(mine.unit.code, ['unit_user']))
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('INVALID_ORG')
  })
})

describe('changing accounts', () => {
  test('nobody changes their own roles or status, but they may change their own name', async () => {
    const { root, sysAdminUser, admin } = await city()
    const roles = await admin.patch(`/api/users/${sysAdminUser.id}`, { roles: ['sys_admin', 'finance_admin'], version: 1 })
    expect(roles.statusCode).toBe(403)
    expect(roles.json().error).toMatchObject({ code: 'FORBIDDEN', message: '不能修改本人账号的角色、机构或状态' })
    expect((await admin.patch(`/api/users/${sysAdminUser.id}`, { status: 'disabled', version: 1 })).statusCode).toBe(403)
    expect((await admin.patch(`/api/users/${sysAdminUser.id}`, { orgCode: root.code, version: 1 })).statusCode).toBe(403)
    const renamed = await admin.patch(`/api/users/${sysAdminUser.id}`, { displayName: '王管理', version: 1 })
    expect(renamed.json()).toMatchObject({ displayName: '王管理', roles: ['sys_admin'], status: 'active', version: 2 })
  })

  test('moving an account to an org its roles may not sit at is 422 INVALID_ORG', async () => {
    const { department, unit, admin } = await city()
    const user = await t.make.user({ role: 'unit_user', org: unit })
    const res = await admin.patch(`/api/users/${user.id}`, { orgCode: department.code, version: 1 })
    expect(res.statusCode).toBe(422)
    expect((await admin.get(`/api/users/${user.id}`)).json()).toMatchObject({ orgCode: unit.code, version: 1 })
  })

  test('disabling an account ends its sessions and stops sign-in; enabling lets it back in', async () => {
    const { unit, admin } = await city()
    const user = await t.make.user({ role: 'unit_user', org: unit })
    const session = t.client(await t.login(user.username, user.password))
    expect((await session.get('/api/auth/me')).statusCode).toBe(200)
    expect((await admin.patch(`/api/users/${user.id}`, { status: 'disabled', version: 1 })).json().status).toBe('disabled')
    expect((await session.get('/api/auth/me')).statusCode).toBe(401)
    expect(await t.db.selectFrom('userSession').select('tokenHash').where('userId', '=', user.id).execute()).toEqual([])
    expect((await signIn(user.username, user.password)).json().error.code).toBe('ACCOUNT_DISABLED')
    expect((await admin.patch(`/api/users/${user.id}`, { status: 'active', version: 2 })).statusCode).toBe(200)
    expect((await signIn(user.username, user.password)).statusCode).toBe(200)
  })

  test('two edits from the same version: one wins, the other is 409 VERSION_CONFLICT, nothing of it is written', async () => {
    const { unit, admin } = await city()
    const user = await t.make.user({ role: 'unit_user', org: unit })
    const [a, b] = await Promise.all([
      admin.patch(`/api/users/${user.id}`, { displayName: '甲', version: 1 }),
      admin.patch(`/api/users/${user.id}`, { displayName: '乙', status: 'disabled', version: 1 }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a]
    expect(loser.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } })
    expect((await admin.get(`/api/users/${user.id}`)).json()).toMatchObject({ displayName: winner.json().displayName, status: winner.json().status, version: 2 })
    const audit = await t.db.selectFrom('auditLog').select('seq').where('action', '=', 'user.update').where('entityId', '=', user.id).execute()
    expect(audit).toHaveLength(1)
  })
})

describe('passwords and lockouts', () => {
  test('sys_admin resets a password: the policy applies, the old password and open sessions stop working', async () => {
    const { unit, admin } = await city()
    const user = await t.make.user({ role: 'unit_user', org: unit })
    const session = t.client(await t.login(user.username, user.password))
    const weak = await admin.post(`/api/users/${user.id}/reset-password`, { password: 'weakweak', version: 1 })
    expect(weak.json().error.code).toBe('PASSWORD_POLICY')
    const res = await admin.post(`/api/users/${user.id}/reset-password`, { password: 'Brand#New2026', version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json().version).toBe(2)
    expect((await session.get('/api/auth/me')).statusCode).toBe(401)
    expect((await signIn(user.username, user.password)).statusCode).toBe(401)
    expect((await signIn(user.username, 'Brand#New2026')).statusCode).toBe(200)
  })

  test('sec_admin unlocks a locked account; sys_admin may not', async () => {
    const { unit, admin, security } = await city()
    const user = await t.make.user({ role: 'unit_user', org: unit })
    for (let i = 0; i < 5; i++) await signIn(user.username, 'Wrong#Pass1')
    const locked = (await security.get(`/api/users/${user.id}`)).json()
    expect(locked.lockedUntil).not.toBeNull()
    expect((await admin.post(`/api/users/${user.id}/unlock`, { version: locked.version })).statusCode).toBe(403)
    const res = await security.post(`/api/users/${user.id}/unlock`, { version: locked.version })
    expect(res.json()).toMatchObject({ lockedUntil: null, version: locked.version + 1 })
    expect((await signIn(user.username, user.password)).statusCode).toBe(200)
  })
})

describe('listing accounts', () => {
  test('filters by text, org, role and status; sorts; pages with a true total', async () => {
    const { department, unit, security } = await city()
    for (const name of ['alpha', 'bravo', 'charlie']) await t.make.user({ role: 'unit_user', org: unit, username: `${unit.code}_${name}` })
    await t.make.user({ role: 'dept_user', org: department, username: `${unit.code}_delta`, status: 'disabled' })
    const names = async (query: string) => (await security.get(`/api/users?q=${unit.code}_&${query}`)).json().items.map((u: { username: string }) => u.username)
    expect(await names('role=unit_user&sort=username&order=desc')).toEqual(['charlie', 'bravo', 'alpha'].map((n) => `${unit.code}_${n}`))
    expect(await names('status=disabled')).toEqual([`${unit.code}_delta`])
    expect(await names(`orgCode=${department.code}`)).toEqual([`${unit.code}_delta`])
    const page = (await security.get(`/api/users?q=${unit.code}_&pageSize=3&page=2`)).json()
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3, items: [{ username: `${unit.code}_delta` }] })
  })

  test('export is an xlsx with Chinese headers and role names', async () => {
    const { unit, security } = await city()
    const user = await t.make.user({ role: 'unit_user', org: unit })
    const res = await security.get(`/api/users/export?q=${user.username}`)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((res as unknown as { rawPayload: Buffer }).rawPayload as never)
    const sheet = book.worksheets[0]!
    expect(sheet.getRow(1).values).toEqual([undefined, '用户名', '姓名', '机构编码', '机构名称', '角色', '状态', '最近登录'])
    expect(sheet.getRow(2).values).toEqual([undefined, user.username, user.displayName, unit.code, unit.name, '预算单位用户', '启用'])
  })
})
