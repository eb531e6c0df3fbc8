import { describe, expect, test } from 'vitest'
import type { OrgNode } from '../../db/schema.ts'
import { ReadBudget } from '../../platform/read-limits.ts'
import { openZip, readZipPart } from '../../platform/zip.ts'
import { createTestContext } from '../../test/context.ts'
import { docxText } from '../../test/docx-text.ts'
import { pdfText } from '../../test/pdf-text.ts'
import { makeRectification } from '../../test/factories.rectifications.ts'

const t = await createTestContext({}, { jobs: true })
const city = await t.make.jurisdiction({ name: '人大市' })
const district = await t.make.jurisdiction({ parent: city, name: '人大区' })
const education = await t.make.department({ jurisdiction: city, name: '市教育局' })
const health = await t.make.department({ jurisdiction: city, name: '市卫健委' })
const districtDept = await t.make.department({ jurisdiction: district, name: '区民政局' })
const school = await t.make.unit({ department: education, name: '实验中学' })
const college = await t.make.unit({ department: education, name: '职业学院' })
const hospital = await t.make.unit({ department: health, name: '市人民医院' })
const elsewhere = await t.make.jurisdiction({ name: '外市' })
const elsewhereDept = await t.make.department({ jurisdiction: elsewhere, name: '外市教育局' })

const viewer = await t.make.user({ role: 'viewer', org: city })
const districtViewer = await t.make.user({ role: 'viewer', org: district })
const otherViewer = await t.make.user({ role: 'viewer', org: elsewhere })
const finance = await t.make.user({ role: 'finance_admin', org: city })
const educationUser = await t.make.user({ role: 'dept_user', org: education })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })

const now = () => t.clock.now()
const get = async (user: { username: string }, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: (await t.as(user)).cookie! } })

// 2026, the year under review: one project above the national threshold (10,000,000) with an approved goal, one
// flagged new-major without an approved goal, one small (not major), one cancelled (never listed).
const bigProject = await t.make.project({ unit: school, status: 'budgeted', code: 'NPC-BIG', name: '智慧校园建设工程', amountGeneral: '12000000.00' })
await t.make.goal({ project: bigProject, status: 'approved' })
const flagged = await t.make.project({ unit: college, status: 'budgeted', code: 'NPC-NEW', name: '产教融合实训基地', amountGeneral: '3000000.00' })
await t.db.updateTable('project').set({ isMajorNew: true }).where('id', '=', flagged.id).execute()
await t.make.goal({ project: flagged, status: 'submitted' })
await t.make.project({ unit: school, status: 'budgeted', code: 'NPC-SMALL', name: '校园绿化养护', amountGeneral: '500000.00' })
const cancelled = await t.make.project({ unit: school, status: 'cancelled', code: 'NPC-GONE', name: '已取消的大项目', amountGeneral: '50000000.00' })
void cancelled
await t.make.project({ unit: hospital, status: 'budgeted', code: 'NPC-HOSP', name: '医院大楼', amountGeneral: '20000000.00' })

// The department's overall goal of 2026.
const overall = await t.db
  .insertInto('goal')
  .values({ lineageId: crypto.randomUUID(), kind: 'department', projectId: null, fiscalYear: 2026, jurisdictionCode: city.code, departmentCode: education.code, unitCode: null, name: '市教育局部门整体支出绩效目标', overallTarget: '', annualTarget: '全市义务教育巩固率保持在99%以上。', mediumTermTarget: '', frameworkCode: 'legacy-88', status: 'approved', createdAt: now(), updatedAt: now() })
  .returning('id')
  .executeTakeFirstOrThrow()
await t.db.insertInto('goalIndicator').values({ goalId: overall.id, sortOrder: 1, level1: '效益指标', level2: '社会效益指标', name: '义务教育巩固率', nature: '>=', target: '99', unit: '%', indicatorCode: null, valueBasis: 'plan', scoringRule: '' }).execute()

// 2025: one reported key evaluation with its conclusion, one still in field work (not listed).
const lastYearProject = await t.make.project({ unit: school, status: 'closed', code: 'NPC-2025', name: '教师培训项目', fiscalYear: 2025, amountGeneral: '800000.00' })
async function keyEvaluation(name: string, stage: 'reported' | 'fieldwork', total: string | null, grade: '良' | null, conclusion: string) {
  const row = await t.db
    .insertInto('keyEvaluation')
    .values({ jurisdictionCode: city.code, fiscalYear: 2025, level: 'finance', objectKind: 'project', projectId: lastYearProject.id, commissionerCode: city.code, departmentCode: education.code, unitCode: school.code, name, template: 'no10', stage, total, grade, createdAt: now(), updatedAt: now() })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.db.insertInto('keyEvaluationPlan').values({ keyEvaluationId: row.id, conclusion }).execute()
}
await keyEvaluation('教师培训项目重点绩效评价', 'reported', '86.50', '良', '项目总体完成较好，培训覆盖面有待扩大。')
await keyEvaluation('未完成的评价', 'fieldwork', null, null, '')

