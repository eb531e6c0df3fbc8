import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { newProjectBody } from '../../test/endpoints.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherSchool = await t.make.unit({ department: edu, name: '第二中学' })
const health = await t.make.department({ jurisdiction: district, name: '卫生健康局' })
const hospital = await t.make.unit({ department: health, name: '人民医院' })

const unitUser = await t.make.user({ role: 'unit_user', org: school })
const deptUser = await t.make.user({ role: 'dept_user', org: edu })
const financeAdmin = await t.make.user({ role: 'finance_admin', org: city })
const reviewer = await t.make.user({ role: 'finance_reviewer', org: district })
const viewer = await t.make.user({ role: 'viewer', org: city })

describe('creating and reading', () => {
  test('a unit user creates a reserve project; org codes and totals come from the server', async () => {
    const c = await t.as(unitUser)
    const res = await c.post('/api/projects', {
      ...newProjectBody(school.code),
      amountGeneral: '1234567.89',
      amountOther: '0.11',
      mediumTermAmount: '2000000.00',
      name: '2026年中小学教师培训项目',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      status: 'reserve',
      version: 1,
      jurisdictionCode: district.code,
      departmentCode: edu.code,
      unitCode: school.code,
      amountGeneral: '1234567.89',
      amountFiscal: '1234567.89',
      amountOther: '0.11',
      amountTotal: '1234568.00',
    })
    const read = await c.get(`/api/projects/${res.json().id}`)
    expect(read.json().amountGeneral).toBe('1234567.89')
    const stored = await t.db.selectFrom('project').select(['amountGeneral', 'amountTotal']).where('id', '=', res.json().id).executeTakeFirstOrThrow()
    expect(stored).toEqual({ amountGeneral: '1234567.89', amountTotal: '1234568.00' })
  })

  test('amounts must be decimal strings: numbers and three decimals are refused', async () => {
    const c = await t.as(unitUser)
    const asNumber = await c.post('/api/projects', { ...newProjectBody(school.code), amountGeneral: 1234567.89 })
    expect(asNumber.statusCode).toBe(400)
    const threePlaces = await c.post('/api/projects', { ...newProjectBody(school.code), amountGeneral: '1.234' })
    expect(threePlaces.json().error.details[0].path).toBe('body.amountGeneral')
  })

  test('business rules are checked with a message naming the field', async () => {
    const c = await t.as(unitUser)
    const outside = await c.post('/api/projects', { ...newProjectBody(school.code), fiscalYear: 2027 })
    expect(outside.statusCode).toBe(422)
    expect(outside.json().error).toMatchObject({ code: 'RULE_VIOLATION', message: '预算年度 2027 不在实施期 2026–2026 内' })
    const medium = await c.post('/api/projects', { ...newProjectBody(school.code), mediumTermAmount: '100.00' })
    expect(medium.json().error.details).toContainEqual({ path: 'mediumTermAmount', message: '中期资金总额不能小于本年度资金合计' })
  })

  test('a unit user cannot file a project for another unit (404), a department user can for its units', async () => {
    expect((await (await t.as(unitUser)).post('/api/projects', newProjectBody(otherSchool.code))).statusCode).toBe(404)
    expect((await (await t.as(deptUser)).post('/api/projects', newProjectBody(otherSchool.code))).statusCode).toBe(201)
    expect((await (await t.as(deptUser)).post('/api/projects', newProjectBody(hospital.code))).statusCode).toBe(404)
  })

  test('codes are unique within a jurisdiction and year', async () => {
    const body = newProjectBody(school.code)
    const c = await t.as(unitUser)
    expect((await c.post('/api/projects', body)).statusCode).toBe(201)
    const again = await c.post('/api/projects', { ...body, name: '另一个名称' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('DUPLICATE')
  })
})

describe('editing and the lifecycle', () => {
  test('edits need the current version; a stale one is 409 and changes nothing', async () => {
    const p = await t.make.project({ unit: school })
    const c = await t.as(unitUser)
    const first = await c.patch(`/api/projects/${p.id}`, { name: '改名一次', version: p.version })
    expect(first.statusCode).toBe(200)
    expect(first.json().version).toBe(p.version + 1)
    const stale = await c.patch(`/api/projects/${p.id}`, { name: '改名两次', version: p.version })
    expect(stale.statusCode).toBe(409)
    expect((await c.get(`/api/projects/${p.id}`)).json().name).toBe('改名一次')
  })

  test('reserve → library by the department, → budgeted by the bureau, then fixed for the unit', async () => {
    const p = await t.make.project({ unit: school })
    const unit = await t.as(unitUser)
    const refused = await unit.post(`/api/projects/${p.id}/status`, { status: 'library', version: 1 })
    expect(refused.statusCode).toBe(403)
    const inLibrary = await (await t.as(deptUser)).post(`/api/projects/${p.id}/status`, { status: 'library', version: 1, opinion: '同意入库' })
    expect(inLibrary.json()).toMatchObject({ status: 'library', version: 2 })
    await t.make.goal({ project: p, status: 'approved' })
    const budgeted = await (await t.as(reviewer)).post(`/api/projects/${p.id}/status`, { status: 'budgeted', version: 2 })
    expect(budgeted.json().status).toBe('budgeted')
    const edit = await unit.patch(`/api/projects/${p.id}`, { name: '预算后改名', version: 3 })
    expect(edit.statusCode).toBe(409)
    expect(edit.json().error.code).toBe('NOT_EDITABLE')
    const history = (await unit.get(`/api/projects/${p.id}/history`)).json().items
    expect(history.map((h: { action: string }) => h.action)).toEqual(['project.status', 'project.status'])
    expect(history[0].after).toMatchObject({ status: 'library', opinion: '同意入库' })
  })

  test('an impossible move is refused with the two statuses named', async () => {
    const p = await t.make.project({ unit: school })
    const res = await (await t.as(financeAdmin)).post(`/api/projects/${p.id}/status`, { status: 'closed', version: 1 })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'INVALID_TRANSITION', message: '项目不能从“储备”变为“已完结”' })
  })

  test('only reserve projects can be deleted; later ones are cancelled', async () => {
    const p = await t.make.project({ unit: school, status: 'library' })
    const c = await t.as(unitUser)
    expect((await c.delete(`/api/projects/${p.id}`, { version: 1 })).json().error.code).toBe('NOT_EDITABLE')
    expect((await c.post(`/api/projects/${p.id}/status`, { status: 'cancelled', version: 1 })).json().status).toBe('cancelled')
    const draft = await t.make.project({ unit: school })
    expect((await c.delete(`/api/projects/${draft.id}`, { version: 1 })).statusCode).toBe(204)
    expect((await c.get(`/api/projects/${draft.id}`)).statusCode).toBe(404)
  })

  test('a viewer reads but never writes', async () => {
    const p = await t.make.project({ unit: hospital })
    const c = await t.as(viewer)
    expect((await c.get(`/api/projects/${p.id}`)).statusCode).toBe(200)
    expect((await c.patch(`/api/projects/${p.id}`, { name: '改名称', version: 1 })).statusCode).toBe(403)
  })
})

