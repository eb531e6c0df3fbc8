import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeAssessment } from '../../test/endpoints.exante.ts'
import { makeAction } from '../../test/factories.monitoring-actions.ts'

const t = await createTestContext()
const city = await t.make.jurisdiction()
const district = await t.make.jurisdiction({ parent: city })
const edu = await t.make.department({ jurisdiction: district, name: '教育局' })
const school = await t.make.unit({ department: edu, name: '第一中学' })
const otherSchool = await t.make.unit({ department: edu, name: '第二中学' })
const elsewhere = await t.make.jurisdiction({ parent: city })
const elsewhereUnit = await t.make.unit({ department: await t.make.department({ jurisdiction: elsewhere }) })

const reserve = await t.make.project({ unit: school, status: 'reserve', amountGeneral: '100000.00', name: '教师培训项目' })
const library = await t.make.project({ unit: school, status: 'library', amountGeneral: '250000.50', name: '校园安全项目' })
const otherLibrary = await t.make.project({ unit: otherSchool, status: 'library', amountGeneral: '1000000.00' })
await t.make.project({ unit: elsewhereUnit, status: 'library', amountGeneral: '999.99' })

await t.make.goal({ project: reserve, status: 'draft' })
await t.make.goal({ project: library, status: 'dept_approved' })
await t.make.goal({ project: otherLibrary, status: 'submitted' })

const agency = await t.make.user({ role: 'agency_user', org: district })
await makeAssessment(t, { unit: school, projectId: reserve.id })
await makeAssessment(t, { unit: otherSchool, projectId: otherLibrary.id, assignedUserId: agency.id })
await makeAssessment(t, { unit: school, projectId: library.id, scored: true, status: 'submitted' })
await t.make.indicator({ owner: district, status: 'proposed', proposedBy: school })
// 纠偏: a notice to the school awaiting its answer; one the department issued to the other school, answered.
await makeAction(t, { unit: school, projectId: library.id })
await makeAction(t, { unit: otherSchool, projectId: otherLibrary.id, issuer: edu, status: 'responded' })

async function homeOf(role: Parameters<typeof t.make.user>[0]['role'], org: Parameters<typeof t.make.user>[0]['org']) {
  const res = await (await t.as(await t.make.user({ role, org }))).get('/api/home')
  expect(res.statusCode).toBe(200)
  return res.json()
}
const todoCounts = (home: { todos: { key: string; count: number }[] }) => Object.fromEntries(home.todos.map((todo) => [todo.key, todo.count]))
const figure = (home: { projects: { byStatus: { status: string; count: number; amount: string }[] } }, status: string) => home.projects.byStatus.find((s) => s.status === status)

describe('GET /api/home: each role its own to-dos, figures and recent records, within its scope', () => {
  test('a unit: its drafts to finish and its assessment to score; its own projects and money only', async () => {
    const home = await homeOf('unit_user', school)
    expect(todoCounts(home)).toEqual({ goalsWaiting: 1, exanteToAssess: 1, monitoringToFill: 0, actionsToAnswer: 1, rectificationsToAnswer: 0, rectificationsOverdue: 0 })
    expect(figure(home, 'reserve')).toEqual({ status: 'reserve', count: 1, amount: '100000.00' })
    expect(figure(home, 'library')).toEqual({ status: 'library', count: 1, amount: '250000.50' })
    expect(figure(home, 'budgeted')).toEqual({ status: 'budgeted', count: 0, amount: '0.00' })
    expect(home.goals.byStatus).toEqual(expect.arrayContaining([{ status: 'draft', count: 1 }, { status: 'dept_approved', count: 1 }, { status: 'submitted', count: 0 }]))
    expect(home.projects.recent.map((p: { name: string }) => p.name).sort()).toEqual(['教师培训项目', '校园安全项目'])
    expect(home.goals.recent).toHaveLength(2)
  })

  test('a department: the submitted goal to 初审, the reserve project to review, the unassigned draft assessment', async () => {
    const home = await homeOf('dept_user', edu)
    expect(todoCounts(home)).toEqual({ goalsWaiting: 1, exanteToAssess: 1, monitoringToFill: 0, monitoringToReview: 0, actionsToAnswer: 0, actionsToClose: 1, rectificationsToAnswer: 0, rectificationsToVerify: 0, rectificationsOverdue: 0, projectsToReview: 1 })
    expect(figure(home, 'library')).toEqual({ status: 'library', count: 2, amount: '1250000.50' })
  })

  test('a bureau reviewer: the goal to 复审, the assessment to conclude; no other district counted', async () => {
    const home = await homeOf('finance_reviewer', district)
    expect(todoCounts(home)).toEqual({ goalsWaiting: 1, exanteToConclude: 1, monitoringToReview: 0, projectsToReview: 1 })
    expect(figure(home, 'library')).toMatchObject({ count: 2, amount: '1250000.50' })
    expect(home.exante.byStatus).toEqual([{ status: 'draft', count: 2 }, { status: 'submitted', count: 1 }, { status: 'completed', count: 0 }])
  })

  test('a bureau administrator also confirms indicator proposals', async () => {
    expect(todoCounts(await homeOf('finance_admin', district))).toMatchObject({ proposalsToConfirm: 1, actionsToClose: 1 })
  })

  test('the read-only viewer has figures and no to-dos', async () => {
    const home = await homeOf('viewer', district)
    expect(home.todos).toEqual([])
    expect(figure(home, 'library')).toMatchObject({ count: 2 })
  })

  test('an agency sees only the assessment assigned to it: no projects, no goals', async () => {
    const res = await (await t.as(agency)).get('/api/home')
    const home = res.json()
    expect(todoCounts(home)).toEqual({ exanteToAssess: 1, monitoringToVerify: 0 })
    expect(home.projects).toBeNull()
    expect(home.goals).toBeNull()
    expect(home.exante.recent).toEqual([expect.objectContaining({ projectName: otherLibrary.name, status: 'draft' })])
  })

  test('an administrator without business permissions gets an empty page, and an anonymous caller 401', async () => {
    expect(await homeOf('sys_admin', district)).toEqual({ todos: [], projects: null, goals: null, exante: null })
    expect((await t.anon.get('/api/home')).statusCode).toBe(401)
  })
})
