import { beforeAll, describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { seedDemo } from '../org/demo-seed.ts'
import { DEMO_PASSWORD } from '../org/demo-region.data.ts'
import { seedDemoCockpit } from './cockpit.demo-seed.ts'

const t = await createTestContext()
const ctx = () => ({ actor: null, requestId: 'test', clientIp: 'local', now: t.clock.now(), lang: 'zh' as const })

beforeAll(async () => {
  await seedDemo(t.db, ctx())
}, 900_000)

type Row = { name: string; stages: { stage: string; done: number; of: number }[]; assessment: { rank: number | null } | null }
const stage = (row: Row, name: string) => row.stages.find((s) => s.stage === name)!

describe('demo 市区联动', () => {
  test('深圳市 sees 南山区 and 福田区 with goals, monitoring, self-evaluations and their 考核 rank', async () => {
    const admin = await t.as({ username: 'sz_finance_admin', password: DEMO_PASSWORD })
    const year2026 = (await admin.get('/api/cockpit/rollup?fiscalYear=2026')).json()
    expect(year2026.refreshedAt).not.toBeNull()
    const byName = (body: { rows: Row[] }, name: string) => body.rows.find((r) => r.name === name)!
    for (const district of ['南山区', '福田区']) {
      const row = byName(year2026, district)
      expect(stage(row, 'goals').of, district).toBeGreaterThan(0)
      expect(stage(row, 'goals').done, district).toBeGreaterThan(0)
      expect(stage(row, 'monitoring').of, district).toBeGreaterThan(0)
    }
    const year2025 = (await admin.get('/api/cockpit/rollup?fiscalYear=2025')).json()
    for (const district of ['南山区', '福田区']) {
      const row = byName(year2025, district)
      expect(stage(row, 'selfEvaluation').of, district).toBeGreaterThan(0)
      expect(row.assessment?.rank, district).toBeGreaterThan(0)
    }
  })

  test('seeding again adds nothing', async () => {
    expect(await seedDemoCockpit(t.db, ctx())).toMatchObject({ cockpitMonitoringForms: 0, cockpitSelfEvaluationForms: 0 })
  })
})