describe('the list', () => {
  const names = ['2026年南山区中小学教师培训项目', '2026年人民医院医疗设备购置项目', '2026年校舍维修改造工程', '2025年教师培训项目']

  test('filters, sorts, pages and searches Chinese words within scope', async () => {
    const world = await t.make.jurisdiction()
    const dept = await t.make.department({ jurisdiction: world })
    const u1 = await t.make.unit({ department: dept })
    const u2 = await t.make.unit({ department: dept })
    await t.make.project({ unit: u1, name: names[0], amountGeneral: '500000.00' })
    await t.make.project({ unit: u1, name: names[1], amountGeneral: '3000000.00', budgetKind: 'fund' })
    await t.make.project({ unit: u2, name: names[2], amountGeneral: '1200000.50' })
    await t.make.project({ unit: u2, name: names[3], amountGeneral: '80000.00', fiscalYear: 2025 })
    const admin = await t.as(await t.make.user({ role: 'finance_admin', org: world }))
    const list = async (query: string) => (await admin.get(`/api/projects?${query}`)).json()

    expect((await list('')).total).toBe(4)
    expect((await list('fiscalYear=2026')).total).toBe(3)
    expect((await list('budgetKind=fund')).items.map((p: { name: string }) => p.name)).toEqual([names[1]])
    expect((await list('fiscalYear=2026&sort=amountTotal&order=desc')).items.map((p: { amountTotal: string }) => p.amountTotal)).toEqual(['3000000.00', '1200000.50', '500000.00'])
    expect((await list('minAmount=100000&maxAmount=1200000.50')).total).toBe(2)
    const paged = await list('sort=amountTotal&order=asc&page=2&pageSize=3')
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3 })
    expect(paged.items.map((p: { amountTotal: string }) => p.amountTotal)).toEqual(['3000000.00'])
    expect((await list(`unitCode=${u2.code}`)).total).toBe(2)

    // Words, not substrings: "教师培训" finds both training projects, "培训 2026" only this year's.
    expect((await list(`q=${encodeURIComponent('教师培训')}`)).items.map((p: { name: string }) => p.name).sort()).toEqual([names[0], names[3]].sort())
    expect((await list(`q=${encodeURIComponent('医疗设备')}`)).items.map((p: { name: string }) => p.name)).toEqual([names[1]])
    expect((await list(`q=${encodeURIComponent('维修 校舍')}`)).items.map((p: { name: string }) => p.name)).toEqual([names[2]])
    expect((await list(`q=${encodeURIComponent('不存在的词')}`)).total).toBe(0)

    // Each item carries what a client needs to act on it and place it.
    expect((await list('pageSize=1')).items[0]).toMatchObject({ id: expect.any(String), version: 1, status: 'reserve', jurisdictionCode: world.code, departmentCode: dept.code })
  })

  test('nobody lists projects outside their scope', async () => {
    const inSchool = await t.make.project({ unit: school })
    const inOtherSchool = await t.make.project({ unit: otherSchool })
    const inHospital = await t.make.project({ unit: hospital })
    const ids = async (user: { username: string }) => {
      const res = await (await t.as(user)).get('/api/projects?pageSize=200')
      return new Set(res.json().items.map((p: { id: string }) => p.id))
    }
    const unitSees = await ids(unitUser)
    expect(unitSees.has(inSchool.id)).toBe(true)
    expect(unitSees.has(inOtherSchool.id)).toBe(false)
    expect(unitSees.has(inHospital.id)).toBe(false)
    const deptSees = await ids(deptUser)
    expect(deptSees.has(inOtherSchool.id)).toBe(true)
    expect(deptSees.has(inHospital.id)).toBe(false)
    const cityAdminSees = await ids(financeAdmin)
    expect(cityAdminSees.has(inHospital.id)).toBe(true)
    const stranger = await t.make.user({ role: 'finance_admin', org: await t.make.jurisdiction() })
    expect((await ids(stranger)).size).toBe(0)
  })
})

