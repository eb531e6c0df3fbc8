import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()

async function unitUser() {
  const unit = await t.make.unit()
  return t.make.user({ role: 'unit_user', org: unit })
}

describe('login', () => {
  test('a right password signs in and /me tells who, where and what they may do', async () => {
    const user = await unitUser()
    const res = await t.anon.post('/api/auth/login', { username: user.username, password: user.password })
    expect(res.statusCode).toBe(200)
    expect(String(res.headers['set-cookie'])).toMatch(/jixiao_sid=.+HttpOnly/i)
    const me = await (await t.as(user)).get('/api/auth/me')
    expect(me.json().user).toMatchObject({ username: user.username, roles: ['unit_user'], org: { code: user.orgCode, kind: 'unit' }, permissions: ['org.read', 'project.read', 'project.edit', 'indicator.read', 'indicator.propose', 'ruleset.read', 'goal.read', 'goal.edit', 'exante.read', 'exante.edit', 'monitoring.read', 'monitoring.fill', 'execution.read', 'evaluation.read', 'evaluation.fill', 'results.read', 'results.respond', 'disclosure.read', 'disclosure.propose'] })
  })

  test('a wrong password is 401 AUTH_FAILED in Chinese, or English when asked', async () => {
    const user = await unitUser()
    const zh = await t.anon.post('/api/auth/login', { username: user.username, password: 'Wrong@Pass1' })
    expect(zh.statusCode).toBe(401)
    expect(zh.json().error).toMatchObject({ code: 'AUTH_FAILED', message: '用户名或密码错误；连续失败多次后将暂停登录一段时间' })
    const en = await t.anon.post('/api/auth/login', { username: user.username, password: 'Wrong@Pass1' }, { 'accept-language': 'en' })
    expect(en.json().error.message).toBe('Wrong username or password; after repeated failures sign-in is paused for a while')
  })

  test('five failures lock this address out for 15 minutes, even against the right password; then it opens', async () => {
    const user = await unitUser()
    for (let i = 1; i <= 5; i++) {
      expect((await t.anon.post('/api/auth/login', { username: user.username, password: 'Wrong@Pass1' })).json().error.code).toBe('AUTH_FAILED')
    }
    const right = await t.anon.post('/api/auth/login', { username: user.username, password: user.password })
    expect(right.statusCode).toBe(401)
    expect(right.json().error.code).toBe('AUTH_FAILED')
    t.clock.advanceMinutes(14)
    expect((await t.anon.post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(401)
    t.clock.advanceMinutes(2)
    expect((await t.anon.post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(200)
  })

  test('a success resets the failure count', async () => {
    const user = await unitUser()
    for (let i = 0; i < 4; i++) await t.anon.post('/api/auth/login', { username: user.username, password: 'Wrong@Pass1' })
    expect((await t.anon.post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(200)
    for (let i = 0; i < 4; i++) {
      expect((await t.anon.post('/api/auth/login', { username: user.username, password: 'Wrong@Pass1' })).statusCode).toBe(401)
    }
    expect((await t.anon.post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(200)
  })

  test('sec_admin unlocks a locked account early', async () => {
    const user = await unitUser()
    const secAdmin = await t.make.user({ role: 'sec_admin', org: await rootOf(user.orgCode) })
    for (let i = 0; i < 5; i++) await t.anon.post('/api/auth/login', { username: user.username, password: 'Wrong@Pass1' })
    const admin = await t.as(secAdmin)
    const listed = (await admin.get(`/api/users/${user.id}`)).json()
    expect(listed.lockedUntil).not.toBeNull()
    const res = await admin.post(`/api/users/${user.id}/unlock`, { version: listed.version })
    expect(res.statusCode).toBe(200)
    expect(res.json().lockedUntil).toBeNull()
    expect((await t.anon.post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(200)
  })

  test('a disabled account cannot sign in', async () => {
    const unit = await t.make.unit()
    const user = await t.make.user({ role: 'unit_user', org: unit, status: 'disabled' })
    const res = await t.anon.post('/api/auth/login', { username: user.username, password: user.password })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED')
  })
})

async function rootOf(orgCode: string) {
  const node = await t.db.selectFrom('orgNode').selectAll().where('code', '=', orgCode).executeTakeFirstOrThrow()
  return t.db.selectFrom('orgNode').selectAll().where('code', '=', node.jurisdictionCode).executeTakeFirstOrThrow()
}

describe('sessions', () => {
  test('a session idle for more than 30 minutes expires; activity keeps it alive', async () => {
    const user = await unitUser()
    const cookie = await t.login(user.username, user.password)
    const c = t.client(cookie)
    t.clock.advanceMinutes(29)
    expect((await c.get('/api/auth/me')).statusCode).toBe(200)
    t.clock.advanceMinutes(29)
    expect((await c.get('/api/auth/me')).statusCode).toBe(200)
    t.clock.advanceMinutes(31)
    const expired = await c.get('/api/auth/me')
    expect(expired.statusCode).toBe(401)
    expect(expired.json().error.code).toBe('SESSION_EXPIRED')
  })

  test('a busy session still ends 12 hours after sign-in (the absolute lifetime is a setting beside the idle one)', async () => {
    const user = await unitUser()
    const c = t.client(await t.login(user.username, user.password))
    for (let elapsed = 25; elapsed <= 700; elapsed += 25) {
      t.clock.advanceMinutes(25)
      expect((await c.get('/api/auth/me')).statusCode, `after ${elapsed} minutes`).toBe(200)
    }
    t.clock.advanceMinutes(25)
    const ended = await c.get('/api/auth/me')
    expect(ended.json().error.code).toBe('SESSION_EXPIRED')
    expect(await t.db.selectFrom('userSession').select('tokenHash').where('userId', '=', user.id).execute()).toEqual([])
  })

  test('without a session every API but login and health is 401 AUTH_REQUIRED', async () => {
    const res = await t.anon.get('/api/auth/me')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('AUTH_REQUIRED')
  })

  test('logout ends the session', async () => {
    const user = await unitUser()
    const c = t.client(await t.login(user.username, user.password))
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204)
    expect((await c.get('/api/auth/me')).statusCode).toBe(401)
  })

  test('the idle limit is a setting', async () => {
    const root = await t.make.jurisdiction()
    const secAdmin = await t.make.user({ role: 'sec_admin', org: root })
    const admin = await t.as(secAdmin)
    const current = (await admin.get('/api/settings/security')).json()
    expect(current).toMatchObject({ passwordMinLength: 8, passwordMinClasses: 3, maxFailedLogins: 5, lockoutMinutes: 15, accountMaxFailedLogins: 50, sessionIdleMinutes: 30, sessionMaxHours: 12 })
    expect((await admin.put('/api/settings/security', { ...current, sessionIdleMinutes: 5 })).statusCode).toBe(200)
    const user = await unitUser()
    const c = t.client(await t.login(user.username, user.password))
    t.clock.advanceMinutes(6)
    expect((await c.get('/api/auth/me')).statusCode).toBe(401)
    t.forget(secAdmin.username)
    const again = await t.as(secAdmin)
    const now = (await again.get('/api/settings/security')).json()
    expect((await again.put('/api/settings/security', { ...now, sessionIdleMinutes: 30 })).statusCode).toBe(200)
  })
})

describe('password policy and change', () => {
  test.each([
    ['Ab1!', '密码长度至少 8 位'],
    ['abcdefgh1', '至少 3 类（当前 2 类）'],
    ['abcdefghij', '当前 1 类'],
  ])('%s is refused with a message that says why', async (password, message) => {
    const user = await unitUser()
    const res = await (await t.as(user)).post('/api/auth/password', { currentPassword: user.password, newPassword: password })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('PASSWORD_POLICY')
    expect(res.json().error.message).toContain(message)
  })

  test('a user changes their own password: the old one stops working, the new one signs in', async () => {
    const user = await unitUser()
    const c = await t.as(user)
    expect((await c.post('/api/auth/password', { currentPassword: user.password, newPassword: 'New#Secret42' })).statusCode).toBe(204)
    expect((await t.anon.post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(401)
    expect((await t.anon.post('/api/auth/login', { username: user.username, password: 'New#Secret42' })).statusCode).toBe(200)
  })

  test('the current password must be right', async () => {
    const user = await unitUser()
    const res = await (await t.as(user)).post('/api/auth/password', { currentPassword: 'Nope@Nope1', newPassword: 'New#Secret42' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '当前密码不正确', details: [{ path: 'body.currentPassword' }] })
  })
})
