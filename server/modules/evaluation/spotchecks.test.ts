import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { selfEvalForm, standardIndicators } from '../../test/factories.spot-checks.ts'
import { drawSample, seededRandom } from '../../../domain/seeded-draw.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const cityDept = await t.make.department({ jurisdiction: city, name: '市教育局' })
const cityUnit = await t.make.unit({ department: cityDept, name: '市实验学校' })
const elsewhere = await t.make.jurisdiction()
const elsewhereUnit = await t.make.unit({ department: await t.make.department({ jurisdiction: elsewhere }) })

const finance = await t.make.user({ role: 'finance_admin', org: district })
const reviewer = await t.make.user({ role: 'finance_reviewer', org: district })
const cityFinance = await t.make.user({ role: 'finance_admin', org: city })
const eduUser = await t.make.user({ role: 'dept_user', org: edu })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })

const submitted = [] as { id: string }[]
for (let i = 0; i < 8; i++) submitted.push(await selfEvalForm(t, { unit: school, name: `学校项目${i + 1}`, status: i % 3 === 0 ? 'accepted' : 'submitted' }))
const draft = await selfEvalForm(t, { unit: school, status: 'draft', name: '未提交项目' })
const otherYear = await selfEvalForm(t, { unit: school, fiscalYear: 2024, name: '上年项目' })
const cityForm = await selfEvalForm(t, { unit: cityUnit, name: '市级项目' })
const foreign = await selfEvalForm(t, { unit: elsewhereUnit, name: '外地项目' })
const base = '/api/evaluation/spot-checks'

describe('the seeded draw', () => {
  test('the same seed and pool give the same sample; another seed another one', () => {
    const pool = Array.from({ length: 50 }, (_, i) => `f${i}`)
    expect(drawSample(pool, 5, 'abc')).toEqual(drawSample(pool, 5, 'abc'))
    expect(drawSample(pool, 5, 'abc')).not.toEqual(drawSample(pool, 5, 'abd'))
    expect(new Set(drawSample(pool, 50, 's')).size).toBe(50)
    expect(drawSample(pool, 80, 's')).toHaveLength(50)
    const r = seededRandom('x')
    expect([r(), r()].every((v) => v >= 0 && v < 1)).toBe(true)
  })
})

