import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makeRound } from '../../test/factories.monitoring-actions.ts'
import { makeSelfForm } from '../../test/factories.self-evaluation.ts'
import { spotCheckWithItem } from '../../test/factories.spot-checks.ts'

/** Rule 43: each source raises its item in its own move, once, and the item and the source point at each other. */
const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const finance = await t.make.user({ role: 'finance_admin', org: district })
const schoolUser = await t.make.user({ role: 'unit_user', org: school })

type Item = { id: string; sourceType: string; sourceId: string; sourceLink: string; ownerUnitCode: string; status: string; dueOn: string; events: { action: string }[] }

/** The items a source raised, as its page would ask for them, seen by the owner unit. */
async function itemsOf(sourceType: string, sourceId: string): Promise<Item[]> {
  const res = await (await t.as(schoolUser)).get(`/api/rectifications?sourceType=${sourceType}&sourceId=${sourceId}`)
  expect(res.statusCode).toBe(200)
  return res.json().items
}

async function expectLinked(sourceType: string, sourceId: string, link: string) {
  const [item, ...more] = await itemsOf(sourceType, sourceId)
  expect(more).toEqual([])
  expect(item).toMatchObject({ sourceType, sourceId, ownerUnitCode: school.code, status: 'open', dueOn: '2026-03-06', sourceLink: link })
  const detail = (await (await t.as(schoolUser)).get(`/api/rectifications/${item!.id}`)).json()
  expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['raise'])
  return item!
}

describe('sources of rectification items', () => {
  test('a self-evaluation accepted by finance with grade 中 raises one; 优 raises none', async () => {
    const poor = await makeSelfForm(t, { unit: school, status: 'dept_accepted' })
    await t.db.updateTable('selfEvalForm').set({ grade: '中', total: '72.50', problems: '部分指标未完成' }).where('id', '=', poor.id).execute()
    const good = await makeSelfForm(t, { unit: school, status: 'dept_accepted' })
    const fin = await t.as(finance)
    expect((await fin.post(`/api/evaluation/self/${poor.id}/accept`, { version: poor.version })).statusCode).toBe(200)
    expect((await fin.post(`/api/evaluation/self/${good.id}/accept`, { version: good.version })).statusCode).toBe(200)
    const item = await expectLinked('self_evaluation', poor.id, `/evaluation/self/${poor.id}`)
    expect(item).toMatchObject({ projectId: poor.projectId, fiscalYear: 2026 })
    expect((item as unknown as { problem: string }).problem).toContain('部分指标未完成')
    expect(await itemsOf('self_evaluation', good.id)).toEqual([])
  })

  test('a key evaluation reaching reported with grade 差 raises one', async () => {
    const project = await t.make.project({ unit: school, status: 'executing', fiscalYear: 2025, code: 'KEPOOR1' })
    const row = await t.db
      .insertInto('keyEvaluation')
      .values({ jurisdictionCode: district.code, fiscalYear: 2025, level: 'finance', objectKind: 'project', projectId: project.id, commissionerCode: district.code, departmentCode: edu.code, unitCode: school.code, name: '校舍维修项目财政重点评价', template: 'no10', stage: 'final', total: '55.00', grade: '差', createdBy: null })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow()
    const moved = await (await t.as(finance)).post(`/api/evaluation/key/${row.id}/stage`, { version: row.version, stage: 'reported' })
    expect(moved.statusCode).toBe(200)
    await expectLinked('key_evaluation', row.id, `/evaluation/key/${row.id}`)
  })

  test('closing a monitoring round raises one per red project light, once', async () => {
    const round = await makeRound(t, district)
    const red = await makeForm(t, { round, unit: school, projectLight: 'red' })
    const green = await makeForm(t, { round, unit: school, projectLight: 'green' })
    // Accepted by finance first (raises), then the round closes (raises nothing more: one item per source).
    await t.db.updateTable('monitoringForm').set({ status: 'dept_accepted' }).where('id', '=', red.id).execute()
    const accepted = await (await t.as(finance)).post(`/api/monitoring/forms/${red.id}/accept`, { version: red.version })
    expect(accepted.statusCode).toBe(200)
    expect(await itemsOf('monitoring_form', red.id)).toHaveLength(1)
    const closed = await (await t.as(finance)).patch(`/api/monitoring/rounds/${round.id}`, { version: round.version, close: true })
    expect(closed.statusCode).toBe(200)
    await expectLinked('monitoring_form', red.id, `/monitoring/forms/${red.id}`)
    expect(await itemsOf('monitoring_form', green.id)).toEqual([])
  })

  test('a spot-check closed with a flagged gap raises one for the item', async () => {
    const { sample, item } = await spotCheckWithItem(t, { jurisdiction: district, unit: school, reviewed: true })
    await t.db.updateTable('spotCheckItem').set({ flagged: true, gap: '-18.00', reviewerTotal: '70.00' }).where('id', '=', item.id).execute()
    const closed = await (await t.as(finance)).post(`/api/evaluation/spot-checks/${sample.id}/close`, { version: sample.version })
    expect(closed.statusCode).toBe(200)
    await expectLinked('spot_check', item.id, `/evaluation/spot-checks/${sample.id}/items/${item.id}`)
  })
})
