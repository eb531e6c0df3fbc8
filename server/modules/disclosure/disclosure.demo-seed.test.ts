import { expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeSelfForm } from '../../test/factories.self-evaluation.ts'
import { seedDemoDisclosure } from './disclosure.demo-seed.ts'
import { liveCopies } from './public-records.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '演示市' })
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const health = await t.make.department({ jurisdiction: city, name: '卫健委' })
const school = await t.make.unit({ department: edu })
const hospital = await t.make.unit({ department: health })
for (const [unit, codes] of [[school, ['E1', 'E2', 'E3']], [hospital, ['H1', 'H2']]] as const) {
  for (const code of codes) await t.make.goal({ project: await t.make.project({ unit, code, status: 'budgeted' }), status: 'approved' })
}
await makeSelfForm(t, { unit: school, status: 'accepted' })
await makeSelfForm(t, { unit: school, status: 'accepted' })
const finance = await t.make.user({ role: 'finance_admin', org: city })
const ctx = { actor: null, requestId: 'seed', clientIp: '127.0.0.1', now: t.clock.now(), lang: 'zh' as const }

test('the demo disclosure: departments’ goals published, one withheld, one withdrawn; self-evaluations published, one withheld; once', async () => {
  const options = { jurisdictionCode: city.code, financeUser: finance.username, selfYear: 2026 }
  expect(await seedDemoDisclosure(t.db, ctx, options)).toEqual({ disclosures: 7 })
  const live = await liveCopies(t.db).select(['kind', 'recordKey']).orderBy('kind').orderBy('recordKey').execute()
  // 教育局 (most goals): E3 withheld, E1 and E2 published; 卫健委: H1 withdrawn after publishing, H2 live.
  expect(live.filter((c) => c.kind === 'goal').map((c) => c.recordKey)).toEqual(['E1', 'E2', 'H2'])
  expect(live.filter((c) => c.kind === 'self_evaluation')).toHaveLength(1)
  const states = await t.db.selectFrom('disclosureDecision').select(['kind', 'state', 'reasonCode']).orderBy('kind').orderBy('state').execute()
  expect(states.filter((s) => s.state === 'not_to_publish').map((s) => s.reasonCode).sort()).toEqual(['其他', '涉密'])
  expect(states.filter((s) => s.state === 'withdrawn')).toHaveLength(1)
  expect(await seedDemoDisclosure(t.db, ctx, options)).toEqual({ disclosures: 0 })
})
