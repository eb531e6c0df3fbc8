import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()
const unit = await t.make.unit()

/** A sign-in from a given client address (the attacker's or the user's). */
async function loginFrom(ip: string, username: string, password: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } })
  return { status: res.statusCode, body: res.json() as { error?: { code: string; message: string; details?: unknown } } }
}

const answerOf = (r: Awaited<ReturnType<typeof loginFrom>>) => ({ status: r.status, error: r.body.error })
const auditOf = (userId: string) =>
  t.db.selectFrom('auditLog').select(['action', 'after', 'clientIp']).where('entityId', '=', userId).orderBy('seq').execute()

describe('an anonymous caller cannot tell accounts apart', () => {
  test('unknown user, wrong password and locked-out account get the very same answer', async () => {
    const user = await t.make.user({ role: 'unit_user', org: unit })
    const unknown = answerOf(await loginFrom('10.1.0.1', 'nobody_at_all', 'Wrong@Pass1'))
    const wrong = answerOf(await loginFrom('10.1.0.1', user.username, 'Wrong@Pass1'))
    for (let i = 0; i < 5; i++) await loginFrom('10.1.0.1', user.username, 'Wrong@Pass1')
    const lockedWrong = answerOf(await loginFrom('10.1.0.1', user.username, 'Wrong@Pass1'))
    const lockedRight = answerOf(await loginFrom('10.1.0.1', user.username, user.password))
    expect(unknown).toEqual({ status: 401, error: { code: 'AUTH_FAILED', message: '用户名或密码错误；连续失败多次后将暂停登录一段时间' } })
    expect([wrong, lockedWrong, lockedRight]).toEqual([unknown, unknown, unknown])
  })

  test('an unknown username costs a password hash like a known one (no timing oracle)', async () => {
    const user = await t.make.user({ role: 'unit_user', org: unit })
    await loginFrom('10.1.0.2', 'warm_up_decoy', 'Wrong@Pass1')
    const time = async (username: string) => {
      const started = performance.now()
      await loginFrom('10.1.0.2', username, 'Wrong@Pass1')
      return performance.now() - started
    }
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 3; i++) {
      known.push(await time(user.username))
      unknown.push(await time(`ghost_${i}`))
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!
    // argon2id dominates both; without the decoy hash the unknown one would take a fraction of the time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5)
  })
})

describe('an attacker elsewhere cannot lock the user out', () => {
  test('five failures lock only the address they came from; the user signs in from theirs', async () => {
    const user = await t.make.user({ role: 'unit_user', org: unit })
    for (let i = 0; i < 5; i++) await loginFrom('203.0.113.9', user.username, 'Wrong@Pass1')
    expect((await loginFrom('203.0.113.9', user.username, user.password)).status).toBe(401)
    expect((await loginFrom('192.168.1.20', user.username, user.password)).status).toBe(200)
    const locked = (await auditOf(user.id)).find((row) => row.action === 'auth.locked')
    expect(locked).toMatchObject({ clientIp: '203.0.113.9', after: { failures: 5, clientIp: '203.0.113.9' } })
  })

  test('many addresses trip the slower account-wide limit: new addresses pause, the user’s known address still works', async () => {
    const user = await t.make.user({ role: 'unit_user', org: unit })
    expect((await loginFrom('192.168.1.30', user.username, user.password)).status).toBe(200)
    // 50 failures spread over 25 addresses, two each: no address reaches its own limit of five.
    for (let i = 0; i < 50; i++) await loginFrom(`198.51.100.${i % 25}`, user.username, 'Wrong@Pass1')
    expect((await auditOf(user.id)).filter((row) => row.action === 'auth.account_paused')).toHaveLength(1)
    expect((await loginFrom('198.51.100.77', user.username, user.password)).status).toBe(401)
    expect((await loginFrom('192.168.1.30', user.username, user.password)).status).toBe(200)
    t.clock.advanceMinutes(16)
    expect((await loginFrom('198.51.100.77', user.username, user.password)).status).toBe(200)
  })

  test('failures further apart than the lockout duration age out', async () => {
    const user = await t.make.user({ role: 'unit_user', org: unit })
    for (let i = 0; i < 4; i++) await loginFrom('10.2.0.1', user.username, 'Wrong@Pass1')
    t.clock.advanceMinutes(16)
    for (let i = 0; i < 4; i++) await loginFrom('10.2.0.1', user.username, 'Wrong@Pass1')
    expect((await loginFrom('10.2.0.1', user.username, user.password)).status).toBe(200)
  })

  test('sec_admin lifts every address’s lockout and the account-wide pause; the list shows the latest lock', async () => {
    const root = await t.db.selectFrom('orgNode').selectAll().where('code', '=', unit.jurisdictionCode).executeTakeFirstOrThrow()
    const security = await t.as(await t.make.user({ role: 'sec_admin', org: root }))
    const user = await t.make.user({ role: 'unit_user', org: unit })
    for (let i = 0; i < 5; i++) await loginFrom('10.3.0.1', user.username, 'Wrong@Pass1')
    const listed = (await security.get(`/api/users/${user.id}`)).json()
    expect(new Date(listed.lockedUntil).getTime()).toBe(t.clock.now().getTime() + 15 * 60_000)
    const unlocked = await security.post(`/api/users/${user.id}/unlock`, { version: listed.version })
    expect(unlocked.json()).toMatchObject({ lockedUntil: null })
    expect((await loginFrom('10.3.0.1', user.username, user.password)).status).toBe(200)
  })
})
