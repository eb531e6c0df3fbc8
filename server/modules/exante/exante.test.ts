import { describe, expect, test } from 'vitest'
import type { Project } from '../../db/schema.ts'
import { createTestContext } from '../../test/context.ts'
import { allScores, makeAssessment } from '../../test/endpoints.exante.ts'
import { ReadBudget } from '../../platform/read-limits.ts'
import { readZipPart } from '../../platform/zip.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })

const unitUser = await t.make.user({ role: 'unit_user', org: school })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const financeAdmin = await t.make.user({ role: 'finance_admin', org: district })
const reviewer = await t.make.user({ role: 'finance_reviewer', org: district })

/** A reserve project of the school; major new unless said otherwise. */
async function project(options: { major?: boolean; amount?: string; policy?: boolean; name?: string } = {}) {
  const p = await t.make.project({ unit: school, amountGeneral: options.amount ?? '3000000.00', name: options.name })
  return t.db
    .updateTable('project')
    .set({ isMajorNew: options.major ?? true, objectKind: options.policy ? 'policy' : 'general' })
    .where('id', '=', p.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

const admit = async (p: Project) => (await t.as(deptUser)).post(`/api/projects/${p.id}/status`, { status: 'library', version: p.version, opinion: '同意入库' })

async function start(p: Project, as = unitUser) {
  const res = await (await t.as(as)).post('/api/exante', { projectId: p.id })
  expect(res.statusCode).toBe(201)
  return res.json()
}

async function scored(p: Project, score = '9') {
  const a = await start(p)
  const res = await (await t.as(unitUser)).patch(`/api/exante/${a.id}`, { version: a.version, scores: allScores('project', score) })
  expect(res.statusCode).toBe(200)
  return res.json()
}

const conclude = async (a: { id: string; version: number }, conclusion: string, opinion = '') =>
  (await t.as(reviewer)).post(`/api/exante/${a.id}/conclude`, { conclusion, opinion, version: a.version })

describe('the assessment from start to conclusion', () => {
  test('a unit scores, submits; the bureau concludes 予以支持 and the major project may enter the library', async () => {
    const p = await project({ name: '2026年智慧校园建设项目' })
    const a = await start(p)
    expect(a).toMatchObject({ status: 'draft', kind: 'project', assessorKind: 'unit', assessorOrgCode: school.code, total: '0.00', required: true, conclusion: null })
    expect(a.sheet.dimensions.map((d: { zh: string }) => d.zh)).toEqual(['立项必要性', '投入经济性', '绩效目标合理性', '实施方案可行性', '筹资合规性'])
    expect(a.sheet.dimensions[0].items.map((i: { zh: string; points: string }) => `${i.zh} ${i.points}`)).toEqual(['明确相关性 10.00', '必要可行性 10.00'])

    const c = await t.as(unitUser)
    const partly = await c.patch(`/api/exante/${a.id}`, { version: 1, scores: { 'necessity.relevance': { score: '9.5', comment: '与教育规划一致' } }, process: '审阅申报材料，实地调研。' })
    expect(partly.json()).toMatchObject({ version: 2, total: '9.50', process: '审阅申报材料，实地调研。' })
    expect(partly.json().sheet.dimensions[0].items[0]).toMatchObject({ score: '9.5', rating: '优', comment: '与教育规划一致' })
    const early = await c.post(`/api/exante/${a.id}/submit`, { version: 2 })
    expect(early.statusCode).toBe(422)
    expect(early.json().error.message).toMatch(/^尚有审核要点未评分：立项必要性·必要可行性/)

    const full = await c.patch(`/api/exante/${a.id}`, { version: 2, scores: allScores('project', '8.5') })
    expect(full.json()).toMatchObject({ total: '85.00', suggestedConclusion: '予以支持' })
    expect(full.json().sheet).toMatchObject({ rating: '良', missing: [] })
    const submitted = await c.post(`/api/exante/${a.id}/submit`, { version: 3 })
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 4 })
    expect((await c.patch(`/api/exante/${a.id}`, { version: 4, opinion: '改' })).json().error.code).toBe('NOT_EDITABLE')

    const done = await conclude(submitted.json(), '予以支持')
    expect(done.json()).toMatchObject({ status: 'completed', conclusion: '予以支持', version: 5 })
    expect((await admit(p)).json()).toMatchObject({ status: 'library' })

    const audit = await t.db.selectFrom('auditLog').select('action').where('entityType', '=', 'exante').where('entityId', '=', a.id).orderBy('seq').execute()
    expect(audit.map((r) => r.action)).toEqual(['exante.create', 'exante.update', 'exante.update', 'exante.submit', 'exante.conclude'])
  })

  test('the bureau may score and conclude itself; a policy is assessed on the policy dimensions', async () => {
    const p = await project({ policy: true })
    const a = await start(p, financeAdmin)
    expect(a).toMatchObject({ assessorKind: 'finance', kind: 'policy' })
    expect(a.sheet.dimensions.map((d: { zh: string }) => d.zh)).toEqual(['政策设立必要性', '政策保障充分性', '政策目标合理性', '政策实施可持续性', '政策资金合规性'])
    const c = await t.as(financeAdmin)
    const scoredPolicy = await c.patch(`/api/exante/${a.id}`, { version: 1, scores: allScores('policy', '10') })
    expect((await c.post(`/api/exante/${a.id}/conclude`, { conclusion: '予以支持', version: scoredPolicy.json().version })).json().status).toBe('completed')
  })

  test('a second assessment of a project is refused while one is open or has passed', async () => {
    const p = await project()
    await start(p)
    const again = await (await t.as(unitUser)).post('/api/exante', { projectId: p.id })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('DUPLICATE')
  })
})

