import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { evaluatedProject, pay } from '../../test/factories.self-evaluation.ts'
import { seedDemoSelfEvaluation } from './self.demo-seed.ts'

const t = await createTestContext()
const ctx = () => ({ actor: null, requestId: 'test', clientIp: 'local', now: t.clock.now(), lang: 'zh' as const })
const city = await t.make.jurisdiction({ name: '演示市' })
const edu = await t.make.department({ jurisdiction: city, name: '教育局' })
const schools = [await t.make.unit({ department: edu, name: '一中' }), await t.make.unit({ department: edu, name: '二中' })]
const finance = await t.make.user({ role: 'finance_admin', org: city })
const tour = await t.make.user({ role: 'unit_user', org: await t.make.unit({ department: edu, name: '导览中学' }) })
for (let i = 0; i < 30; i++) {
  const p = await evaluatedProject(t, schools[i % 2]!)
  await pay(t, p, '980000.00', 12)
}
await evaluatedProject(t, (await t.db.selectFrom('orgNode').selectAll().where('code', '=', tour.orgCode).executeTakeFirstOrThrow()))

describe('the demo self-evaluation round', () => {
  test('opens the year\'s round with forms in every status and every grade; the tour unit\'s forms stay drafts; a rerun adds nothing', async () => {
    const options = { jurisdictionCode: city.code, financeUser: finance.username, fiscalYear: 2026, tourUsers: [tour.username] }
    const result = await seedDemoSelfEvaluation(t.db, ctx(), options)
    expect(result.selfEvaluationRounds).toBe(1)
    const forms = await t.db.selectFrom('selfEvalForm').selectAll().where('jurisdictionCode', '=', city.code).where('kind', '=', 'project').execute()
    expect(forms).toHaveLength(31)
    expect(new Set(forms.map((f) => f.status))).toEqual(new Set(['draft', 'submitted', 'dept_accepted', 'returned', 'accepted']))
    expect(new Set(forms.filter((f) => f.status !== 'draft').map((f) => f.grade))).toEqual(new Set(['优', '良', '中', '差']))
    const tourForm = forms.find((f) => f.unitCode === tour.orgCode)!
    expect(tourForm).toMatchObject({ status: 'draft', total: null })
    expect((await seedDemoSelfEvaluation(t.db, ctx(), options)).selfEvaluationRounds).toBe(0)
    const returned = forms.find((f) => f.status === 'returned')!
    const opinions = await t.db.selectFrom('selfEvalOpinion').select('action').where('formId', '=', returned.id).orderBy('seq').execute()
    expect(opinions.map((o) => o.action)).toEqual(['submit', 'return'])
  })
})
