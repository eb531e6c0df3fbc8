import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import type { OrgNode } from '../../db/schema.ts'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()

/** A city with one district, department and unit, and a sys_admin signed in at the city. */
async function city() {
  const root = await t.make.jurisdiction()
  const district = await t.make.jurisdiction({ parent: root })
  const department = await t.make.department({ jurisdiction: district })
  const unit = await t.make.unit({ department })
  const admin = await t.as(await t.make.user({ role: 'sys_admin', org: root }))
  return { root, district, department, unit, admin }
}

const auditRowsFor = (code: string, action: string) =>
  t.db.selectFrom('auditLog').selectAll().where('entityId', '=', code).where('action', '=', action).execute()

describe('creating org nodes', () => {
  test('sys_admin builds a district, a department in it and a unit in that, each placed under its parent', async () => {
    const { root, admin } = await city()
    const j = await admin.post('/api/org/jurisdictions', { code: `${root.code}N1`, name: '新区', level: 'district', parentCode: root.code, financeBureauName: '新区财政局' })
    expect(j.statusCode).toBe(201)
    expect(j.json()).toMatchObject({ code: `${root.code}N1`, kind: 'jurisdiction', parentCode: root.code, jurisdictionCode: `${root.code}N1`, status: 'active', version: 1 })
    const d = await admin.post('/api/org/departments', { code: `${root.code}N1D`, name: '新区教育局', jurisdictionCode: `${root.code}N1` })
    expect(d.statusCode).toBe(201)
    expect(d.json()).toMatchObject({ kind: 'department', parentCode: `${root.code}N1`, jurisdictionCode: `${root.code}N1`, departmentCode: `${root.code}N1D` })
    const u = await admin.post('/api/org/units', { code: `${root.code}N1U`, name: '新区第一小学', departmentCode: `${root.code}N1D` })
    expect(u.statusCode).toBe(201)
    expect(u.json()).toMatchObject({ kind: 'unit', parentCode: `${root.code}N1D`, jurisdictionCode: `${root.code}N1`, departmentCode: `${root.code}N1D` })
    const read = await admin.get(`/api/org/units/${root.code}N1U`)
    expect(read.json()).toMatchObject({ name: '新区第一小学', departmentCode: `${root.code}N1D` })
    expect(await auditRowsFor(`${root.code}N1U`, 'org.create_unit')).toHaveLength(1)
  })

  test('a code already taken, by a node of any kind, is 409 DUPLICATE and changes nothing', async () => {
    const { department, unit, admin } = await city()
    const res = await admin.post('/api/org/units', { code: department.code, name: '冒名单位', departmentCode: department.code })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'DUPLICATE', details: [{ path: 'code', message: `机构编码 ${department.code} 已存在` }] })
    expect(res.json().error.message).toContain(department.code)
    const again = await admin.post('/api/org/units', { code: unit.code, name: '重复单位', departmentCode: department.code })
    expect(again.json().error.code).toBe('DUPLICATE')
    expect((await admin.get(`/api/org/departments/${department.code}`)).json()).toMatchObject({ name: department.name, kind: 'department', version: 1 })
  })

  test('a parent outside the actor’s scope is 404, as if it did not exist', async () => {
    const mine = await city()
    const theirs = await city()
    const res = await mine.admin.post('/api/org/units', { code: 'OUTSIDE1', name: '越权单位', departmentCode: theirs.department.code })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
    // A sys_admin of one district cannot reach the city above it either.
    const districtAdmin = await t.as(await t.make.user({ role: 'sys_admin', org: mine.district }))
    const up = await districtAdmin.post('/api/org/departments', { code: 'OUTSIDE2', name: '越级部门', jurisdictionCode: mine.root.code })
    expect(up.statusCode).toBe(404)
    expect(await t.db.selectFrom('orgNode').select('code').where('code', 'in', ['OUTSIDE1', 'OUTSIDE2']).execute()).toEqual([])
  })

  type City = Awaited<ReturnType<typeof city>>
  test.each([
    ['a unit under a jurisdiction', 'units', (c: City) => ({ code: 'WRONG1', name: '错位单位', departmentCode: c.district.code })],
    ['a department under a department', 'departments', (c: City) => ({ code: 'WRONG2', name: '错位部门', jurisdictionCode: c.department.code })],
    [
      'a jurisdiction under a unit',
      'jurisdictions',
      (c: City) => ({ code: 'WRONG3', name: '错位区划', level: 'district', parentCode: c.unit.code, financeBureauName: '某财政局' }),
    ],
  ])('%s is 422 INVALID_ORG', async (_, path, body) => {
    const c = await city()
    const res = await c.admin.post(`/api/org/${path}`, body(c))
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('INVALID_ORG')
  })

  test('nothing new goes under a disabled parent', async () => {
    const { department, admin } = await city()
    expect((await admin.patch(`/api/org/departments/${department.code}`, { status: 'disabled', version: 1 })).statusCode).toBe(200)
    const res = await admin.post('/api/org/units', { code: `${department.code}X`, name: '新单位', departmentCode: department.code })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'INVALID_ORG', message: `上级机构 ${department.code} 已停用` })
  })
})

