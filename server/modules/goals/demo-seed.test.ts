import { beforeAll, describe, expect, test } from 'vitest'
import { sectorOfDepartment } from '../../../domain/classify.ts'
import { indicatorFitsProject, projectKindsOf } from '../../../domain/indicator-fit.ts'
import { createTestContext } from '../../test/context.ts'
import { DEMO_PASSWORD } from '../org/demo-region.data.ts'
import { seedDemo } from '../org/demo-seed.ts'

const t = await createTestContext()

// What a unit is offered when it fills a goal (the most the API gives): the demo's goals are mostly filled from it.
// Seeding ranks once per kind of project (its topic, without the unit's name), and a group none of the
// recommendations fits takes a fitting library indicator, so not every pick is in the project's own top list.
const TOP_N = 50
const MIN_SHARE = 0.8

beforeAll(async () => {
  await seedDemo(t.db, { actor: null, requestId: 'test', clientIp: 'local', now: t.clock.now(), lang: 'zh' })
}, 600_000)

async function goalIndicators() {
  return t.db
    .selectFrom('goalIndicator as gi')
    .innerJoin('goal', 'goal.id', 'gi.goalId')
    .innerJoin('project', 'project.id', 'goal.projectId')
    .innerJoin('orgNode as department', 'department.code', 'project.departmentCode')
    .innerJoin('indicator', 'indicator.id', 'gi.indicatorId')
    .select(['project.id as projectId', 'project.name as project', 'project.description', 'department.name as department'])
    .select(['indicator.code', 'indicator.name', 'indicator.sectors', 'indicator.projectKinds'])
    .orderBy('project.code')
    .orderBy('gi.sortOrder')
    .execute()
}

describe('demo goals fit their projects', () => {
  test('no demo goal uses an indicator made for another kind of project or another sector', async () => {
    const rows = await goalIndicators()
    expect(rows.length).toBeGreaterThan(5000)
    const misfits = rows
      .filter((r) => !indicatorFitsProject(r, { kinds: projectKindsOf(r.project, r.description), sector: sectorOfDepartment(r.department) }))
      .map((r) => `${r.project}: ${r.name}`)
    expect(misfits).toEqual([])
  })

  test('a school’s 课后服务 promises no new school buildings; a 质量检测 service no pocket parks', async () => {
    const rows = await goalIndicators()
    const afterSchool = rows.filter((r) => r.project.includes('课后服务'))
    const inspection = rows.filter((r) => r.project.includes('质量检测'))
    expect(afterSchool.length).toBeGreaterThan(0)
    expect(inspection.length).toBeGreaterThan(0)
    expect(afterSchool.filter((r) => /校舍|学位|建设|工程/.test(r.name))).toEqual([])
    expect(inspection.filter((r) => /公园|绿地|建成|新建/.test(r.name))).toEqual([])
  })

  test('most of a goal’s indicators are among its project’s top recommendations', { timeout: 300_000 }, async () => {
    const rows = await goalIndicators()
    const projects = [...new Set(rows.map((r) => r.projectId))]
    // Every 60th project, and the two the issue named.
    const sample = new Set([...projects.filter((_, i) => i % 60 === 0), ...rows.filter((r) => /课后服务|质量检测/.test(r.project)).map((r) => r.projectId).slice(0, 4)])
    const bureau = await t.as({ username: 'sz_finance_admin', password: DEMO_PASSWORD })
    const outside: string[] = []
    let picks = 0
    for (const projectId of sample) {
      const res = await bureau.get(`/api/indicators/recommend?projectId=${projectId}&limit=${TOP_N}`)
      expect(res.statusCode).toBe(200)
      const recommended = new Set(res.json().items.map((i: { code: string }) => i.code))
      for (const r of rows.filter((x) => x.projectId === projectId)) {
        picks++
        if (!recommended.has(r.code)) outside.push(`${r.project}: ${r.name}`)
      }
    }
    expect(sample.size).toBeGreaterThan(20)
    expect(1 - outside.length / picks, outside.join('\n')).toBeGreaterThanOrEqual(MIN_SHARE)
  })
})
