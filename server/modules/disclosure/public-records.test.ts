import { describe, expect, test } from 'vitest'
import type { PublicGoal } from '../../../domain/disclosure.ts'
import { systemContext } from '../../system-context.ts'
import { createTestContext } from '../../test/context.ts'
import { copyHistory, liveCopies, publishCopy, withdrawCopy } from './public-records.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction({ name: '公开市' })
const education = await t.make.department({ jurisdiction: city, name: '公开教育局' })
const school = await t.make.unit({ department: education, name: '公开中学' })
const project = await t.make.project({ unit: school, code: 'PUB-1', name: '校舍维修' })

const goal = (annualTarget: string): PublicGoal => ({
  projectCode: 'PUB-1', projectName: '校舍维修', departmentCode: education.code, departmentName: '公开教育局', unitName: '公开中学',
  fiscalYear: 2026, budget: '100.00', overallTarget: '改善校舍', annualTarget, indicators: [{ level1: '产出指标', level2: '数量指标', name: '维修面积', target: '≥1000', unit: '平方米' }],
})
const copyOf = (annualTarget: string) => ({ kind: 'goal' as const, jurisdictionCode: city.code, fiscalYear: 2026, departmentCode: education.code, recordKey: 'PUB-1', sourceType: 'goal', sourceId: project.id, title: '校舍维修', payload: goal(annualTarget) })
const live = () => liveCopies(t.db).select(['id', 'payload']).where('sourceId', '=', project.id).execute()

describe('public copies', () => {
  test('republishing supersedes the live copy; the earlier copy stays on record', async () => {
    const ctx = systemContext(t.clock, 'test')
    const first = await t.db.transaction().execute((trx) => publishCopy(trx, ctx, copyOf('第一版')))
    const second = await t.db.transaction().execute((trx) => publishCopy(trx, ctx, copyOf('第二版')))
    expect(second).not.toBe(first)
    const rows = await live()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: second, payload: { annualTarget: '第二版' } })
    expect((await copyHistory(t.db, { kind: 'goal', sourceId: project.id })).map((r) => r.id).sort()).toEqual([first, second].sort())
    const audit = await t.db.selectFrom('auditLog').select(['action', 'entityId']).where('action', '=', 'public_record.publish').where('entityId', 'in', [first, second]).execute()
    expect(audit).toHaveLength(2)
  })

  test('a withdrawal takes the record off the live copies, with its reason', async () => {
    const ctx = systemContext(t.clock, 'test')
    expect(await t.db.transaction().execute((trx) => withdrawCopy(trx, ctx, { kind: 'goal', sourceId: project.id }, '涉密'))).toBe(true)
    expect(await live()).toEqual([])
    expect(await t.db.transaction().execute((trx) => withdrawCopy(trx, ctx, { kind: 'goal', sourceId: project.id }, '涉密'))).toBe(false)
    const history = await copyHistory(t.db, { kind: 'goal', sourceId: project.id })
    expect(history.filter((r) => r.withdrawnAt).map((r) => r.withdrawalReason)).toEqual(['涉密'])
  })

  test('a withdrawal needs its reason (the database refuses one without)', async () => {
    await expect(t.db.updateTable('publicRecord').set({ withdrawnAt: t.clock.now() }).where('sourceId', '=', project.id).execute()).rejects.toThrow()
  })
})
