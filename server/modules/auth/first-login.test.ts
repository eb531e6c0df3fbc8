import { describe, expect, test } from 'vitest'
import { addUserFromCli, manageUserFromCli } from '../../cli-admin.ts'
import { systemContext } from '../../system-context.ts'
import { createTestContext } from '../../test/context.ts'

// 等保: an account opened or reset by an administrator (web or command line) must replace the password it was
// handed before doing anything else.
const t = await createTestContext()
const root = await t.make.jurisdiction()
const unit = await t.make.unit({ department: await t.make.department({ jurisdiction: root }) })
const admin = await t.as(await t.make.user({ role: 'sys_admin', org: root }))
const HANDED_OVER = 'Handed#Over2026'

let serial = 0
async function openedByAdmin() {
  const username = `fresh${++serial}`
  const res = await admin.post('/api/users', { username, displayName: '新同事', password: HANDED_OVER, orgCode: unit.code, roles: ['unit_user'] })
  expect(res.statusCode).toBe(201)
  return { id: res.json().id as string, username, session: t.client(await t.login(username, HANDED_OVER)) }
}

describe('an account opened by sys_admin', () => {
  test('signs in, and /me says the password must be changed', async () => {
    const { session } = await openedByAdmin()
    expect((await session.get('/api/auth/me')).json().user).toMatchObject({ mustChangePassword: true })
  })

  test.each([
    ['GET', '/api/projects'],
    ['GET', '/api/org/tree'],
    ['GET', '/api/indicators'],
    ['GET', '/api/goals'],
    ['GET', '/api/users'],
  ])('%s %s is 403 PASSWORD_CHANGE_REQUIRED until the password is changed', async (_, url) => {
    const { session } = await openedByAdmin()
    const res = await session.get(url)
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringContaining('请先修改密码') })
  })

  test('the handed-over password cannot be kept; a new one opens everything and the flag is gone', async () => {
    const { username, session } = await openedByAdmin()
    const same = await session.post('/api/auth/password', { currentPassword: HANDED_OVER, newPassword: HANDED_OVER })
    expect(same.statusCode).toBe(422)
    expect(same.json().error).toMatchObject({ code: 'PASSWORD_POLICY', details: [{ path: 'body.newPassword' }] })
    expect((await session.post('/api/auth/password', { currentPassword: HANDED_OVER, newPassword: 'Mine#Own2026' })).statusCode).toBe(204)
    expect((await session.get('/api/org/tree')).statusCode).toBe(200)
    expect((await session.get('/api/auth/me')).json().user.mustChangePassword).toBe(false)
    const again = t.client(await t.login(username, 'Mine#Own2026'))
    expect((await again.get('/api/org/tree')).statusCode).toBe(200)
  })

  test('may still sign out', async () => {
    const { session } = await openedByAdmin()
    expect((await session.post('/api/auth/logout')).statusCode).toBe(204)
  })

  test('after an admin reset the flag is set again', async () => {
    const { id, username, session } = await openedByAdmin()
    await session.post('/api/auth/password', { currentPassword: HANDED_OVER, newPassword: 'Mine#Own2026' })
    const version = (await admin.get(`/api/users/${id}`)).json().version
    expect((await admin.post(`/api/users/${id}/reset-password`, { password: 'Reset#Again2026', version })).json().mustChangePassword).toBe(true)
    const after = t.client(await t.login(username, 'Reset#Again2026'))
    expect((await after.get('/api/org/tree')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED')
  })
})

test('accounts not opened by an administrator (demo seed, existing ones) are not forced', async () => {
  const user = await t.make.user({ role: 'unit_user', org: unit })
  const session = await t.as(user)
  expect((await session.get('/api/auth/me')).json().user.mustChangePassword).toBe(false)
  expect((await session.get('/api/org/tree')).statusCode).toBe(200)
})