describe('changing org nodes', () => {
  test('disable and enable a unit: each step bumps the version and is audited with before and after', async () => {
    const { unit, admin } = await city()
    const off = await admin.patch(`/api/org/units/${unit.code}`, { status: 'disabled', version: 1 })
    expect(off.json()).toMatchObject({ status: 'disabled', version: 2 })
    const listed = await admin.get(`/api/org/units?status=disabled&departmentCode=${unit.departmentCode}`)
    expect(listed.json().items.map((n: OrgNode) => n.code)).toEqual([unit.code])
    const on = await admin.patch(`/api/org/units/${unit.code}`, { status: 'active', version: 2 })
    expect(on.json()).toMatchObject({ status: 'active', version: 3 })
    const audit = await auditRowsFor(unit.code, 'org.update_unit')
    expect(audit.map((r) => [(r.before as OrgNode).status, (r.after as OrgNode).status])).toEqual([['active', 'disabled'], ['disabled', 'active']])
  })

  test('an admin cannot disable the org node they sit at', async () => {
    const { root, admin } = await city()
    const res = await admin.patch(`/api/org/jurisdictions/${root.code}`, { status: 'disabled', version: 1 })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('INVALID_ORG')
    expect((await admin.get(`/api/org/jurisdictions/${root.code}`)).json().status).toBe('active')
  })

  test('a node addressed under the wrong kind is 404', async () => {
    const { unit, admin } = await city()
    expect((await admin.get(`/api/org/departments/${unit.code}`)).statusCode).toBe(404)
    expect((await admin.patch(`/api/org/departments/${unit.code}`, { name: '改名', version: 1 })).statusCode).toBe(404)
  })

  test('two edits from the same version: one wins, the other is 409 VERSION_CONFLICT, nothing of it is written', async () => {
    const { unit, admin } = await city()
    const [a, b] = await Promise.all([
      admin.patch(`/api/org/units/${unit.code}`, { name: '甲改的名字', version: 1 }),
      admin.patch(`/api/org/units/${unit.code}`, { name: '乙改的名字', status: 'disabled', version: 1 }),
    ])
    const statuses = [a.statusCode, b.statusCode].sort()
    expect(statuses).toEqual([200, 409])
    const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a]
    expect(loser.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } })
    const stored = (await admin.get(`/api/org/units/${unit.code}`)).json()
    expect(stored).toMatchObject({ name: winner.json().name, status: winner.json().status, version: 2 })
    expect(await auditRowsFor(unit.code, 'org.update_unit')).toHaveLength(1)
  })
})

describe('reading the org', () => {
  test('the tree nests districts, departments and units under the actor’s own node, jurisdictions first', async () => {
    const { root, district, department, unit, admin } = await city()
    const second = await t.make.department({ jurisdiction: root })
    const res = await admin.get('/api/org/tree')
    expect(res.statusCode).toBe(200)
    const node = (n: OrgNode, children: unknown[] = []) => ({ code: n.code, name: n.name, kind: n.kind, status: 'active', children })
    const leaf = node(unit)
    expect(res.json()).toEqual({ nodes: [node(root, [node(district, [node(department, [leaf])]), node(second)])] })
    const deptUser = await t.as(await t.make.user({ role: 'dept_user', org: department }))
    expect((await deptUser.get('/api/org/tree')).json().nodes).toEqual([node(department, [leaf])])
  })

  test('lists filter by text, status and parent, sort either way and page with a true total', async () => {
    const { department, admin } = await city()
    const names = ['A 第一中学', 'B 第二中学', '第三小学', '特殊%学校', 'C 第四中学']
    for (const name of names) await t.make.unit({ department, name })
    const base = `/api/org/units?departmentCode=${department.code}`
    const middle = (await admin.get(`${base}&q=中学&sort=name&order=desc`)).json()
    expect(middle.items.map((n: OrgNode) => n.name)).toEqual(['C 第四中学', 'B 第二中学', 'A 第一中学'])
    expect(middle.total).toBe(3)
    expect((await admin.get(`${base}&q=%25`)).json().items.map((n: OrgNode) => n.name)).toEqual(['特殊%学校'])
    const page2 = (await admin.get(`${base}&q=${encodeURIComponent(department.code.toLowerCase())}&pageSize=2&page=2`)).json()
    expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 2 })
    expect(page2.items).toHaveLength(2)
    const all = (await admin.get(`${base}&pageSize=100`)).json().items.map((n: OrgNode) => n.code)
    expect(page2.items.map((n: OrgNode) => n.code)).toEqual(all.slice(2, 4))
    expect((await admin.get(`${base}&status=disabled`)).json()).toMatchObject({ items: [], total: 0 })
  })

  test('export is an xlsx of the filtered list with Chinese headers', async () => {
    const { department, unit, admin } = await city()
    await t.make.unit({ department, name: '不应导出的单位' })
    const res = await admin.get(`/api/org/units/export?q=${encodeURIComponent(unit.name)}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('预算单位.xlsx'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((res as unknown as { rawPayload: Buffer }).rawPayload as never)
    const sheet = book.worksheets[0]!
    expect(sheet.getRow(1).values).toEqual([undefined, '编码', '名称', '所属主管部门', '状态'])
    expect(sheet.getRow(2).values).toEqual([undefined, unit.code, unit.name, `${department.name}（${department.code}）`, '启用'])
    expect(sheet.rowCount).toBe(2)
  })
})
