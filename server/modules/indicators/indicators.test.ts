import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { indicatorContent } from '../../test/endpoints.indicators.ts'
import { seedFrameworks, seedIndicatorLibrary } from './indicators.seed.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '测试市' })
const district = await t.make.jurisdiction({ parent: city, name: '测试区' })
const edu = await t.make.department({ jurisdiction: city, name: '测试市教育局' })
const school = await t.make.unit({ department: edu, name: '测试市第一中学' })
const health = await t.make.department({ jurisdiction: city, name: '测试市卫生健康委员会' })
const hospital = await t.make.unit({ department: health, name: '测试市人民医院' })
const transport = await t.make.department({ jurisdiction: district, name: '测试区交通运输局' })
const elsewhere = await t.make.jurisdiction({ name: '别的市' })

const financeAdmin = await t.make.user({ role: 'finance_admin', org: city })
const districtAdmin = await t.make.user({ role: 'finance_admin', org: district })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const unitUser = await t.make.user({ role: 'unit_user', org: school })
const hospitalUser = await t.make.user({ role: 'unit_user', org: hospital })
const transportUser = await t.make.user({ role: 'dept_user', org: transport })
const strangerAdmin = await t.make.user({ role: 'finance_admin', org: elsewhere })

await seedFrameworks(t.db, t.clock.now())
await seedIndicatorLibrary(t.db, { ownerJurisdictionCode: city.code, fromYear: 2024, now: t.clock.now() })

type Item = { id: string; code: string; name: string; sectors: string[]; projectKinds: string[]; score: number; matched: string[] }