describe('changing the password is limited and audited like sign-in', () => {
  test('a wrong current password is audited; five lock this address out (429 RATE_LIMITED), also audited', async () => {
    const user = await t.make.user({ role: 'unit_user', org: unit })
    const session = t.client(await t.login(user.username, user.password))
    for (let i = 1; i <= 5; i++) {
      const res = await session.post('/api/auth/password', { currentPassword: 'Guess#Pass1', newPassword: 'Mine#Own2026' })
      expect(res.json().error.code, `try ${i}`).toBe('VALIDATION_FAILED')
    }
    const refused = await session.post('/api/auth/password', { currentPassword: user.password, newPassword: 'Mine#Own2026' })
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.code).toBe('RATE_LIMITED')
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorUsername', 'after']).where('entityId', '=', user.id).where('action', 'like', 'auth.%').orderBy('seq').execute()
    expect(audit.map((row) => row.action)).toEqual(['auth.login', ...Array(4).fill('auth.password_change_failed'), 'auth.locked', 'auth.password_change_failed'])
    expect(audit[1]).toMatchObject({ actorUsername: user.username, after: { reason: 'wrong_password', failures: 1 } })
    expect(audit.at(-1)).toMatchObject({ after: { reason: 'source_locked' } })
    expect((await t.anon.post('/api/auth/login', { username: user.username, password: 'Mine#Own2026' })).statusCode).toBe(401)
  })

  test('the endpoint is rate limited per address like login', async () => {
    const limited = await createTestContext({ loginRateLimit: 3 })
    const unitHere = await limited.make.unit()
    const user = await limited.make.user({ role: 'unit_user', org: unitHere })
    const session = limited.client(await limited.login(user.username, user.password))
    const codes: number[] = []
    for (let i = 0; i < 4; i++) codes.push((await session.post('/api/auth/password', { currentPassword: 'x', newPassword: 'y' })).statusCode)
    expect(codes).toEqual([400, 400, 400, 429])
  })
})

describe('the command line', () => {
  const cli = () => systemContext(t.clock, 'cli')
  const row = (username: string) => t.db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirstOrThrow()

  test('an account added with `jixiao user add` must change its password; the 三员 roles never combine', async () => {
    expect(await addUserFromCli(t.db, cli(), { username: 'cli_secadmin', password: HANDED_OVER, role: ['sec_admin'], org: root.code })).toBe(0)
    expect((await row('cli_secadmin')).mustChangePassword).toBe(true)
    expect(await addUserFromCli(t.db, cli(), { username: 'cli_both', password: HANDED_OVER, role: ['sys_admin', 'audit_admin'], org: root.code })).toBe(2)
  })

  test('reset-password, unlock, disable and enable manage any account, audited', async () => {
    const target = await t.make.user({ role: 'audit_admin', org: root })
    for (let i = 0; i < 5; i++) await t.anon.post('/api/auth/login', { username: target.username, password: 'Wrong#Pass1' })
    expect(await manageUserFromCli(t.db, cli(), target.username, { action: 'unlock' })).toBe(0)
    expect((await t.anon.post('/api/auth/login', { username: target.username, password: target.password })).statusCode).toBe(200)
    expect(await manageUserFromCli(t.db, cli(), target.username, { action: 'reset-password', password: 'weak' })).toBe(2)
    expect(await manageUserFromCli(t.db, cli(), target.username, { action: 'reset-password', password: 'Cli#Reset2026' })).toBe(0)
    expect(await row(target.username)).toMatchObject({ mustChangePassword: true })
    expect(await manageUserFromCli(t.db, cli(), target.username, { action: 'disable' })).toBe(0)
    expect((await t.anon.post('/api/auth/login', { username: target.username, password: 'Cli#Reset2026' })).json().error.code).toBe('ACCOUNT_DISABLED')
    expect(await manageUserFromCli(t.db, cli(), target.username, { action: 'enable' })).toBe(0)
    expect((await t.anon.post('/api/auth/login', { username: target.username, password: 'Cli#Reset2026' })).statusCode).toBe(200)
    expect(await manageUserFromCli(t.db, cli(), 'nobody_such', { action: 'unlock' })).toBe(2)
    const actions = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', target.id).where('action', 'like', 'user.%').orderBy('seq').execute()
    expect(actions.map((a) => a.action)).toEqual(['user.unlock', 'user.reset_password', 'user.update', 'user.update'])
  })
})