describe('the library gate (REFERENCE §13.28)', () => {
  test('a major new project without an assessment, or with one in progress, stays out with the reason', async () => {
    const p = await project()
    const none = await admit(p)
    expect(none.statusCode).toBe(422)
    expect(none.json().error).toMatchObject({ code: 'GATE_BLOCKED', message: '重大新增项目须经事前绩效评估且结论为“予以支持”方可入库（当前：未评估）', details: { gate: 'exante' } })
    await start(p)
    expect((await admit(p)).json().error.message).toBe('重大新增项目须经事前绩效评估且结论为“予以支持”方可入库（当前：评估中，尚无结论）')
    const en = await (await t.as(deptUser)).post(`/api/projects/${p.id}/status`, { status: 'library', version: p.version }, { 'accept-language': 'en' })
    expect(en.json().error.message).toBe('A major new project enters the library only after an ex-ante assessment concluding 予以支持 (now: assessment in progress, no conclusion yet)')
  })

  test('不予支持 and 调整后支持 block too; both need an opinion', async () => {
    for (const conclusion of ['不予支持', '调整后支持']) {
      const p = await project()
      const a = await scored(p, '5')
      const bare = await conclude(a, conclusion)
      expect(bare.statusCode).toBe(422)
      expect(bare.json().error).toMatchObject({ code: 'RULE_VIOLATION', message: `结论为“${conclusion}”时须填写评估意见` })
      expect((await conclude(a, conclusion, '测算依据不足，建议压减规模')).json().conclusion).toBe(conclusion)
      expect((await admit(p)).json().error.message).toBe(`重大新增项目须经事前绩效评估且结论为“予以支持”方可入库（当前：结论为“${conclusion}”）`)
    }
  })

  test('after 不予支持 the unit may start again, and a new 予以支持 opens the library', async () => {
    const p = await project()
    await makeAssessment(t, { unit: school, projectId: p.id, conclusion: '不予支持' })
    t.clock.advanceMinutes(1)
    const again = await scored(p)
    await conclude(again, '予以支持')
    expect((await admit(p)).statusCode).toBe(200)
  })

  test('below the amount and not major enters freely; from the amount on an assessment is needed', async () => {
    expect((await admit(await project({ major: false, amount: '9999999.99' }))).statusCode).toBe(200)
    const big = await admit(await project({ major: false, amount: '10000000.00' }))
    expect(big.json().error.message).toBe('年度资金达到 10,000,000.00 元的项目须经事前绩效评估且结论为“予以支持”方可入库（当前：未评估）')
  })

  test('the amount comes from the jurisdiction’s rule set', async () => {
    await t.db.insertInto('ruleSet').values({ jurisdictionCode: district.code, fiscalYear: 2026, revision: 1, overrides: JSON.stringify({ exAnte: { majorProjectAmount: '2000000.00' } }), note: '本区标准', isCurrent: true }).execute()
    const p = await project({ major: false, amount: '2500000.00' })
    expect((await admit(p)).json().error.code).toBe('GATE_BLOCKED')
  })
})

