import { describe, expect, test } from 'vitest'
import { nationalRules } from '../../../domain/rule-set.ts'
import { scoreIndicator } from '../../../domain/scoring.ts'
import { createTestContext } from '../../test/context.ts'
import { effectiveRules } from './rule-sets.service.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '规则市' })
const north = await t.make.jurisdiction({ parent: city, name: '北区' })
const south = await t.make.jurisdiction({ parent: city, name: '南区' })
const dept = await t.make.department({ jurisdiction: north, name: '北区教育局' })

const cityAdmin = await t.make.user({ role: 'finance_admin', org: city })
const northAdmin = await t.make.user({ role: 'finance_admin', org: north })
const deptUser = await t.make.user({ role: 'dept_user', org: dept })
const southAdmin = await t.make.user({ role: 'finance_admin', org: south })

async function save(user: { username: string; password: string }, code: string, year: number, overrides: object, version?: number) {
  const c = await t.as(user)
  const current = version ?? (await c.get(`/api/rule-sets/${code}/${year}`)).json().version
  return c.put(`/api/rule-sets/${code}/${year}`, { version: current, overrides, note: '测试调整' })
}

describe('inheritance', () => {
  test('with nothing stored, every jurisdiction has the national rules, each value sourced 全国默认', async () => {
    const res = (await (await t.as(deptUser)).get(`/api/rule-sets/${north.code}/2026`)).json()
    expect(res.effective.rules).toEqual(nationalRules)
    expect(res.version).toBe(0)
    expect(new Set(Object.values(res.effective.sourceOf))).toEqual(new Set(['全国默认']))
  })

  test('a city override reaches its districts; a district override changes only that district', async () => {
    expect((await save(cityAdmin, city.code, 2026, { monitoringCutoffMonths: [6, 9], gradeBands: { excellent: 85 } })).statusCode).toBe(200)
    expect((await save(northAdmin, north.code, 2026, { reverseFormula: 'target_over_actual', gradeBands: { good: 75 } })).statusCode).toBe(200)

    const rulesOf = async (code: string) => (await (await t.as(cityAdmin)).get(`/api/rule-sets/${code}/2026`)).json()
    const [c, n, s] = await Promise.all([rulesOf(city.code), rulesOf(north.code), rulesOf(south.code)])
    expect(c.effective.rules).toMatchObject({ monitoringCutoffMonths: [6, 9], gradeBands: { excellent: 85, good: 80, pass: 60 }, reverseFormula: 'linear_to_double' })
    expect(s.effective.rules).toEqual(c.effective.rules)
    expect(n.effective.rules).toMatchObject({ monitoringCutoffMonths: [6, 9], gradeBands: { excellent: 85, good: 75, pass: 60 }, reverseFormula: 'target_over_actual' })
    expect(n.effective.sourceOf).toMatchObject({
      'gradeBands.excellent': '规则市 2026年 第1版',
      'gradeBands.good': '北区 2026年 第1版',
      'gradeBands.pass': '全国默认',
      reverseFormula: '北区 2026年 第1版',
    })
    expect(n.inherited.rules).toEqual(c.effective.rules)
    expect(n.own).toMatchObject({ revision: 1, overrides: { reverseFormula: 'target_over_actual', gradeBands: { good: 75 } } })

    // The same missed reverse indicator scores differently in the two districts, as their rules say.
    const input = { nature: '<=' as const, target: '90', actual: '99', weight: '8' }
    expect(scoreIndicator(input, s.effective.rules).value.score).toBe('7.20')
    expect(scoreIndicator(input, n.effective.rules).value.score).toBe('7.27')
  })

  test('a year without rules of its own carries the latest earlier year forward', async () => {
    await save(cityAdmin, city.code, 2024, { overAchievementRatio: 1.5 })
    const rules = await effectiveRules(t.db, south.code, 2025)
    expect(rules.rules.overAchievementRatio).toBe(1.5)
    expect(rules.sourceOf.overAchievementRatio).toBe('规则市 2024年 第1版')
  })
})

describe('versions', () => {
  test('each save is a new revision; results computed under an old one can be reproduced by date', async () => {
    const first = await save(cityAdmin, city.code, 2027, { executionReasonBelow: 0.8 })
    expect(first.json().version).toBe(1)
    const between = new Date(t.clock.now().getTime() + 1000)
    t.clock.advanceMinutes(1)
    const second = await save(cityAdmin, city.code, 2027, { executionReasonBelow: 0.95 })
    expect(second.json().version).toBe(2)

    expect((await effectiveRules(t.db, city.code, 2027)).rules.executionReasonBelow).toBe(0.95)
    expect((await effectiveRules(t.db, city.code, 2027, between)).rules.executionReasonBelow).toBe(0.8)
    const asOf = (await (await t.as(deptUser)).get(`/api/rule-sets/${city.code}/2027?asOf=${encodeURIComponent(between.toISOString())}`)).json()
    expect(asOf.effective.rules.executionReasonBelow).toBe(0.8)

    const revisions = (await (await t.as(deptUser)).get(`/api/rule-sets/${city.code}/2027/revisions`)).json().items
    expect(revisions.map((r: { revision: number; isCurrent: boolean }) => [r.revision, r.isCurrent])).toEqual([[2, true], [1, false]])
    const audit = await t.db.selectFrom('auditLog').select(['action', 'after']).where('entityId', '=', `${city.code}/2027`).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['ruleset.update', 'ruleset.update'])
  })

  test('a stale version is refused with 409, and nothing is written', async () => {
    const res = await save(cityAdmin, city.code, 2027, { executionReasonBelow: 0.7 }, 1)
    expect(res.statusCode).toBe(409)
    expect((await effectiveRules(t.db, city.code, 2027)).rules.executionReasonBelow).toBe(0.95)
  })

  test('two saves at once on the same version: one wins, the other gets 409', async () => {
    const c = await t.as(cityAdmin)
    const results = await Promise.all(
      [0.6, 0.65].map((v) => c.put(`/api/rule-sets/${city.code}/2028`, { version: 0, overrides: { executionReasonBelow: v }, note: '并发测试' })),
    )
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })
})

describe('validation and authority', () => {
  test('rules that do not hold together are refused with the offending path', async () => {
    const res = await save(cityAdmin, city.code, 2029, { gradeBands: { excellent: 70 } })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('RULE_VIOLATION')
    expect(res.json().error.details[0].path).toMatch(/^gradeBands/)
    const unknown = await save(cityAdmin, city.code, 2029, { gradeBand: { excellent: 95 } })
    expect(unknown.statusCode).toBe(422)
    const wrongType = await save(cityAdmin, city.code, 2029, { monitoringCutoffMonths: 'june' })
    expect(wrongType.statusCode).toBe(422)
    expect(await t.db.selectFrom('ruleSet').select('id').where('fiscalYear', '=', 2029).execute()).toEqual([])
  })

  test('a district bureau reads the city’s rules but may not change them; a sibling district is out of scope', async () => {
    const northClient = await t.as(northAdmin)
    expect((await northClient.get(`/api/rule-sets/${city.code}/2026`)).statusCode).toBe(200)
    expect((await save(northAdmin, city.code, 2026, { overAchievementRatio: 1.4 })).statusCode).toBe(403)
    expect((await (await t.as(southAdmin)).get(`/api/rule-sets/${north.code}/2026`)).statusCode).toBe(404)
    expect((await save(cityAdmin, north.code, 2030, { overAchievementRatio: 1.4 })).statusCode).toBe(200)
  })
})
