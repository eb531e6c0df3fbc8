import { beforeEach, describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { agencyFactories } from '../../test/factories.agencies.ts'

const t = await createTestContext()
const f = agencyFactories(t)
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district })
const school = await t.make.unit({ department: edu })
const otherSchool = await t.make.unit({ department: edu })
const health = await t.make.department({ jurisdiction: district })
const hospital = await t.make.unit({ department: health })
const elsewhere = await t.make.jurisdiction()

const admin = await t.make.user({ role: 'finance_admin', org: district })
const stranger = await t.make.user({ role: 'finance_admin', org: elsewhere })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const expertUser = await t.make.user({ role: 'expert', org: district })
const otherExpertUser = await t.make.user({ role: 'expert', org: district })

// The pool: avoided ones (same unit, same department, declared relation, inactive) and eight clean ones.
const sameUnit = await f.expert({ jurisdiction: district, name: '同单位专家', affiliationCode: school.code })
const sameDept = await f.expert({ jurisdiction: district, name: '同部门专家', affiliationCode: otherSchool.code })
const related = await f.expert({ jurisdiction: city, name: '关联专家' })
await t.db.insertInto('expertRelation').values({ expertId: related.id, orgCode: school.code, relation: '曾任该校校长', createdAt: t.clock.now() }).execute()
const inactive = await f.expert({ jurisdiction: district, name: '停用专家', active: false })
const clean = [
  await f.expert({ jurisdiction: district, name: '专家甲', affiliationCode: hospital.code, userId: expertUser.id }),
  await f.expert({ jurisdiction: district, name: '专家乙', userId: otherExpertUser.id }),
  ...(await Promise.all(Array.from({ length: 6 }, (_, i) => f.expert({ jurisdiction: i % 2 ? city : district, name: `专家${i}`, fields: ['财务管理', '教育'] })))),
]
const avoided = new Map([
  [sameUnit.id, ['same_unit', 'same_department']],
  [sameDept.id, ['same_department']],
  [related.id, ['declared_relation']],
  [inactive.id, ['inactive']],
])
const farExpert = await f.expert({ jurisdiction: elsewhere, name: '外地专家' })

// Each test starts with nobody engaged: a draw makes its experts "recently engaged" for the other evaluations.
beforeEach(async () => {
  await t.db.deleteFrom('expertScoreSheet').execute()
  await t.db.deleteFrom('expertDraw').execute()
})

describe('the pool', () => {
  test('a bureau adds an expert and declares a relation; lists filter by field; Excel export', async () => {
    const c = await t.as(admin)
    const created = await c.post('/api/experts', { name: '王评审', fields: ['工程造价', '财务管理'], affiliation: '某会计师事务所', title: '高级会计师' })
    expect(created.statusCode, created.body).toBe(201)
    const withRelation = await c.post(`/api/experts/${created.json().id}/relations`, { orgCode: hospital.code, relation: '配偶在该院工作' })
    expect(withRelation.json().relations).toMatchObject([{ orgCode: hospital.code }])
    const list = await c.get('/api/experts?field=工程造价')
    expect(list.json().items.map((e: { name: string }) => e.name)).toEqual(['王评审'])
    expect((await c.get('/api/experts/export')).statusCode).toBe(200)
    expect((await (await t.as(stranger)).get(`/api/experts/${created.json().id}`)).statusCode).toBe(404)
    expect((await (await t.as(admin)).get(`/api/experts/${farExpert.id}`)).statusCode).toBe(404)
    await c.patch(`/api/experts/${created.json().id}`, { version: 1, active: false })
  })
})

describe('the draw', () => {
  test('never returns an avoided expert, records the seed and the candidates with their reasons', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    for (let i = 0; i < 5; i++) {
      const res = await (await t.as(admin)).post('/api/experts/draw', { keyEvaluationId: ke.id, count: 3 })
      expect(res.statusCode, res.body).toBe(201)
      const draw = res.json()
      expect(draw.seed).toMatch(/^[0-9a-f]{12}$/)
      expect(draw.drawnIds).toHaveLength(3)
      for (const id of draw.drawnIds) expect(avoided.has(id)).toBe(false)
      for (const [id, reasons] of avoided) expect(draw.candidates.find((c: { id: string }) => c.id === id)?.reasons).toEqual(reasons)
      expect(draw.candidates.map((c: { id: string }) => c.id)).not.toContain(farExpert.id)
    }
  })

  test('is reproduced from its recorded seed with the same pool', async () => {
    const ke = await f.keyEvaluation({ unit: school })
    const first = (await (await t.as(admin)).post('/api/experts/draw', { keyEvaluationId: ke.id, count: 4 })).json()
    const again = (await (await t.as(admin)).post('/api/experts/draw', { keyEvaluationId: ke.id, count: 4, seed: first.seed })).json()
    expect(again.drawnIds).toEqual(first.drawnIds)
    expect(again.candidates).toEqual(first.candidates)
    const listed = (await (await t.as(admin)).get(`/api/experts/draws?keyEvaluationId=${ke.id}`)).json()
    expect(listed.items).toHaveLength(2)
    expect(listed.items[0].drawn).toHaveLength(4)
  })

  test('a department draws for its own evaluations; experts drawn elsewhere within the cool-down are avoided', async () => {
    const ke1 = await f.keyEvaluation({ unit: school })
    const first = await (await t.as(deptUser)).post('/api/experts/draw', { keyEvaluationId: ke1.id, count: 2, fields: ['教育'] })
    expect(first.statusCode, first.body).toBe(201)
    const ke2 = await f.keyEvaluation({ unit: school })
    const second = (await (await t.as(admin)).post('/api/experts/draw', { keyEvaluationId: ke2.id, count: 1, fields: ['教育'] })).json()
    for (const id of first.json().drawnIds) expect(second.candidates.find((c: { id: string }) => c.id === id).reasons).toEqual(['recently_engaged'])
    const far = await f.keyEvaluation({ unit: school })
    expect((await (await t.as(stranger)).post('/api/experts/draw', { keyEvaluationId: far.id, count: 1 })).statusCode).toBe(404)
  })
})