// 2025 self-evaluations: 优 95.00, 中 72.00, 差 55.50 submitted; one draft that does not count.
const round = await t.db
  .insertInto('selfEvalRound')
  .values({ jurisdictionCode: city.code, fiscalYear: 2025, name: '2025年度单位自评', deadline: now(), status: 'open', createdAt: now(), updatedAt: now() })
  .returning('id')
  .executeTakeFirstOrThrow()
async function selfForm(unit: OrgNode, code: string, name: string, status: 'draft' | 'submitted' | 'accepted', grade: '优' | '中' | '差' | null, total: string | null) {
  const project = await t.make.project({ unit, status: 'closed', code, name, fiscalYear: 2025 })
  await t.db
    .insertInto('selfEvalForm')
    .values({ roundId: round.id, kind: 'project', projectId: project.id, jurisdictionCode: city.code, departmentCode: education.code, unitCode: unit.code, fiscalYear: 2025, status, grade, total, createdAt: now(), updatedAt: now() })
    .execute()
}
await selfForm(school, 'SE-1', '课后服务', 'accepted', '优', '95.00')
await selfForm(school, 'SE-2', '校舍维修改造', 'submitted', '中', '72.00')
await selfForm(college, 'SE-3', '实训设备购置', 'accepted', '差', '55.50')
await selfForm(college, 'SE-4', '图书采购', 'draft', null, null)

// Rectification: one open and overdue, one closed (left out).
await makeRectification(t, { owner: college, dueOn: '2020-06-30', projectId: lastYearProject.id })
await makeRectification(t, { owner: school, status: 'closed' })

const packageUrl = (dept: OrgNode, year = 2026) => `/api/npc/packages/${dept.code}/${year}.docx`

describe('a department’s 人大材料', () => {
  test('holds the major projects with their goals, last year’s key evaluation and self-evaluation, the open items', async () => {
    const res = await get(viewer, packageUrl(education))
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('wordprocessingml')
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2026年市教育局预算绩效情况（人大审查材料）.docx')
    const text = await docxText(res.rawPayload)
    // 一、the overall goal
    expect(text).toContain('年度目标：全市义务教育巩固率保持在99%以上。')
    expect(text).toContain('义务教育巩固率\n≥99%')
    // 二、major projects: the big one and the flagged one; not the small, the cancelled or another department's
    expect(text).toContain('本部门2026年度预算资金 1000 万元及以上或列为新增重大项目的重大项目共 2 个，年度资金合计 15,000,000.00 元；其中绩效目标已批复 1 个。')
    expect(text).toContain('（1）智慧校园建设工程（NPC-BIG）')
    expect(text).toContain('培训人次\n≥500人次')
    expect(text).toContain('（2）产教融合实训基地（NPC-NEW）')
    expect(text).toContain('实施单位：职业学院；年度资金 3,000,000.00 元；新增重大项目。\n绩效目标尚未批复。')
    for (const absent of ['校园绿化养护', '已取消的大项目', '医院大楼', '未完成的评价', '图书采购']) expect(text).not.toContain(absent)
    // 三、key evaluation
    expect(text).toContain('2025年度本部门已形成结论的重点绩效评价 1 项')
    expect(text).toContain('教师培训项目重点绩效评价\nNPC-2025\n86.50\n良\n项目总体完成较好，培训覆盖面有待扩大。')
    // 四、self-evaluation: (95 + 72 + 55.5) / 3 = 74.17
    expect(text).toContain('2025年度本部门提交项目自评表 3 张，其中优 1 个、良 0 个、中 1 个、差 1 个，平均得分 74.17 分。')
    expect(text).toContain('实训设备购置（SE-3）\n职业学院\n55.50\n差')
    expect(text).toContain('校舍维修改造（SE-2）\n实验中学\n72.00\n中')
    // 五、open rectification
    expect(text).toContain('尚未销号的整改事项 1 项，其中已超过整改期限 1 项')
    expect(text).toContain('审计发现项目资金支出进度缓慢，部分资金闲置。\n职业学院\n教师培训项目\n2025\n2020-06-30（已逾期）\n待整改')
  })

  test('the same package as PDF, set in a Chinese font, says the same; without a font the PDF is refused, not broken', async () => {
    const res = await get(viewer, packageUrl(education).replace(/\.docx$/, '.pdf'))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('application/pdf')
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2026年市教育局预算绩效情况（人大审查材料）.pdf')
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(res.rawPayload.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Noto(Serif|Sans)CJKsc-Regular/)
    const text = pdfText(res.rawPayload)
    const flowing = text.replace(/\n/g, '')
    expect(text).toContain('市教育局2026年度预算绩效情况')
    expect(flowing).toContain('本部门2026年度预算资金 1000 万元及以上或列为新增重大项目的重大项目共 2 个，年度资金合计 15,000,000.00 元；其中绩效目标已批复 1 个。')
    expect(text).toContain('（1）智慧校园建设工程（NPC-BIG）')
    expect(flowing).toContain('教师培训项目重点绩效评价NPC-202586.50良')
    expect(flowing).toContain('平均得分 74.17 分')
    for (const absent of ['校园绿化养护', '医院大楼']) expect(flowing).not.toContain(absent)

    const audited = await t.db.selectFrom('auditLog').select('after').where('action', '=', 'npc.package').orderBy('seq', 'desc').executeTakeFirstOrThrow()
    expect(audited.after).toMatchObject({ departmentCode: education.code, format: 'pdf' })
    const before = process.env.JIXIAO_PDF_FONT
    process.env.JIXIAO_PDF_FONT = '/nonexistent/font.ttf'
    try {
      const refused = await get(viewer, packageUrl(education).replace(/\.docx$/, '.pdf'))
      expect(refused.statusCode).toBe(503)
      expect(refused.json().error).toMatchObject({ code: 'PDF_UNAVAILABLE', message: expect.stringContaining('Word') })
    } finally {
      if (before === undefined) delete process.env.JIXIAO_PDF_FONT
      else process.env.JIXIAO_PDF_FONT = before
    }
  })

  test('a department without anything to report still gets its document, saying so', async () => {
    const text = await docxText((await get(viewer, packageUrl(health, 2030))).rawPayload)
    expect(text).toContain('本部门2030年度没有已批复的部门整体支出绩效目标。')
    expect(text).toContain('没有尚未销号的整改事项。')
  })
})