describe('drawing a sample', () => {
  test('finance draws submitted forms of its year at random with a recorded seed, plus a pick; replaying the seed gives the same', async () => {
    const api = await t.as(finance)
    const res = await api.post(base, { fiscalYear: 2025, name: '2025年度自评抽查', count: 3, seed: 'demo-seed-1', picks: [submitted[0]!.id] })
    expect(res.statusCode).toBe(201)
    const sample = res.json()
    expect(sample).toMatchObject({ seed: 'demo-seed-1', randomCount: 3, poolSize: 8, items: 4, reviewed: 0, flagged: 0, status: 'open', gapThreshold: '10.00', can: { rescore: true, close: true } })
    expect(sample.sample[0]).toMatchObject({ formId: submitted[0]!.id, pick: 'manual', unitTotal: '99.50', unitGrade: '优', status: 'pending', title: '学校项目1', unitName: '第一中学' })
    const drawn = sample.sample.slice(1).map((i: { formId: string; pick: string }) => i.formId)
    expect(sample.sample.slice(1).every((i: { pick: string }) => i.pick === 'random')).toBe(true)
    const eligible = new Set(submitted.map((f) => f.id))
    for (const id of drawn) expect(eligible.has(id)).toBe(true)
    expect(drawn).not.toContain(draft.id)
    expect(drawn).not.toContain(submitted[0]!.id)

    const again = (await api.post(base, { fiscalYear: 2025, name: '重放', count: 3, seed: 'demo-seed-1', picks: [submitted[0]!.id] })).json()
    expect(again.sample.map((i: { formId: string }) => i.formId)).toEqual(sample.sample.map((i: { formId: string }) => i.formId))
    const stored = await t.db.selectFrom('spotCheck').select(['poolIds', 'seed']).where('id', '=', sample.id).executeTakeFirstOrThrow()
    expect(drawSample(stored.poolIds.filter((id) => id !== submitted[0]!.id), 3, stored.seed)).toEqual(drawn)

    const unseeded = (await api.post(base, { fiscalYear: 2025, name: '不给种子', count: 2 })).json()
    expect(unseeded.seed).toMatch(/^[0-9a-f]{12}$/)
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', sample.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['spot_check.draw'])
  })

  test('picks outside the pool and draws larger than the pool are refused naming the field', async () => {
    const api = await t.as(finance)
    for (const id of [draft.id, otherYear.id, foreign.id, cityForm.id]) {
      const res = await api.post(base, { fiscalYear: 2025, name: '越界指定', count: 0, picks: [id] })
      expect(res.statusCode).toBe(422)
      expect(res.json().error.details[0].path).toBe('picks.0')
    }
    const tooMany = await api.post(base, { fiscalYear: 2025, name: '过多', count: 9 })
    expect(tooMany.statusCode).toBe(422)
    expect(tooMany.json().error.details[0].path).toBe('count')
    expect((await api.post(base, { fiscalYear: 2025, name: '空样本', count: 0 })).json().error.details[0].path).toBe('count')
  })

  test('a city draws over its districts only when it asks; the district does not see the city’s sample; others may not draw', async () => {
    const city1 = await t.as(cityFinance)
    const own = (await city1.post(base, { fiscalYear: 2025, name: '市本级', count: 1, seed: 's1' })).json()
    expect(own.sample.map((i: { formId: string }) => i.formId)).toEqual([cityForm.id])
    const over = await city1.post(base, { fiscalYear: 2025, name: '市对区抽查', count: 9, seed: 's2', includeBelow: true })
    expect(over.statusCode).toBe(201)
    expect(over.json()).toMatchObject({ poolSize: 9, items: 9, includeBelow: true })
    expect((await (await t.as(finance)).get(`${base}/${over.json().id}`)).statusCode).toBe(404)
    expect((await (await t.as(eduUser)).post(base, { fiscalYear: 2025, name: '部门', count: 1 })).statusCode).toBe(403)
    expect((await (await t.as(schoolUser)).get(base)).statusCode).toBe(403)
    const candidates = (await city1.get(`${base}/candidates?fiscalYear=2025&includeBelow=true&pageSize=50`)).json()
    expect(candidates.total).toBe(9)
    expect(candidates.items.map((c: { formId: string }) => c.formId)).toContain(submitted[1]!.id)
  })
})