describe('search', () => {
  test('ranks by BM25 over jieba words and pages like every list', async () => {
    const res = await (await t.as(unitUser)).get(`/api/indicators?q=${encodeURIComponent('教师培训')}&pageSize=5`)
    expect(res.statusCode).toBe(200)
    const page = res.json()
    expect(page).toMatchObject({ page: 1, pageSize: 5 })
    expect(page.total).toBeGreaterThan(5)
    const items: Item[] = page.items
    for (const item of items) {
      expect(item.name).toMatch(/教师/)
      expect(item.name).toMatch(/培训/)
      expect(item.matched).toEqual(['培训', '教师'])
    }
    const scores = items.map((i) => i.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  test('a page past the end of ranked results is empty but still tells the total', async () => {
    const c = await t.as(unitUser)
    const first = (await c.get(`/api/indicators?q=${encodeURIComponent('教师培训')}&pageSize=5`)).json()
    const beyond = (await c.get(`/api/indicators?q=${encodeURIComponent('教师培训')}&pageSize=5&page=1000`)).json()
    expect(beyond).toMatchObject({ items: [], total: first.total, page: 1000 })
  })

  test('finds words, not substrings, and the best match of a full name first', async () => {
    const c = await t.as(unitUser)
    const exact = (await c.get(`/api/indicators?q=${encodeURIComponent('适龄儿童免疫规划疫苗接种率')}&pageSize=3`)).json()
    expect(exact.items[0].name).toBe('适龄儿童免疫规划疫苗接种率')
    const none = (await c.get(`/api/indicators?q=${encodeURIComponent('龘靐')}`)).json()
    expect(none).toMatchObject({ items: [], total: 0 })
  })

  test('filters narrow the ranked results: level, sector, nature', async () => {
    const c = await t.as(unitUser)
    const res = (await c.get(`/api/indicators?q=${encodeURIComponent('满意度')}&sector=health&level1=${encodeURIComponent('满意度指标')}&nature=${encodeURIComponent('>=')}&pageSize=50`)).json()
    expect(res.total).toBeGreaterThan(0)
    for (const item of res.items) expect(item).toMatchObject({ level1: '满意度指标', nature: '>=', sectors: ['health'] })
  })

  test('without a query the library lists by code; facets count it by placement, sector and type', async () => {
    const c = await t.as(unitUser)
    const list = (await c.get('/api/indicators?pageSize=3')).json()
    expect(list.items.map((i: Item) => i.code)).toEqual([...list.items.map((i: Item) => i.code)].sort())
    const facets = (await c.get('/api/indicators/facets')).json()
    expect(facets.total).toBe(list.total)
    expect(facets.sectors.map((s: { key: string }) => s.key)).toHaveLength(12)
    expect(facets.placements.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(list.total)
  })

  test('another city does not see this city’s library', async () => {
    const res = (await (await t.as(strangerAdmin)).get(`/api/indicators?q=${encodeURIComponent('教师培训')}`)).json()
    expect(res.total).toBe(0)
  })

  test('the export is a workbook', async () => {
    const res = await (await t.as(unitUser)).get(`/api/indicators/export?q=${encodeURIComponent('培训')}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
  })
})

describe('recommendation', () => {
  const top = async (user: { username: string; password: string }, query: string, n = 5) => {
    const res = await (await t.as(user)).get(`/api/indicators/recommend?${query}&limit=${n}`)
    expect(res.statusCode).toBe(200)
    return res.json() as { subject: { projectKinds: string[]; sector: string | null }; items: (Item & { reasons: { matchedTerms: string[]; projectKinds: string[]; sector: string | null; usedBySimilarGoals: number } })[]; similarProjects: { name: string }[] }
  }

  test('a training project gets training indicators, each saying why', async () => {
    const project = await t.make.project({ unit: school, name: '2026年中小学教师能力提升培训', description: '组织全市中小学骨干教师参加集中培训和跟岗研修。' })
    const result = await top(unitUser, `projectId=${project.id}`)
    expect(result.subject).toMatchObject({ projectKinds: ['training'], sector: 'education' })
    for (const item of result.items) {
      expect(item.projectKinds.includes('training') || /培训|研修/.test(item.name)).toBe(true)
      expect(item.reasons.matchedTerms.length + item.reasons.projectKinds.length).toBeGreaterThan(0)
    }
  })

  test('a school building project gets construction and education indicators', async () => {
    const project = await t.make.project({ unit: school, name: '第一中学新校区校舍建设工程', description: '新建教学楼、实验楼和学生宿舍，新增学位 1800 个。' })
    const result = await top(unitUser, `projectId=${project.id}`, 8)
    expect(result.subject.projectKinds).toContain('construction')
    for (const item of result.items) expect(item.sectors.includes('education') || item.projectKinds.includes('construction')).toBe(true)
    expect(result.items.filter((i) => i.sectors.includes('education')).length).toBeGreaterThanOrEqual(4)
  })

  test('a hospital equipment purchase gets purchase and health indicators', async () => {
    const project = await t.make.project({ unit: hospital, name: '人民医院医疗设备购置', description: '购置CT、彩超等大型医疗设备，提升诊疗能力。' })
    const result = await top(hospitalUser, `projectId=${project.id}`, 6)
    expect(result.subject.sector).toBe('health')
    for (const item of result.items) expect(item.sectors.includes('health') || item.projectKinds.includes('purchase')).toBe(true)
  })

  test('free text: road resurfacing gets transport or construction indicators', async () => {
    const result = await top(transportUser, `text=${encodeURIComponent('城市主干道路面修缮改造工程')}`)
    expect(result.subject.sector).toBe('transport')
    for (const item of result.items) expect(item.sectors.includes('transport') || item.projectKinds.includes('construction')).toBe(true)
  })

  test('free text: a training course for community health workers leads with training indicators', async () => {
    const result = await top(hospitalUser, `text=${encodeURIComponent('社区卫生服务中心全科医生培训')}`, 5)
    const training = (i: Item) => i.projectKinds.includes('training') || /培训/.test(i.name)
    expect(training(result.items[0]!)).toBe(true)
    expect(result.items.filter(training).length).toBeGreaterThanOrEqual(3)
  })

  test('similar projects in the user’s scope are named', async () => {
    await t.make.project({ unit: school, name: '2025年教师培训项目' })
    const result = await top(unitUser, `text=${encodeURIComponent('教师培训')}`)
    expect(result.similarProjects.map((p) => p.name)).toContain('2025年教师培训项目')
  })

  test('indicators that approved goals of similar projects used rank higher, and say how often', async () => {
    const subject = await t.make.project({ unit: hospital, name: '人民医院病案管理系统运维', description: '' })
    const before = await top(hospitalUser, `projectId=${subject.id}`, 40)
    // The habit of peers: an indicator that ranks low for this project on words alone.
    const favourite = before.items.at(-1)!
    const favouriteRow = await t.db.selectFrom('indicator').select(['id', 'code', 'level1', 'level2', 'name', 'nature', 'unit']).where('id', '=', favourite.id).executeTakeFirstOrThrow()
    for (const name of ['人民医院病案系统运维服务', '人民医院病案管理运维保障']) {
      const peer = await t.make.project({ unit: hospital, name })
      const goal = await t.make.goal({ project: peer, status: 'approved' })
      await t.db.insertInto('goalIndicator').values({ goalId: goal.id, sortOrder: 99, level1: favouriteRow.level1, level2: favouriteRow.level2, name: favouriteRow.name, indicatorId: favouriteRow.id, indicatorCode: favouriteRow.code, nature: favouriteRow.nature, target: '1', unit: favouriteRow.unit, valueBasis: 'plan', scoringRule: '' }).execute()
    }
    const after = await top(hospitalUser, `projectId=${subject.id}`, 40)
    const rankOf = (items: typeof before.items) => items.findIndex((i) => i.id === favourite.id)
    expect(rankOf(after.items)).toBeLessThan(rankOf(before.items))
    const reasons = after.items.find((i) => i.id === favourite.id)!.reasons
    expect(reasons.usedBySimilarGoals).toBe(2)
    expect(before.items.every((i) => i.reasons.usedBySimilarGoals === 0)).toBe(true)
  })

  test('a project out of scope is 404', async () => {
    const project = await t.make.project({ unit: hospital, name: '人民医院信息系统运维' })
    expect((await (await t.as(unitUser)).get(`/api/indicators/recommend?projectId=${project.id}`)).statusCode).toBe(404)
  })
})

describe('dynamic management', () => {
  const body = (name: string) => ({ ...indicatorContent(), name, reason: '需要衡量课后服务' })

  test('a unit proposes, the bureau confirms; the proposal is seen where it was made and above, audited', async () => {
    const unit = await t.as(unitUser)
    const created = await unit.post('/api/indicators', body('课后服务参与学生比例'))
    expect(created.statusCode).toBe(201)
    const proposal = created.json()
    expect(proposal).toMatchObject({ status: 'proposed', ownerJurisdictionCode: city.code, revision: 1 })
    expect(proposal.code).toMatch(/^ZD\d{8}$/)
    expect((await (await t.as(deptUser)).get(`/api/indicators/${proposal.id}`)).statusCode).toBe(200)
    expect((await (await t.as(hospitalUser)).get(`/api/indicators/${proposal.id}`)).statusCode).toBe(404)
    const listed = (await (await t.as(financeAdmin)).get('/api/indicators?status=proposed&pageSize=100')).json()
    expect(listed.items.map((i: Item) => i.id)).toContain(proposal.id)

    const admin = await t.as(financeAdmin)
    const confirmed = await admin.post(`/api/indicators/${proposal.id}/confirm`, { version: proposal.version, opinion: '同意' })
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toMatchObject({ status: 'active', reviewOpinion: '同意' })
    expect((await hospitalUserSees(proposal.id))).toBe(200)
    const adopted = (await admin.get('/api/indicators?status=active&origin=proposal&pageSize=100')).json()
    expect(adopted.items.map((i: Item) => i.id)).toEqual([proposal.id])
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', proposal.id).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['indicator.propose', 'indicator.confirm'])
    const again = await admin.post(`/api/indicators/${proposal.id}/confirm`, { version: confirmed.json().version })
    expect(again.json().error.code).toBe('INVALID_TRANSITION')
  })

  const hospitalUserSees = async (id: string) => (await (await t.as(hospitalUser)).get(`/api/indicators/${id}`)).statusCode

  test('a rejection needs an opinion and takes the proposal out of search', async () => {
    const proposal = (await (await t.as(deptUser)).post('/api/indicators', body('家校共育活动场次'))).json()
    const admin = await t.as(financeAdmin)
    expect((await admin.post(`/api/indicators/${proposal.id}/reject`, { version: proposal.version })).statusCode).toBe(400)
    const rejected = await admin.post(`/api/indicators/${proposal.id}/reject`, { version: proposal.version, opinion: '与现有指标重复' })
    expect(rejected.json()).toMatchObject({ status: 'rejected' })
    const found = (await admin.get(`/api/indicators?q=${encodeURIComponent('家校共育活动场次')}`)).json()
    expect(found.items.map((i: Item) => i.id)).not.toContain(proposal.id)
  })

  test('a revision is a new row; the old one stays readable as it was', async () => {
    const admin = await t.as(financeAdmin)
    const original = (await admin.post('/api/indicators', body('教师继续教育学时达标率'))).json()
    expect(original.status).toBe('active')
    const revised = await admin.post(`/api/indicators/${original.id}/revise`, {
      ...indicatorContent(),
      name: '教师继续教育学时达标率',
      definition: '年度内完成规定继续教育学时的在编教师占在编教师总数的比例。',
      unit: '%',
      changeNote: '统计口径改为在编教师',
      version: original.version,
    })
    expect(revised.statusCode).toBe(200)
    const next = revised.json()
    expect(next).toMatchObject({ code: original.code, revision: 2, status: 'active', changeNote: '统计口径改为在编教师' })
    expect(next.id).not.toBe(original.id)
    const old = (await admin.get(`/api/indicators/${original.id}`)).json()
    expect(old).toMatchObject({ status: 'superseded', revision: 1, definition: original.definition, unit: original.unit, ownerJurisdictionName: '测试市' })
    expect(old.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1])
    const stale = await admin.post(`/api/indicators/${original.id}/revise`, { ...indicatorContent(), changeNote: '再改', version: original.version })
    expect(stale.statusCode).toBe(409)
  })

  test('retiring keeps the row, out of new goals', async () => {
    const admin = await t.as(financeAdmin)
    const row = (await admin.post('/api/indicators', body('校园安全隐患整改率'))).json()
    const retired = await admin.post(`/api/indicators/${row.id}/retire`, { version: row.version, opinion: '并入安全类指标' })
    expect(retired.json()).toMatchObject({ status: 'retired', validToYear: 2026 })
    const active = (await admin.get(`/api/indicators?status=active&q=${encodeURIComponent('校园安全隐患整改率')}`)).json()
    expect(active.items.map((i: Item) => i.id)).not.toContain(row.id)
  })

  test('a district bureau reads the city’s library but may not change it; content rules are enforced', async () => {
    const row = (await (await t.as(financeAdmin)).post('/api/indicators', body('学生近视率下降幅度'))).json()
    const district = await t.as(districtAdmin)
    expect((await district.get(`/api/indicators/${row.id}`)).statusCode).toBe(200)
    expect((await district.post(`/api/indicators/${row.id}/retire`, { version: row.version, opinion: '不需要' })).statusCode).toBe(403)
    const noUnit = await district.post('/api/indicators', { ...body('没有单位的定量指标'), unit: '' })
    expect(noUnit.statusCode).toBe(422)
    expect(noUnit.json().error.details[0].path).toBe('unit')
    const misplaced = await district.post('/api/indicators', { ...body('放错位置的指标'), level2: '服务对象满意度指标' })
    expect(misplaced.json().error.details[0].path).toBe('level2')
  })

  test('two confirmations of one proposal at once: one wins, the other is refused', async () => {
    const proposal = (await (await t.as(unitUser)).post('/api/indicators', body('午餐供餐学校覆盖率'))).json()
    const admin = await t.as(financeAdmin)
    const results = await Promise.all([1, 2].map(() => admin.post(`/api/indicators/${proposal.id}/confirm`, { version: proposal.version })))
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })
})

describe('frameworks', () => {
  test('the national templates are seeded, read-only; a bureau copies one and edits its own', async () => {
    const admin = await t.as(financeAdmin)
    const list = (await admin.get('/api/frameworks')).json().items.map((f: { code: string }) => f.code)
    expect(list).toEqual(expect.arrayContaining(['legacy-88', 'core-101']))
    const core = (await admin.get('/api/frameworks/core-101')).json()
    expect(core.editable).toBe(false)
    expect(core.nodes.map((n: { name: string }) => n.name)).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标'])
    expect(core.nodes[0].children.map((n: { name: string }) => n.name)).toEqual(['经济成本指标', '社会成本指标', '生态环境成本指标'])
    const legacy = (await admin.get('/api/frameworks/legacy-88')).json()
    expect(legacy.nodes[0].children.map((n: { name: string }) => n.name)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标'])
    const put = await admin.put('/api/frameworks/legacy-88', { version: legacy.version, name: 'x改名', description: '', fiscalYearFrom: 2026, status: 'active', nodes: [] })
    expect(put.statusCode).toBe(400)

    const own = await admin.post('/api/frameworks', { code: 'city-2026', name: '测试市指标体系', fiscalYearFrom: 2026, copyFrom: 'legacy-88' })
    expect(own.statusCode).toBe(201)
    const framework = own.json()
    expect(framework).toMatchObject({ editable: true, jurisdictionCode: city.code })
    // No weights in a tree: the 一级 split is the rule set's (issue 10, point 13).
    expect(framework.nodes[0]).not.toHaveProperty('defaultWeight')
    const nodes = framework.nodes.map((n: { name: string; mapsFrom: string[]; children: { name: string; mapsFrom: string[] }[] }) => ({
      name: n.name,
      mapsFrom: n.mapsFrom,
      children: n.children.map((c) => ({ name: c.name, mapsFrom: c.mapsFrom })),
    }))
    nodes[0].children.push({ name: '公平性指标', mapsFrom: [] })
    const saved = await admin.put('/api/frameworks/city-2026', { version: framework.version, name: framework.name, description: '', fiscalYearFrom: 2026, status: 'active', nodes })
    expect(saved.statusCode).toBe(200)
    expect(saved.json().nodes[0].children.map((c: { name: string }) => c.name)).toContain('公平性指标')
    expect((await admin.put('/api/frameworks/city-2026', { version: framework.version, name: framework.name, description: '', fiscalYearFrom: 2026, status: 'active', nodes })).statusCode).toBe(409)
    expect((await (await t.as(districtAdmin)).put('/api/frameworks/city-2026', { version: saved.json().version, name: '区里改名', description: '', fiscalYearFrom: 2026, status: 'active', nodes })).statusCode).toBe(403)
    const national = await admin.put('/api/frameworks/legacy-88', { version: legacy.version, name: '改名', description: '', fiscalYearFrom: 2026, status: 'active', nodes })
    expect(national.statusCode).toBe(403)
  })
})

describe('the audit trail', () => {
  test('every library and framework write leaves its audit record', async () => {
    const actions = async (entityId: string) =>
      (await t.db.selectFrom('auditLog').select('action').where('entityId', '=', entityId).orderBy('seq').execute()).map((a) => a.action)
    const admin = await t.as(financeAdmin)
    const row = (await admin.post('/api/indicators', { ...indicatorContent(), name: '审计留痕测试指标', reason: '' })).json()
    const revised = (await admin.post(`/api/indicators/${row.id}/revise`, { ...indicatorContent(), name: '审计留痕测试指标', changeNote: '调整口径', version: row.version })).json()
    await admin.post(`/api/indicators/${revised.id}/retire`, { version: revised.version, opinion: '不再使用' })
    expect(await actions(row.id)).toEqual(['indicator.create'])
    expect(await actions(revised.id)).toEqual(['indicator.revise', 'indicator.retire'])

    const proposal = (await (await t.as(unitUser)).post('/api/indicators', { ...indicatorContent(), name: '审计留痕提议', reason: '需要' })).json()
    await admin.post(`/api/indicators/${proposal.id}/reject`, { version: proposal.version, opinion: '重复' })
    expect(await actions(proposal.id)).toEqual(['indicator.propose', 'indicator.reject'])

    const framework = (await admin.post('/api/frameworks', { code: 'audit-fw', name: '审计测试体系', fiscalYearFrom: 2026, copyFrom: 'core-101' })).json()
    await admin.put('/api/frameworks/audit-fw', { version: framework.version, name: '审计测试体系（改）', description: '', fiscalYearFrom: 2026, status: 'disabled', nodes: [{ name: '产出指标', children: [] }] })
    expect(await actions('audit-fw')).toEqual(['framework.create', 'framework.update'])
  })
})
