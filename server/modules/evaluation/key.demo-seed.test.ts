import { beforeAll, describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { seedDemo } from '../org/demo-seed.ts'
import { seedDemoKeyEvaluation } from './key.demo-seed.ts'

const t = await createTestContext()
const ctx = () => ({ actor: null, requestId: 'test', clientIp: 'local', now: t.clock.now(), lang: 'zh' as const })

beforeAll(async () => {
  await seedDemo(t.db, ctx())
}, 600_000)

describe('demo key evaluation', () => {
  test('one 深圳市 2025 财政重点评价 at the 交换意见 step, scored, with a field log and a survey', async () => {
    const list = await (await t.as({ username: 'sz_finance_admin', password: 'Jixiao@2026' })).get('/api/evaluation/key?fiscalYear=2025')
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().items).toHaveLength(1)
    const item = list.json().items[0]
    expect(item).toMatchObject({ level: 'finance', stage: 'exchange', jurisdictionCode: '440300' })
    expect(item.name).toMatch(/^2025年.*财政重点评价$/)
    const detail = (await (await t.as({ username: 'sz_edu_unit', password: 'Jixiao@2026' })).get(`/api/evaluation/key/${item.id}`)).json()
    expect(detail.result.score).toMatch(/^\d+\.\d\d$/)
    expect(detail.fieldwork).toHaveLength(2)
    expect(detail.survey).toMatchObject({ responses: 40 })
    expect(detail.moves).toEqual(['exchange_opinion'])
    expect(detail.lines.find((l: { level3: string }) => l.level3 === '满意度').value).toBe(detail.survey.rate)
  })

  test('seeding again adds nothing', async () => {
    expect(await t.db.transaction().execute((trx) => seedDemoKeyEvaluation(trx, ctx()))).toBe(0)
  })
})
