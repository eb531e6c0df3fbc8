import { expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { seedDemoAssessments } from './assessments.demo-seed.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '演示市' })
const district = await t.make.jurisdiction({ parent: city, name: '演示区' })
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const health = await t.make.department({ jurisdiction: city, name: '卫健委' })
const water = await t.make.department({ jurisdiction: city, name: '水务局' })
const school = await t.make.unit({ department: edu })
const project = await t.make.project({ unit: school, status: 'budgeted', code: 'KH-DEMO-1', fiscalYear: 2025 })
await t.make.goal({ project, status: 'approved', financeGrade: '良' })
const finance = await t.make.user({ role: 'finance_admin', org: city })
await t.make.user({ role: 'dept_user', org: edu })
const ctx = { actor: null, requestId: 'seed', clientIp: '127.0.0.1', now: t.clock.now(), lang: 'zh' as const }

test('the demo 考核: departments and districts opened, self-assessed, reviewed and published by the real use cases, once', async () => {
  const options = { jurisdictionCode: city.code, fiscalYear: 2025, financeUser: finance.username }
  expect(await seedDemoAssessments(t.db, ctx, options)).toEqual({ assessments: 4 })
  const fin = await t.as(finance)
  const { items } = (await fin.get('/api/assessments?fiscalYear=2025&pageSize=50')).json()
  expect(items.map((a: { status: string }) => a.status)).toEqual(['published', 'published', 'published', 'published'])
  const departments = items.filter((a: { orgKind: string }) => a.orgKind === 'department')
  expect(departments.map((a: { orgCode: string }) => a.orgCode).sort()).toEqual([edu.code, health.code, water.code].sort())
  expect(departments.map((a: { rank: number }) => a.rank)[0]).toBe(1)
  expect(items.find((a: { orgCode: string }) => a.orgCode === district.code).rank).toBe(1)
  for (const a of items) expect(a.consequence).toMatch(/^(interview|none)$/)

  // The computed scores are the system's, from the records: the school's goal is approved and reviewed 良.
  const eduRow = items.find((a: { orgCode: string }) => a.orgCode === edu.code)
  const detail = (await fin.get(`/api/assessments/${eduRow.id}`)).json()
  expect(detail.items.find((i: { code: string }) => i.code === 'A1')).toMatchObject({ computed: true, figure: { numerator: 1, denominator: 1 }, score: '15.00' })
  expect(detail.items.find((i: { code: string }) => i.code === 'E1').selfNote).not.toBe('')
  expect(detail.totalExplanation.formula).toContain('→')
  // The department with a demo account self-assessed as that user; the others as their org.
  const audit = await t.db.selectFrom('auditLog').select(['actorUsername', 'entityId']).where('action', '=', 'results.assessment_submit').execute()
  expect(audit).toHaveLength(4)
  expect(audit.find((a) => a.entityId === eduRow.id)?.actorUsername).not.toMatch(/^demo:/)

  expect(await seedDemoAssessments(t.db, ctx, options)).toEqual({ assessments: 0 })
})