describe('who reads packages', () => {
  test('the viewer reads its jurisdiction’s and the districts’ below; another jurisdiction’s is 404; each download is audited', async () => {
    expect((await get(viewer, packageUrl(districtDept))).statusCode).toBe(200)
    expect((await get(otherViewer, packageUrl(education))).statusCode).toBe(404)
    expect((await get(districtViewer, packageUrl(education))).statusCode).toBe(404)
    expect((await get(viewer, packageUrl(elsewhereDept))).statusCode).toBe(404)
    const rows = await t.db.selectFrom('auditLog').select(['actorUsername', 'entityId', 'after']).where('action', '=', 'npc.package').where('entityId', '=', districtDept.code).execute()
    expect(rows).toContainEqual({ actorUsername: viewer.username, entityId: districtDept.code, after: { departmentCode: districtDept.code, fiscalYear: 2026, format: 'docx' } })
  })

  test('a department reads its own package only; a unit none', async () => {
    expect((await get(educationUser, packageUrl(education))).statusCode).toBe(200)
    expect((await get(educationUser, packageUrl(health))).statusCode).toBe(404)
    expect((await get(schoolUser, packageUrl(health))).statusCode).toBe(403)
    expect((await get(schoolUser, packageUrl(education))).statusCode).toBe(403)
    expect((await get(schoolUser, '/api/npc/packages?fiscalYear=2026')).statusCode).toBe(403)
  })

  test('the list: each department in scope with what its package holds', async () => {
    const res = await get(viewer, '/api/npc/packages?fiscalYear=2026&pageSize=50')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.items.map((d: { name: string }) => d.name)).toEqual(['市教育局', '市卫健委', '区民政局'])
    expect(body.items[0]).toMatchObject({ code: education.code, majorProjects: 2, majorWithGoal: 1, departmentGoal: true, keyEvaluations: 1, selfEvaluations: 3, openRectifications: 1, status: 'ready' })
    expect(body.items[1]).toMatchObject({ majorProjects: 1, majorWithGoal: 0, departmentGoal: false, keyEvaluations: 0, status: 'ready' })
    expect(body.items[2]).toMatchObject({ majorProjects: 0, status: 'empty' })
    const own = (await get(educationUser, '/api/npc/packages?fiscalYear=2026')).json()
    expect(own.items.map((d: { code: string }) => d.code)).toEqual([education.code])
    expect((await get(viewer, `/api/npc/packages?fiscalYear=2026&jurisdictionCode=${district.code}`)).json().items.map((d: { code: string }) => d.code)).toEqual([districtDept.code])
    expect((await get(viewer, '/api/npc/packages?fiscalYear=26')).statusCode).toBe(400)
  })
})

