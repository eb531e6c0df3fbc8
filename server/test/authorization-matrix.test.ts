import { describe, expect, test } from 'vitest'
import { permissionsOf, type Role, roleOrgKinds, roles } from '../../domain/roles.ts'
import { expectedPermissions } from './expected-permissions.ts'
import type { OrgNode } from '../db/schema.ts'
import { createTestContext } from './context.ts'
import { buildWorld, call, type Endpoint, endpoints, registeredRoutes, type Scope, type World } from './endpoints.ts'

/**
 * Every endpoint × anonymous and every role × own and other scope, with the exact status each must get.
 * The expectation is derived here from four facts only — the endpoint's required permission (the table in
 * endpoints.ts), the role's permissions (written out in expected-permissions.ts, not read from domain/roles.ts),
 * the scope rule "a user sees its own org node and everything below it", and "a bureau acts only on its own
 * jurisdiction's rows" — never from server code.
 */
const t = await createTestContext()
const w: World = await buildWorld(t)

/**
 * Where each role sits: the org kind roleOrgKinds allows, in the "own" city J1 — or, for `atDistrict`, the bureau
 * roles at the district J1 supervises (where the targets of the requests sit).
 */
type Seat = 'city' | 'district'
const bureauRoles = roles.filter((r) => roleOrgKinds[r][0] === 'jurisdiction')
function placeOf(role: Role, seat: Seat = 'city'): OrgNode {
  const kind = roleOrgKinds[role][0]
  return kind === 'jurisdiction' ? w.own[seat] : kind === 'department' ? w.own.department : w.own.unit
}
const actors = new Map<string, { username: string; password: string }>()
for (const role of roles) actors.set(role, await t.make.user({ role, org: placeOf(role) }))
for (const role of bureauRoles) actors.set(`${role}@district`, await t.make.user({ role, org: placeOf(role, 'district') }))

/** The scope rule: a node is visible to whoever sits at it or above it. */
const sees = (role: Role, path: string, seat: Seat = 'city') => path.startsWith(placeOf(role, seat).path)

function targetPath(e: Endpoint, scope: Scope): string | null {
  if (!e.target) return null
  const tree = w[scope]
  return e.target === 'unitUser' ? tree.unit.path : tree[e.target].path
}

const errorCodes: Record<number, string> = { 401: 'AUTH_REQUIRED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }
const outcome = (status: number) => (errorCodes[status] ? `${status} ${errorCodes[status]}` : String(status))

function expectedOutcome(role: Role | null, e: Endpoint, scope: Scope, seat: Seat = 'city'): string {
  if (e.access === 'public') return outcome(e.ok)
  if (role === null) return outcome(401)
  const granted = expectedPermissions[role]
  const hasAccess = e.access === 'session' || granted.includes(e.access) || (!!e.alsoAccess && granted.includes(e.alsoAccess))
  if (e.routeAccess && !granted.includes(e.routeAccess)) return outcome(403)
  if (!e.routeAccess && !hasAccess) return outcome(403)
  const path = targetPath(e, scope)
  const assignedOnly = e.assignedOnly && (role === 'agency_user' || role === 'expert')
  const visible = !assignedOnly && (path === null || sees(role, path, seat) || (e.sees === 'chain' && placeOf(role, seat).path.startsWith(path)))
  if (!visible) return e.scopeRefusal ?? outcome(404)
  if (!hasAccess) return outcome(403)
  if (e.onlyAt && !e.onlyAt.includes(roleOrgKinds[role][0]!)) return outcome(403)
  // The targets sit in the district: a bureau at the city above it supervises, read-only.
  if (e.ownJurisdictionOnly && roleOrgKinds[role][0] === 'jurisdiction' && seat === 'city') return e.supervisionRefusal ?? '403 SUPERVISION_ONLY'
  return outcome(e.ok)
}

async function actualOutcome(role: Role | null, e: Endpoint, scope: Scope, seat: Seat = 'city'): Promise<string> {
  const { url, body } = await e.request(w, scope)
  let cookie: string | null = null
  if (role) {
    const actor = actors.get(seat === 'city' ? role : `${role}@district`)!
    cookie = e.freshSession ? await t.login(actor.username, actor.password) : (await t.as(actor)).cookie
  }
  const res = await call(t, e.method, url, body, cookie)
  if (res.statusCode < 400) return String(res.statusCode)
  return `${res.statusCode} ${res.json().error?.code}`
}

describe.each(endpoints.map((e) => [`${e.method} ${e.route}`, e] as const))('%s', (_, e) => {
  test('answers anonymous and each role exactly as permissions and data scope say', async () => {
    const expected: Record<string, string> = {}
    const actual: Record<string, string> = {}
    for (const role of [null, ...roles]) {
      for (const scope of e.target ? (['own', 'other'] as const) : (['own'] as const)) {
        const key = `${role ?? 'anonymous'} / ${e.target ? scope : 'no target'}`
        expected[key] = expectedOutcome(role, e, scope)
        actual[key] = await actualOutcome(role, e, scope)
      }
    }
    // Where a bureau acts only on its own jurisdiction, the bureau roles also try from the district's own bureau.
    for (const role of e.ownJurisdictionOnly ? bureauRoles : []) {
      for (const scope of ['own', 'other'] as const) {
        const key = `${role} at the district / ${scope}`
        expected[key] = expectedOutcome(role, e, scope, 'district')
        actual[key] = await actualOutcome(role, e, scope, 'district')
      }
    }
    expect(actual).toEqual(expected)
  })
})

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
