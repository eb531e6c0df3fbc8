import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()
const root = await t.make.jurisdiction()
const security = await t.as(await t.make.user({ role: 'sec_admin', org: root }))
const admin = await t.as(await t.make.user({ role: 'sys_admin', org: root }))
const unit = await t.make.unit({ department: await t.make.department({ jurisdiction: root }) })

const defaults = { passwordMinLength: 8, passwordMinClasses: 3, maxFailedLogins: 5, lockoutMinutes: 15, accountMaxFailedLogins: 50, sessionIdleMinutes: 30, sessionMaxHours: 12 }

async function current() {
  const res = await security.get('/api/settings/security')
  expect(res.statusCode).toBe(200)
  return res.json() as typeof defaults & { version: number }
}

async function change(changes: Partial<typeof defaults>) {
  const res = await security.put('/api/settings/security', { ...(await current()), ...changes })
  expect(res.statusCode).toBe(200)
  return res.json()
}

const settingsAudit = () => t.db.selectFrom('auditLog').selectAll().where('action', '=', 'settings.update').orderBy('seq').execute()

describe('security settings', () => {
  test('a fresh installation reads the 等保 defaults at version 0', async () => {
    expect(await current()).toEqual({ ...defaults, version: 0 })
  })

  test('the first save, raced by two administrators from version 0: one 200, one 409 VERSION_CONFLICT', async () => {
    // No row exists to lock before the first save, so race it several times from a fresh installation.
    for (let round = 1; round <= 5; round++) {
      await t.db.deleteFrom('setting').execute()
      const auditBefore = (await settingsAudit()).length
      const [a, b] = await Promise.all([
        security.put('/api/settings/security', { ...defaults, sessionIdleMinutes: 20, version: 0 }),
        security.put('/api/settings/security', { ...defaults, sessionIdleMinutes: 25, version: 0 }),
      ])
      const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a]
      expect([winner.statusCode, loser.statusCode, loser.json().error?.code], `round ${round}`).toEqual([200, 409, 'VERSION_CONFLICT'])
      expect(await current()).toEqual({ ...defaults, sessionIdleMinutes: winner.json().sessionIdleMinutes, version: 1 })
      expect(await settingsAudit()).toHaveLength(auditBefore + 1)
    }
  })

  test('a later save raced from the same version: one 200, one 409, and only the winner is stored and audited', async () => {
    const start = await current()
    const auditBefore = (await settingsAudit()).length
    const [a, b] = await Promise.all([
      security.put('/api/settings/security', { ...start, lockoutMinutes: 20 }),
      security.put('/api/settings/security', { ...start, lockoutMinutes: 40, maxFailedLogins: 9 }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const winner = a.statusCode === 200 ? a : b
    expect(await current()).toEqual({ ...start, ...winner.json(), version: start.version + 1 })
    expect(await settingsAudit()).toHaveLength(auditBefore + 1)
  })

  test('each save is audited with the values before and after', async () => {
    const before = await current()
    await change({ sessionIdleMinutes: 45 })
    const row = (await settingsAudit()).at(-1)!
    const { version: _v, ...values } = before
    expect(row).toMatchObject({ entityType: 'setting', entityId: 'security', before: values, after: { ...values, sessionIdleMinutes: 45 } })
    expect(row.actorUsername).toMatch(/sec_admin/)
  })

  test.each([
    ['passwordMinLength', 7],
    ['passwordMinClasses', 5],
    ['maxFailedLogins', 0],
    ['lockoutMinutes', 24 * 60 + 1],
    ['sessionIdleMinutes', 0],
    ['accountMaxFailedLogins', 4],
    ['sessionMaxHours', 7 * 24 + 1],
  ])('%s = %i is outside its range: 400 naming the field, nothing saved', async (field, value) => {
    const before = await current()
    const res = await security.put('/api/settings/security', { ...before, [field]: value })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details).toEqual([{ path: `body.${field}`, message: expect.any(String) }])
    expect(await current()).toEqual(before)
  })
})

describe('the settings take effect at once', () => {
  test('a longer minimum password length refuses a password that was good enough before', async () => {
    await change({ passwordMinLength: 12 })
    const body = { displayName: '新人', orgCode: unit.code, roles: ['unit_user'] }
    const short = await admin.post('/api/users', { ...body, username: 'eleven_chars', password: 'Abc#1234567' })
    expect(short.statusCode).toBe(422)
    expect(short.json().error.message).toContain('密码长度至少 12 位')
    expect((await admin.post('/api/users', { ...body, username: 'twelve_chars', password: 'Abc#12345678' })).statusCode).toBe(201)
    await change({ passwordMinLength: 8 })
  })

  test('fewer allowed failures and a shorter lockout', async () => {
    await change({ maxFailedLogins: 2, lockoutMinutes: 3 })
    const user = await t.make.user({ role: 'unit_user', org: unit })
    const attempt = (password: string) => t.anon.post('/api/auth/login', { username: user.username, password })
    expect((await attempt('Wrong#Pass1')).statusCode).toBe(401)
    expect((await attempt('Wrong#Pass1')).json().error.code).toBe('AUTH_FAILED')
    t.clock.advanceMinutes(2)
    expect((await attempt(user.password)).statusCode).toBe(401)
    t.clock.advanceMinutes(2)
    expect((await attempt(user.password)).statusCode).toBe(200)
    await change({ maxFailedLogins: 5, lockoutMinutes: 15 })
  })
})