describe('the bundle of a jurisdiction’s year', () => {
  test('a background job zips every department of the jurisdiction; the zip is fetched by whoever may see the job', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/npc/bundles', payload: { fiscalYear: 2026, pdf: true }, headers: { cookie: (await t.as(viewer)).cookie! } })
    expect(start.statusCode).toBe(201)
    const { jobRunId, departments } = start.json()
    expect(departments).toBe(2)
    const job = await t.waitForJob(jobRunId)
    expect(job).toMatchObject({ status: 'done', done: 2, total: 2 })
    const zip = await get(viewer, `/api/npc/bundles/${jobRunId}.zip`)
    expect(zip.statusCode).toBe(200)
    expect(decodeURIComponent(String(zip.headers['content-disposition']))).toContain('2026年人大市各部门预算绩效情况（人大审查材料）.zip')
    const parts = [...(await openZip(zip.rawPayload, new ReadBudget())).parts.keys()]
    // Word and, asked for, PDF.
    expect(parts).toEqual(['01-2026年市教育局预算绩效情况（人大审查材料）.docx', '01-2026年市教育局预算绩效情况（人大审查材料）.pdf', '02-2026年市卫健委预算绩效情况（人大审查材料）.docx', '02-2026年市卫健委预算绩效情况（人大审查材料）.pdf'])
    const inner = await readZipPart(zip.rawPayload, parts[0]!, new ReadBudget())
    expect(await docxText(inner!)).toContain('智慧校园建设工程（NPC-BIG）')
    // The city's finance sees the job (its jurisdiction); another city's reader does not; a department starts none.
    expect((await get(finance, `/api/npc/bundles/${jobRunId}.zip`)).statusCode).toBe(200)
    expect((await get(otherViewer, `/api/npc/bundles/${jobRunId}.zip`)).statusCode).toBe(404)
    const fromDepartment = await t.app.inject({ method: 'POST', url: '/api/npc/bundles', payload: { fiscalYear: 2026 }, headers: { cookie: (await t.as(educationUser)).cookie! } })
    expect(fromDepartment.statusCode).toBe(404)
    const audit = await t.db.selectFrom('auditLog').select(['action']).where('entityId', '=', jobRunId).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['npc.bundle', 'npc.bundle_download', 'npc.bundle_download'])
  })
})

describe('the 人大/审计 reader’s reads are audited', () => {
  const readRows = (username: string) => t.db.selectFrom('auditLog').select(['entityId', 'after']).where('action', '=', 'access.read').where('actorUsername', '=', username).orderBy('seq').execute()

  test('project, goal, results and list reads each leave an access.read row; the same reads by finance leave none', async () => {
    const goal = await t.db.selectFrom('goal').select('id').where('projectId', '=', bigProject.id).executeTakeFirstOrThrow()
    const urls = [`/api/projects/${bigProject.id}`, `/api/goals/${goal.id}`, `/api/results/projects/${bigProject.id}`, '/api/projects?pageSize=5', '/api/npc/packages?fiscalYear=2026']
    for (const url of urls) expect((await get(viewer, url)).statusCode, url).toBe(200)
    const rows = await readRows(viewer.username)
    expect(rows.map((r) => r.entityId)).toEqual(expect.arrayContaining(['GET /api/projects/:id', 'GET /api/goals/:id', 'GET /api/results/projects/:projectId', 'GET /api/projects', 'GET /api/npc/packages']))
    expect(rows.find((r) => r.entityId === 'GET /api/projects/:id')!.after).toEqual({ url: `/api/projects/${bigProject.id}`, params: { id: bigProject.id } })
    for (const url of urls) await get(finance, url)
    expect(await readRows(finance.username)).toEqual([])
  })

  test('who-am-I and a refused read leave no access.read row (the refusal has its own)', async () => {
    const before = (await readRows(otherViewer.username)).length
    await get(otherViewer, '/api/auth/me')
    expect((await get(otherViewer, `/api/projects/${bigProject.id}`)).statusCode).toBe(404)
    expect((await readRows(otherViewer.username)).length).toBe(before)
  })
})