describe('score sheets', () => {
  test('experts see only draws that picked them, fill their own sheet; finance sees the sheets side by side with the spread flagged', async () => {
    const ke = await f.keyEvaluation({ unit: hospital })
    // Only the two experts with accounts are in the pool for this field.
    await t.db.updateTable('expert').set({ fields: ['医疗'] }).where('id', 'in', [clean[0]!.id, clean[1]!.id]).execute()
    const draw = (await (await t.as(admin)).post('/api/experts/draw', { keyEvaluationId: ke.id, count: 2, fields: ['医疗'] })).json()
    // 专家甲 works at the hospital: avoided, so only 专家乙 is drawn.
    expect(draw.drawnIds).toEqual([clean[1]!.id])
    const ke2 = await f.keyEvaluation({ unit: school })
    const d2 = (await (await t.as(admin)).post('/api/experts/draw', { keyEvaluationId: ke2.id, count: 2, fields: ['医疗'] })).json()
    expect(new Set(d2.drawnIds)).toEqual(new Set([clean[0]!.id]))

    const a = await t.as(expertUser)
    const b = await t.as(otherExpertUser)
    expect((await a.get('/api/experts/draws')).json().items.map((d: { id: string }) => d.id)).toEqual([d2.id])
    expect((await a.get(`/api/experts/draws/${draw.id}`)).statusCode).toBe(404)
    expect((await a.put(`/api/experts/draws/${draw.id}/sheet`, { version: 0, scores: { 决策: '10.00' } })).statusCode).toBe(404)
    const saved = await a.put(`/api/experts/draws/${d2.id}/sheet`, { version: 0, scores: { 决策: '15.00', 过程: '18.50', 产出: '30.00', 效益: '25.00' } })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().sheets).toMatchObject([{ total: '88.50', submittedAt: null, mine: true, version: 1 }])
    expect((await a.put(`/api/experts/draws/${d2.id}/sheet`, { version: 0, scores: {} })).statusCode).toBe(409)
    expect((await a.put(`/api/experts/draws/${d2.id}/sheet`, { version: 1, scores: { 决策: '60', 过程: '50' } })).statusCode).toBe(422)
    expect((await a.put(`/api/experts/draws/${d2.id}/sheet`, { version: 1, scores: { 决策: '15.00', 过程: '18.50', 产出: '30.00', 效益: '25.00' }, submit: true })).json().sheets[0].submittedAt).not.toBeNull()
    expect((await a.put(`/api/experts/draws/${d2.id}/sheet`, { version: 2, scores: {} })).statusCode).toBe(409)
    expect((await b.get(`/api/experts/draws/${d2.id}`)).statusCode).toBe(404)

    // A second expert on the same evaluation (drawn again with more), scoring far apart: the spread is flagged.
    await t.db.updateTable('expertDraw').set({ drawnIds: [clean[0]!.id, clean[1]!.id] }).where('id', '=', d2.id).execute()
    await b.put(`/api/experts/draws/${d2.id}/sheet`, { version: 0, scores: { 决策: '10.00', 过程: '12.00', 产出: '30.00', 效益: '20.00' }, submit: true })
    const side = (await (await t.as(admin)).get(`/api/experts/draws/${d2.id}`)).json()
    expect(side.sheets.map((s: { total: string }) => s.total)).toEqual(['88.50', '72.00'])
    expect(side.spread.total).toEqual({ min: '72.00', max: '88.50', spread: '16.50', flagged: true })
    expect(side.spread.byIndicator.find((i: { code: string }) => i.code === '过程')).toMatchObject({ spread: '6.50', flagged: false })
  })
})
