import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { agencyFactories } from '../../test/factories.agencies.ts'
import { seedDemoAgenciesExperts } from './demo-seed.ts'

/** The agencies and experts demo on a small stand-in for 深圳市 (the full demo region is seeded by the e2e runs). */
const t = await createTestContext()
const ctx = () => ({ actor: null, requestId: 'test', clientIp: 'local', now: t.clock.now(), lang: 'zh' as const })
const shenzhen = await t.make.jurisdiction({ code: '440300', name: '深圳市' })
const edu = await t.make.department({ jurisdiction: shenzhen })
const school = await t.make.unit({ department: edu })
const admin = await t.make.user({ role: 'finance_admin', org: shenzhen, username: 'sz_finance_admin' })
await t.make.user({ role: 'agency_user', org: shenzhen, username: 'agency_demo' })
await t.make.user({ role: 'expert', org: shenzhen, username: 'expert_demo' })

describe('the agencies and experts demo', () => {
  test('without the key evaluation: the register and the pool only', async () => {
    expect(await seedDemoAgenciesExperts(t.db, ctx())).toEqual({ agencies: 6, experts: 9, engagements: 0, expertDraws: 0 })
  })

  test('with the demo 财政重点评价: a clean agency engaged and two experts drawn; the related agency is refused with its reason', async () => {
    const evaluation = await agencyFactories(t).keyEvaluation({ unit: school, name: '2025年深圳市教育均衡发展专项资金财政重点评价', fiscalYear: 2025 })
    expect(await seedDemoAgenciesExperts(t.db, ctx())).toEqual({ agencies: 0, experts: 0, engagements: 1, expertDraws: 1 })
    expect(await seedDemoAgenciesExperts(t.db, ctx())).toEqual({ agencies: 0, experts: 0, engagements: 0, expertDraws: 0 })
    const c = await t.as(admin)
    const engagements = (await c.get(`/api/agencies/engagements?keyEvaluationId=${evaluation.id}`)).json().items
    expect(engagements).toMatchObject([{ agencyName: '深圳市鹏程绩效评价咨询有限公司', fee: '186000.00' }])
    const draws = (await c.get(`/api/experts/draws?keyEvaluationId=${evaluation.id}`)).json().items
    expect(draws).toHaveLength(1)
    const draw = (await c.get(`/api/experts/draws/${draws[0].id}`)).json()
    expect(draw.drawnIds).toHaveLength(2)
    expect(draw.candidates.find((x: { name: string }) => x.name === '郑丽华').reasons).toEqual(['same_department'])
    expect(draw.candidates.find((x: { name: string }) => x.name === '马俊').reasons).toEqual(['inactive'])
    // Drawing again with the recorded seed gives the same experts.
    const again = (await c.post('/api/experts/draw', { keyEvaluationId: evaluation.id, count: 2, seed: draw.seed })).json()
    expect(again.drawnIds).toEqual(draw.drawnIds)

    const agencies = (await c.get('/api/agencies?pageSize=50')).json().items as { id: string; name: string }[]
    const related = agencies.find((a) => a.name === '广东卓信律师事务所')!
    const refused = await c.post(`/api/agencies/${related.id}/engagements`, { keyEvaluationId: evaluation.id, procurementMethod: 'government_procurement', contractNo: 'X-1', fee: '1.00' })
    expect(refused.json().error).toMatchObject({ code: 'AGENCY_CONFLICT', details: { reasons: ['related_to_object'] } })
    const violating = agencies.find((a) => a.name === '深圳市诚衡资产评估有限公司')!
    expect((await c.get(`/api/agencies/${violating.id}/independence?keyEvaluationId=${evaluation.id}`)).json().reasons).toEqual(['major_violation'])
    const bureauOwn = agencies.find((a) => a.name === '深圳市财经研究院')!
    expect((await c.get(`/api/agencies/${bureauOwn.id}/independence?keyEvaluationId=${evaluation.id}`)).json().reasons).toEqual(['related_to_commissioner'])
  })
})
