import { expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makeRound } from '../../test/factories.monitoring-actions.ts'
import { makeSelfForm } from '../../test/factories.self-evaluation.ts'
import { seedDemoRectifications } from './rectifications.demo-seed.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: city })
const school = await t.make.unit({ department: edu })
const finance = await t.make.user({ role: 'finance_admin', org: city, username: 'sz_finance_admin' })
const ctx = { actor: null, requestId: 'seed', clientIp: '127.0.0.1', now: t.clock.now(), lang: 'zh' as const }

test('the demo items come from 中/差 self-evaluations and red lights, in every status, some overdue, once', async () => {
  for (const grade of ['中', '差', '中', '优'] as const) {
    const form = await makeSelfForm(t, { unit: school, status: 'accepted' })
    await t.db.updateTable('selfEvalForm').set({ grade }).where('id', '=', form.id).execute()
  }
  const round = await makeRound(t, city)
  for (let n = 0; n < 4; n++) await makeForm(t, { round, unit: school, projectLight: n < 3 ? 'red' : 'green' })

  expect(await seedDemoRectifications(t.db, ctx)).toEqual({ rectifications: 6 })
  const items = await t.db.selectFrom('rectification').select(['id', 'sourceType', 'status', 'dueOn']).execute()
  expect(items.filter((i) => i.sourceType === 'self_evaluation')).toHaveLength(3)
  expect(items.filter((i) => i.sourceType === 'monitoring_form')).toHaveLength(3)
  expect(new Set(items.map((i) => i.status))).toEqual(new Set(['open', 'responded', 'verified', 'closed']))

  const fin = await t.as(finance)
  const overdue = (await fin.get('/api/rectifications?overdue=true')).json()
  expect(overdue.total).toBeGreaterThanOrEqual(2)
  expect(overdue.items.map((i: { escalation: { level: string } }) => i.escalation.level)).toContain('finance')
  const closed = items.find((i) => i.status === 'closed')!
  const detail = (await fin.get(`/api/rectifications/${closed.id}`)).json()
  expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['raise', 'respond', 'verify', 'close'])
  expect(detail.evidence).toHaveLength(1)

  expect(await seedDemoRectifications(t.db, ctx)).toEqual({ rectifications: 0 })
})
