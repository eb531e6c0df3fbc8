import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '转移市' })
const nanshan = await t.make.jurisdiction({ parent: city, name: '转移南山区' })
const futian = await t.make.jurisdiction({ parent: city, name: '转移福田区' })
const elsewhere = await t.make.jurisdiction({ name: '外市' })
const farDistrict = await t.make.jurisdiction({ parent: elsewhere, name: '外市某区' })
const education = await t.make.department({ jurisdiction: city, name: '市教育局' })
const health = await t.make.department({ jurisdiction: city, name: '市卫健委' })
const bureau = await t.make.unit({ department: education, name: '市教育局本级' })
const hospital = await t.make.unit({ department: health, name: '市人民医院' })
const transfer = await t.make.project({ unit: bureau, code: 'TR-1', name: '义务教育转移支付', objectKind: 'transfer', amountGeneral: '1000000.00', status: 'budgeted' })
const ordinary = await t.make.project({ unit: bureau, code: 'TR-2', name: '校舍维修', amountGeneral: '1000.00' })
const finance = await t.as(await t.make.user({ role: 'finance_admin', org: city }))
const department = await t.as(await t.make.user({ role: 'dept_user', org: education }))
const otherDepartment = await t.as(await t.make.user({ role: 'unit_user', org: hospital }))
const districtFinance = await t.as(await t.make.user({ role: 'finance_admin', org: nanshan }))
const url = `/api/projects/${transfer.id}/transfer-allocations`

describe('transfer allocations of a city 转移支付 project', () => {
  test('start empty, naming the districts directly below the city', async () => {
    const res = await department.get(url)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ version: 0, items: [] })
    expect(res.json().districts.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['转移南山区', '转移福田区']))
    expect(res.json().districts.map((d: { code: string }) => d.code)).not.toContain(farDistrict.code)
  })

  test('the department saves a set; it is audited with before and after', async () => {
    const res = await department.put(url, { version: 0, items: [{ districtCode: nanshan.code, amount: '600000' }, { districtCode: futian.code, amount: '400000.00' }] })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ version: 1, items: [{ districtCode: expect.any(String), amount: expect.any(String) }, expect.anything()] })
    const amounts = Object.fromEntries(res.json().items.map((i: { districtCode: string; amount: string }) => [i.districtCode, i.amount]))
    expect(amounts).toEqual({ [nanshan.code]: '600000.00', [futian.code]: '400000.00' })
    const audit = await t.db.selectFrom('auditLog').select(['before', 'after']).where('action', '=', 'project.allocate_transfer').where('entityId', '=', transfer.id).execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ before: { version: 0, items: [] }, after: { version: 1 } })
  })

  test('a stale version is 409 and changes nothing', async () => {
    const res = await finance.put(url, { version: 0, items: [] })
    expect(res.statusCode).toBe(409)
    expect((await finance.get(url)).json().items).toHaveLength(2)
  })

  test('more than the fiscal budget, a district elsewhere, and a non-transfer project are refused in Chinese', async () => {
    const over = await finance.put(url, { version: 1, items: [{ districtCode: nanshan.code, amount: '1000000.01' }] })
    expect(over.statusCode).toBe(422)
    expect(over.json().error.message).toContain('超过项目财政拨款')
    const far = await finance.put(url, { version: 1, items: [{ districtCode: farDistrict.code, amount: '1.00' }] })
    expect(far.statusCode).toBe(422)
    expect(far.json().error.details).toEqual([expect.objectContaining({ path: 'items.0.districtCode' })])
    const plain = await finance.put(`/api/projects/${ordinary.id}/transfer-allocations`, { version: 0, items: [] })
    expect(plain.statusCode).toBe(422)
    expect((await finance.get(url)).json().version).toBe(1)
  })

  test('another department does not see it; a district bureau does not see the city project', async () => {
    expect((await otherDepartment.get(url)).statusCode).toBe(404)
    expect((await districtFinance.get(url)).statusCode).toBe(404)
  })
})
