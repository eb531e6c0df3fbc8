import { describe, expect, test } from 'vitest'
import { permissionsOf, type Role, roles } from '../../domain/roles.ts'
import { describeMatrixSlice, MATRIX_SLICES, matrixWorld } from './authorization-matrix.ts'
import { endpoints, registeredRoutes } from './endpoints.ts'
import { expectedPermissions } from './expected-permissions.ts'

const world = await matrixWorld()
const { t, w, actors, sees, expectedOutcome } = world

// The first slice of the endpoint × role matrix; the others are authorization-matrix.slice-N.test.ts.
await describeMatrixSlice(0, MATRIX_SLICES, world)

describe('the matrix itself', () => {
  test('every /api route the app registers is in the endpoint table, and nothing else is', () => {
    const inTable = endpoints.map((e) => `${e.method} ${e.route}`).sort()
    const registered = registeredRoutes(t.app)
    // Guard the route-tree parser: if it silently found nothing, the comparison would prove nothing.
    expect(registered).toContain('POST /api/users/:id/reset-password')
    expect(registered.length).toBeGreaterThan(30)
    expect(registered).toEqual(inTable)
  })

  test('each role holds exactly the permissions written out for it', () => {
    for (const role of roles) expect(permissionsOf([role]), role).toEqual([...expectedPermissions[role]])
  })

  test('the expectations are not trivial: each outcome occurs and every role is refused somewhere', () => {
    const all = endpoints.flatMap((e) => roles.flatMap((r) => (['own', 'other'] as const).map((s) => expectedOutcome(r, e, s))))
    for (const o of ['200', '201', '204', '403 FORBIDDEN', '403 SUPERVISION_ONLY', '404 NOT_FOUND']) expect(all).toContain(o)
    for (const role of roles) {
      expect(endpoints.some((e) => expectedOutcome(role, e, 'own') === '403 FORBIDDEN'), role).toBe(true)
    }
  })
})

describe('data scope in lists', () => {
  const kinds = { jurisdiction: 'jurisdictions', department: 'departments', unit: 'units' } as const

  async function visibleNodes(role: Role, kind?: keyof typeof kinds) {
    let q = t.db.selectFrom('orgNode').select(['code', 'path'])
    if (kind) q = q.where('kind', '=', kind)
    return (await q.execute()).filter((n) => sees(role, n.path)).map((n) => n.code).sort()
  }

  const readers = roles.filter((r) => expectedPermissions[r].includes('org.read'))

  test.each(readers)('%s lists exactly the org nodes at or below its place', async (role) => {
    const c = await t.as(actors.get(role)!)
    for (const [kind, path] of Object.entries(kinds) as [keyof typeof kinds, string][]) {
      const res = await c.get(`/api/org/${path}?pageSize=200`)
      expect(res.statusCode).toBe(200)
      const codes = res.json().items.map((n: { code: string }) => n.code).sort()
      expect(codes, `${role} ${kind}`).toEqual(await visibleNodes(role, kind))
    }
  })

  test.each(readers)('%s gets a tree of exactly the nodes at or below its place', async (role) => {
    const res = await (await t.as(actors.get(role)!)).get('/api/org/tree')
    const flatten = (nodes: { code: string; children: unknown[] }[]): string[] =>
      nodes.flatMap((n) => [n.code, ...flatten(n.children as never)])
    expect(flatten(res.json().nodes).sort()).toEqual(await visibleNodes(role))
  })

  test('the scope rule as the issue states it: the city sees its districts, a department its units, a unit itself', async () => {
    const codesFor = async (role: Role, path: string) =>
      (await (await t.as(actors.get(role)!)).get(`/api/org/${path}?pageSize=200`)).json().items.map((n: { code: string }) => n.code)
    const cityView = await codesFor('finance_admin', 'jurisdictions')
    expect(cityView).toEqual(expect.arrayContaining([w.own.city.code, w.own.district.code]))
    expect(cityView).not.toContain(w.other.city.code)
    expect(await codesFor('dept_user', 'units')).toContain(w.own.unit.code)
    expect(await codesFor('dept_user', 'jurisdictions')).toEqual([])
    expect(await codesFor('unit_user', 'units')).toEqual([w.own.unit.code])
    expect(await codesFor('unit_user', 'departments')).toEqual([])
  })

  test.each(roles.filter((r) => expectedPermissions[r].includes('user.read')))('%s lists exactly the users at or below its place, less the other administrators (三员分立)', async (role) => {
    const res = await (await t.as(actors.get(role)!)).get('/api/users?pageSize=200')
    const all = await t.db.selectFrom('appUser').innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode').select(['username', 'path', 'roles']).execute()
    const otherAdmin = (userRoles: string[]) => userRoles.some((r) => ['sys_admin', 'sec_admin', 'audit_admin'].includes(r) && r !== role)
    const expected = all.filter((u) => sees(role, u.path) && !otherAdmin(u.roles)).map((u) => u.username).sort()
    expect(res.json().items.map((u: { username: string }) => u.username).sort()).toEqual(expected)
    expect(expected).toContain(w.own.unitUser.username)
    expect(expected).not.toContain(w.other.unitUser.username)
  })
})