describe('re-scoring a sampled form', () => {
  test('side by side; out of bound → 422 naming the score; a verified lower actual flags the gap; racing reviewers → 409', async () => {
    const api = await t.as(finance)
    const sample = (await api.post(base, { fiscalYear: 2025, name: '复核', count: 0, picks: [submitted[2]!.id] })).json()
    const item = sample.sample[0]
    const url = `${base}/${sample.id}/items/${item.id}`
    const before = (await api.get(url)).json()
    expect(before.rows).toHaveLength(4)
    expect(before.rows[0]).toMatchObject({ name: '培训人次', weight: '30.00', unitActual: '500', unitScore: '30.00', reviewerScore: '30.00', gap: '0.00' })
    expect(before).toMatchObject({ unitTotal: '99.50', reviewerTotal: '99.50', status: 'pending', execution: { ratePercent: '95.00', score: '9.50' } })

    const outOfBound = await api.put(url, { version: 1, indicators: [{ position: 2, score: '35', reason: '偏高' }] })
    expect(outOfBound.statusCode).toBe(422)
    expect(outOfBound.json().error.details[0].path).toBe('indicators.2.score')
    const noReason = await api.put(url, { version: 1, indicators: [{ position: 1, score: '15' }] })
    expect(noReason.statusCode).toBe(422)
    expect(noReason.json().error.details.map((d: { path: string }) => d.path)).toEqual(['indicators.1.overrideReason'])

    const res = await api.put(url, { version: 1, indicators: [{ position: 0, actual: '300', reason: '核实培训签到表仅 300 人次' }, { position: 2, score: '26', reason: '效果证明材料不足' }], note: '培训人次虚报' })
    expect(res.statusCode).toBe(200)
    const after = res.json()
    expect(after.rows[0]).toMatchObject({ unitScore: '30.00', reviewerActual: '300', reviewerProposed: '18.00', reviewerScore: '18.00', gap: '-12.00' })
    expect(after.rows[2]).toMatchObject({ unitScore: '30.00', reviewerScore: '26.00', gap: '-4.00', reviewerReason: '效果证明材料不足' })
    expect(after).toMatchObject({ unitTotal: '99.50', reviewerTotal: '83.50', reviewerGrade: '良', gap: '-16.00', flagged: true, status: 'reviewed', version: 2, note: '培训人次虚报' })

    const stale = await (await t.as(reviewer)).put(url, { version: 1, indicators: [] })
    expect(stale.statusCode).toBe(409)
    const list = (await api.get(`${base}?fiscalYear=2025`)).json()
    expect(list.items.find((s: { id: string }) => s.id === sample.id)).toMatchObject({ items: 1, reviewed: 1, flagged: 1 })

    const small = await api.put(url, { version: 2, indicators: [{ position: 2, score: '26', reason: '效果证明材料不足' }] })
    expect(small.json()).toMatchObject({ reviewerTotal: '95.50', gap: '-4.00', flagged: false, version: 3 })

    expect((await (await t.as(cityFinance)).put(url, { version: 3, indicators: [] })).json().error.code).toBe('SUPERVISION_ONLY')
    expect((await (await t.as(cityFinance)).get(url)).statusCode).toBe(200)
    expect((await (await t.as(eduUser)).get(url)).statusCode).toBe(403)
    expect((await api.get(`${base}/${sample.id}/items/${crypto.randomUUID()}`)).statusCode).toBe(404)

    const closed = await api.post(`${base}/${sample.id}/close`, { version: 1 })
    expect(closed.statusCode).toBe(200)
    expect(closed.json()).toMatchObject({ status: 'closed', can: { rescore: false } })
    expect((await api.put(url, { version: 3, indicators: [] })).json().error.code).toBe('INVALID_TRANSITION')
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', 'in', [sample.id, item.id]).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['spot_check.draw', 'spot_check.rescore', 'spot_check.rescore', 'spot_check.close'])
  })

  test('a sample closes only when every form is re-scored; the export lists each form', async () => {
    const api = await t.as(finance)
    const sample = (await api.post(base, { fiscalYear: 2025, name: '未完成', count: 2, seed: 'x' })).json()
    const res = await api.post(`${base}/${sample.id}/close`, { version: 1 })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details[0].path).toBe('items')
    const xlsx = await api.get(`${base}/export?fiscalYear=2025`)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const one = await api.get(`${base}/${sample.id}/items/${sample.sample[0].id}/export`)
    expect(one.statusCode).toBe(200)
  })

  test('an under-achieved form the unit scored with a reason keeps the unit’s score beside the reviewer’s', async () => {
    const indicators = standardIndicators(['400', '98', '达成年度指标', '96'])
    indicators[0]!.deviationReason = '下半年停课一个月'
    const form = await selfEvalForm(t, { unit: school, indicators, name: '欠完成项目' })
    const api = await t.as(finance)
    const sample = (await api.post(base, { fiscalYear: 2025, name: '欠完成', count: 0, picks: [form.id] })).json()
    const cmp = (await api.get(`${base}/${sample.id}/items/${sample.sample[0].id}`)).json()
    expect(cmp.rows[0]).toMatchObject({ unitActual: '400', unitScore: '24.00', reviewerScore: '24.00' })
    expect(cmp.unitTotal).toBe('93.50')
  })
})
