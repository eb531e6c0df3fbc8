import { describe, expect, test } from 'vitest'
import { type Role, roleOrgKinds, roles } from '../../domain/roles.ts'
import { expectedPermissions } from './expected-permissions.ts'
import type { OrgNode } from '../db/schema.ts'
import { createTestContext } from './context.ts'
import { buildWorld, call, type Endpoint, endpoints, type Scope, type World } from './endpoints.ts'

/**
 * Every endpoint × anonymous and every role × own and other scope, with the exact status each must get.
 * The expectation is derived here from four facts only — the endpoint's required permission (the table in
 * endpoints.ts), the role's permissions (written out in expected-permissions.ts, not read from domain/roles.ts),
 * the scope rule "a user sees its own org node and everything below it", and "a bureau acts only on its own
 * jurisdiction's rows" — never from server code.
 */
export async function matrixWorld() {
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

  return { t, w, actors, bureauRoles, placeOf, sees, expectedOutcome, actualOutcome }
}

/** Files the matrix is cut into: authorization-matrix.test.ts and authorization-matrix.slice-1…3.test.ts. */
export const MATRIX_SLICES = 4

export type MatrixWorld = Awaited<ReturnType<typeof matrixWorld>>

/**
 * The matrix is cut into slices, one per test file, so that the two test workers share its ≈150 s; slice `slice`
 * holds every endpoint whose index in the table is `slice` modulo `slices`.
 */
export async function describeMatrixSlice(slice: number, slices: number, world?: MatrixWorld) {
  const { bureauRoles, expectedOutcome, actualOutcome } = world ?? (await matrixWorld())
  describe.each(endpoints.filter((_, i) => i % slices === slice).map((e) => [`${e.method} ${e.route}`, e] as const))('%s', (_, e) => {
    // One test makes a request per role and scope (up to ≈40); a loaded machine needs more than the default 30 s.
    test('answers anonymous and each role exactly as permissions and data scope say', { timeout: 120_000 }, async () => {
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
}