describe('validation and concurrency', () => {
  test('a stale version is 409 and changes nothing', async () => {
    const a = await start(await project())
    const c = await t.as(unitUser)
    expect((await c.patch(`/api/exante/${a.id}`, { version: 1, opinion: '第一次' })).statusCode).toBe(200)
    const stale = await c.patch(`/api/exante/${a.id}`, { version: 1, opinion: '第二次' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.code).toBe('VERSION_CONFLICT')
    expect((await conclude({ id: a.id, version: 1 }, '予以支持')).statusCode).toBe(409)
    expect((await c.get(`/api/exante/${a.id}`)).json().opinion).toBe('第一次')
  })

  test('scores out of range or of another kind are 422 with the path; malformed ones 400; never 500', async () => {
    const a = await start(await project())
    const c = await t.as(unitUser)
    const over = await c.patch(`/api/exante/${a.id}`, { version: 1, scores: { 'economy.cost': { score: '10.5', comment: '' } } })
    expect(over.statusCode).toBe(422)
    expect(over.json().error.details).toEqual([{ path: 'scores.economy.cost.score', message: '得分须在 0 到 10.00 分之间' }])
    expect((await c.patch(`/api/exante/${a.id}`, { version: 1, scores: { 'policy_goals.fit': { score: '5', comment: '' } } })).statusCode).toBe(422)
    for (const bad of [{ score: 8.5 }, { score: '8.555' }, { score: '-1' }]) {
      const res = await c.patch(`/api/exante/${a.id}`, { version: 1, scores: { 'economy.cost': bad } })
      expect(res.statusCode, JSON.stringify(bad)).toBe(400)
    }
    expect((await c.patch(`/api/exante/${a.id}`, { version: 1, scores: { '../x': { score: '1' } } })).statusCode).toBe(400)
    expect((await conclude(a, '基本支持')).statusCode).toBe(400)
    const unscored = await conclude(a, '予以支持')
    expect(unscored.statusCode).toBe(422)
    expect(unscored.json().error.details[0].path).toBe('scores')
  })

  test('a concluded assessment is fixed', async () => {
    const a = await makeAssessment(t, { unit: school, conclusion: '予以支持' })
    const c = await t.as(financeAdmin)
    expect((await c.patch(`/api/exante/${a.id}`, { version: a.version, opinion: '改' })).json().error.code).toBe('NOT_EDITABLE')
    expect((await c.post(`/api/exante/${a.id}/conclude`, { conclusion: '不予支持', opinion: '改', version: a.version })).json().error.code).toBe('INVALID_TRANSITION')
  })

  test('a project past the library cannot start an assessment', async () => {
    const p = await t.make.project({ unit: school, status: 'budgeted' })
    const res = await (await t.as(unitUser)).post('/api/exante', { projectId: p.id })
    expect(res.json().error).toMatchObject({ code: 'NOT_EDITABLE', message: '项目处于“已纳入预算”状态，不能发起事前评估' })
  })
})

describe('the report and the list', () => {
  async function documentXml(buffer: Buffer) {
    return (await readZipPart(buffer, 'word/document.xml', new ReadBudget()))!.toString('utf8')
  }

  test('the .docx is a Word file in the standard outline with the project and its scores', async () => {
    const p = await project({ name: '2026年校园食堂改造项目' })
    const a = await scored(p, '9')
    await conclude(a, '予以支持')
    const res = await t.app.inject({ method: 'GET', url: `/api/exante/${a.id}/report.docx`, headers: { cookie: (await t.as(unitUser)).cookie! } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('wordprocessingml')
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const xml = await documentXml(res.rawPayload)
    for (const text of ['2026年校园食堂改造项目事前绩效评估报告', '一、评估对象基本情况', '二、评估工作开展情况', '三、综合评估情况与评估结论', '（五）筹资合规性', '（六）总体结论', '四、相关建议', '五、其他需要说明的问题', '评估结论：予以支持', '90.00']) {
      expect(xml, text).toContain(text)
    }
  })

  test('the list filters by status, conclusion, year and department, pages, and exports', async () => {
    const world = await t.make.jurisdiction()
    const dept = await t.make.department({ jurisdiction: world })
    const unit = await t.make.unit({ department: dept })
    await makeAssessment(t, { unit, conclusion: '予以支持' })
    await makeAssessment(t, { unit, conclusion: '不予支持' })
    await makeAssessment(t, { unit })
    const admin = await t.as(await t.make.user({ role: 'finance_admin', org: world }))
    const list = async (query: string) => (await admin.get(`/api/exante?${query}`)).json()
    expect((await list('')).total).toBe(3)
    expect((await list('status=completed')).total).toBe(2)
    expect((await list(`conclusion=${encodeURIComponent('不予支持')}`)).items.map((r: { conclusion: string }) => r.conclusion)).toEqual(['不予支持'])
    expect((await list(`fiscalYear=2026&departmentCode=${dept.code}&pageSize=2`))).toMatchObject({ total: 3, pageSize: 2 })
    expect((await list('fiscalYear=2025')).total).toBe(0)
    expect((await list('pageSize=1')).items[0]).toMatchObject({ projectName: expect.any(String), unitName: unit.name, status: expect.any(String), version: 1 })
    const xlsx = await admin.get('/api/exante/export?status=completed')
    expect(xlsx.statusCode).toBe(200)
    expect(String(xlsx.headers['content-disposition'])).toContain(encodeURIComponent('事前绩效评估.xlsx'))
  })
})
