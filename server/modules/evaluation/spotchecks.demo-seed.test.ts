import { expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { selfEvalForm } from '../../test/factories.spot-checks.ts'
import { seedDemoSpotCheck } from './spotchecks.demo-seed.ts'

test('the demo sample: four drawn with the recorded seed, one flagged, one re-scored within the threshold, two waiting; once only', async () => {
  const t = await createTestContext()
  const city = await t.make.jurisdiction()
  const unit = await t.make.unit({ department: await t.make.department({ jurisdiction: city }) })
  const finance = await t.make.user({ role: 'finance_admin', org: city })
  for (let i = 0; i < 6; i++) await selfEvalForm(t, { unit, name: `演示项目${i}` })
  const ctx = { actor: null, requestId: 'seed', clientIp: '127.0.0.1', now: t.clock.now(), lang: 'zh' as const }
  expect(await seedDemoSpotCheck(t.db, ctx, { financeUser: finance.username })).toEqual({ spotChecks: 1 })
  const items = await t.db.selectFrom('spotCheckItem').select(['status', 'flagged', 'gap', 'unitTotal', 'reviewerTotal']).orderBy('position').execute()
  expect(items.map((i) => [i.status, i.flagged])).toEqual([
    ['reviewed', true],
    ['reviewed', false],
    ['pending', false],
    ['pending', false],
  ])
  expect(items[1]!.gap).toBe('-1.00')
  expect(await seedDemoSpotCheck(t.db, ctx, { financeUser: finance.username })).toEqual({ spotChecks: 0 })
  const api = await t.as(finance)
  const list = (await api.get('/api/evaluation/spot-checks')).json()
  expect(list.items[0]).toMatchObject({ seed: 'demo-2025', items: 4, reviewed: 2, flagged: 1 })
})
