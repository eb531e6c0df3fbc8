import { expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { makeForm, makeRound } from '../../test/factories.monitoring-forms.ts'

const t = await createTestContext()
const district = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: district })
const school = await t.make.unit({ department: edu })
const otherSchool = await t.make.unit({ department: edu })
const round = await makeRound(t, { jurisdiction: district })
const closed = await makeRound(t, { jurisdiction: district, status: 'closed' })
const agency = await t.make.user({ role: 'agency_user', org: district })

await makeForm(t, { round, unit: school })
await makeForm(t, { round, unit: school, status: 'returned' })
await makeForm(t, { round, unit: otherSchool })
await makeForm(t, { round: closed, unit: school })
await makeForm(t, { round, unit: school, status: 'submitted', agencyUserId: agency.id })
await makeForm(t, { round, unit: otherSchool, status: 'dept_accepted' })
await makeForm(t, { round, department: edu })

async function todos(user: Parameters<typeof t.as>[0]) {
  const home = (await (await t.as(user)).get('/api/home')).json()
  return Object.fromEntries(home.todos.filter((x: { key: string }) => x.key.startsWith('monitoring')).map((x: { key: string; count: number }) => [x.key, x.count]))
}

test('each role’s monitoring to-dos on the home page, within its scope and open rounds only', async () => {
  expect(await todos(await t.make.user({ role: 'unit_user', org: school }))).toEqual({ monitoringToFill: 2 })
  expect(await todos(await t.make.user({ role: 'dept_user', org: edu }))).toEqual({ monitoringToFill: 1, monitoringToReview: 1 })
  expect(await todos(await t.make.user({ role: 'finance_reviewer', org: district }))).toEqual({ monitoringToReview: 1 })
  expect(await todos(agency)).toEqual({ monitoringToVerify: 1 })
  expect(await todos(await t.make.user({ role: 'viewer', org: district }))).toEqual({})
})