describe('attachments', () => {
  test('a unit attaches a document, downloads it byte for byte, and removes it', async () => {
    const p = await t.make.project({ unit: school })
    const c = await t.as(unitUser)
    const boundary = '----jixiaotest'
    const content = Buffer.from('%PDF-1.4 实施方案 demo')
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="实施方案.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const upload = await t.app.inject({ method: 'POST', url: `/api/projects/${p.id}/attachments`, payload, headers: { cookie: c.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}` } })
    expect(upload.statusCode).toBe(201)
    expect(upload.json()).toMatchObject({ fileName: '实施方案.pdf', sizeBytes: content.length, createdBy: unitUser.username })
    const list = (await c.get(`/api/projects/${p.id}/attachments`)).json().items
    expect(list).toHaveLength(1)
    const download = await t.app.inject({ method: 'GET', url: `/api/projects/${p.id}/attachments/${list[0].id}`, headers: { cookie: c.cookie! } })
    expect(download.rawPayload.equals(content)).toBe(true)
    expect(String(download.headers['content-disposition'])).toContain(encodeURIComponent('实施方案.pdf'))
    expect((await c.delete(`/api/projects/${p.id}/attachments/${list[0].id}`)).statusCode).toBe(204)
    expect((await c.get(`/api/projects/${p.id}/attachments`)).json().items).toHaveLength(0)
    const history = (await c.get(`/api/projects/${p.id}/history`)).json().items
    expect(history.map((h: { action: string }) => h.action)).toEqual(['project.attach', 'project.detach'])
  })
})
