import type { Permission } from '../../domain/roles.ts'
import type { OrgNode } from '../db/schema.ts'
import { TEST_PASSWORD, type TestContext } from './context.ts'
import { exAnteEndpoints } from './endpoints.exante.ts'
import { executionEndpoints } from './endpoints.execution.ts'
import { correctiveActionEndpoints } from './endpoints.actions.ts'
import { goalEndpoints } from './endpoints.goals.ts'
import { goalExcelEndpoints } from './endpoints.goals-excel.ts'
import { indicatorEndpoints } from './endpoints.indicators.ts'
import { monitoringRoundEndpoints } from './endpoints.monitoring-rounds.ts'
import { jobEndpoints } from './endpoints.jobs.ts'
import { monitoringFormEndpoints } from './endpoints.monitoring-forms.ts'
import { monitoringDashboardEndpoints } from './endpoints.monitoring-dashboard.ts'
import { keyEvaluationEndpoints } from './endpoints.key-evaluations.ts'
import { agencyEndpoints } from './endpoints.agencies.ts'
import { expertEndpoints } from './endpoints.experts.ts'
import { selfEvaluationEndpoints } from './endpoints.self-evaluation.ts'
import { spotCheckEndpoints } from './endpoints.spot-checks.ts'
import { evaluationDashboardEndpoints } from './endpoints.evaluation-dashboard.ts'
import { assessmentEndpoints } from './endpoints.assessments.ts'
import { budgetDecisionEndpoints } from './endpoints.budget-decisions.ts'
import { rectificationEndpoints } from './endpoints.rectifications.ts'
import { resultsRecordEndpoints } from './endpoints.results-records.ts'
import { resultsViewEndpoints } from './endpoints.results-views.ts'
import { npcEndpoints } from './endpoints.npc.ts'
import { disclosureEndpoints } from './endpoints.disclosure.ts'
import { cockpitEndpoints } from './endpoints.cockpit.ts'
import { seedFrameworks } from '../modules/indicators/indicators.seed.ts'
import { fresh } from './fresh.ts'

/**
 * Every HTTP endpoint of the API, written down by hand: who may call it, what success looks like, which
 * org node decides its data scope, one valid request, and which inputs it validates. The authorization
 * matrix and the bad-input tests are driven from this list, and a test fails when the app has a route
 * that is missing here — so a new endpoint cannot skip either.
 */

/** One city's part of the org tree: city → district → department → unit, and a unit user to act on. */
export interface Tree {
  city: OrgNode
  district: OrgNode
  department: OrgNode
  unit: OrgNode
  unitUser: { id: string; username: string; orgCode: string }
}

/** "own": the city the actors sit in (J1); "other": a separate city (J2) nobody of J1 may see. */
export interface World {
  t: TestContext
  own: Tree
  other: Tree
  loginUser: { username: string; password: string }
}

export type Scope = 'own' | 'other'
export type Access = 'public' | 'session' | Permission
/** The node of a Tree whose visibility decides the outcome (a user is visible where its org node is). */
export type Target = 'city' | 'district' | 'department' | 'unit' | 'unitUser'
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface Endpoint {
  method: Method
  route: string
  access: Access
  ok: 200 | 201 | 204 | 302
  target?: Target
  /**
   * When the needed permission depends on the row (a status move), the route first asks only for this one,
   * then applies scope (404), then the row's own permission (`access`, 403).
   */
  routeAccess?: Permission
  /**
   * The outcome when the target is out of the caller's scope, if not 404: an import names its unit in a row of
   * the file, so an out-of-scope unit is a row error (422 IMPORT_INVALID), not a missing resource.
   */
  scopeRefusal?: string
  /**
   * How the target's visibility is decided: 'below' (default) — the caller sits at or above it; 'chain' — also
   * when the target is above the caller (an inherited library or rule set).
   */
  sees?: 'below' | 'chain'
  /**
   * Third-party agencies and experts see such a row only when it is assigned to them, and they read no projects;
   * the requests assign nobody, so they are "not found" to them.
   */
  assignedOnly?: true
  /** A second permission that also lets a caller in (experts read the goals assigned to them). */
  alsoAccess?: Permission
  /** The move belongs to callers sitting at these kinds of org node (初审 at a department, 复审 at a bureau); others get 403. */
  onlyAt?: ('jurisdiction' | 'department' | 'unit')[]
  /** Only the bureau of the row's own jurisdiction acts; a bureau above it sees the row but gets 403 SUPERVISION_ONLY. */
  ownJurisdictionOnly?: true
  /** The outcome for a bureau above the row, if not 403 SUPERVISION_ONLY: an import refuses the row (422 IMPORT_INVALID). */
  supervisionRefusal?: string
  /** Logging out ends the session, so it runs on a session of its own. */
  freshSession?: true
  request(w: World, scope: Scope): Promise<{ url: string; body?: unknown }>
  /** Required body fields; every other field of the valid body is optional. */
  requiredBody?: string[]
  /** Query parameters with a value each that must be refused. */
  badQuery?: Record<string, string>
  /** A path parameter value that must be refused. */
  badParam?: string
}

export async function buildWorld(t: TestContext): Promise<World> {
  const tree = async (): Promise<Tree> => {
    const city = await t.make.jurisdiction()
    const district = await t.make.jurisdiction({ parent: city })
    const department = await t.make.department({ jurisdiction: district })
    const unit = await t.make.unit({ department })
    const unitUser = await t.make.user({ role: 'unit_user', org: unit })
    return { city, district, department, unit, unitUser }
  }
  await seedFrameworks(t.db, new Date())
  const own = await tree()
  const other = await tree()
  const loginUser = await t.make.user({ role: 'viewer', org: own.city })
  return { t, own, other, loginUser }
}

let serial = 0

const orgVersion = async (w: World, code: string) =>
  (await w.t.db.selectFrom('orgNode').select('version').where('code', '=', code).executeTakeFirstOrThrow()).version
const userVersion = async (w: World, id: string) =>
  (await w.t.db.selectFrom('appUser').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version
const settingsVersion = async (w: World) =>
  (await w.t.db.selectFrom('setting').select('version').where('key', '=', 'security').executeTakeFirst())?.version ?? 0

const tooLong = 'x'.repeat(500)
const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', status: 'gone', q: tooLong }
const auditQuery = { page: '0', pageSize: 'many', order: 'up', from: 'yesterday-ish', to: 'soon', username: tooLong, action: tooLong, entityType: tooLong, entityId: tooLong }

const get = (route: string, access: Access, extra: Partial<Endpoint> = {}): Endpoint => ({
  method: 'GET',
  route,
  access,
  ok: 200,
  request: async () => ({ url: route }),
  ...extra,
})

function orgEndpoints(
  kind: 'jurisdictions' | 'departments' | 'units',
  self: Target,
  parent: Target,
  newBody: (parent: OrgNode) => Record<string, unknown>,
  filters: Record<string, string>,
): Endpoint[] {
  const base = `/api/org/${kind}`
  const node = (w: World, scope: Scope) => w[scope][self] as OrgNode
  return [
    get(base, 'org.read', { badQuery: { ...listQuery, ...filters } }),
    get(`${base}/export`, 'org.read', { badQuery: { ...listQuery, ...filters } }),
    get(`${base}/:code`, 'org.read', { target: self, badParam: '!!', request: async (w, s) => ({ url: `${base}/${node(w, s).code}` }) }),
    {
      method: 'POST',
      route: base,
      access: 'org.manage',
      ok: 201,
      target: parent,
      request: async (w, s) => ({ url: base, body: newBody(w[s][parent] as OrgNode) }),
      requiredBody: Object.keys(newBody({ code: 'X' } as OrgNode)),
    },
    {
      method: 'PATCH',
      route: `${base}/:code`,
      access: 'org.manage',
      ok: 200,
      target: self,
      badParam: 'x'.repeat(40),
      request: async (w, s) => ({ url: `${base}/${node(w, s).code}`, body: { name: fresh('改名'), version: await orgVersion(w, node(w, s).code) } }),
      requiredBody: ['version'],
    },
  ]
}

const userById = (suffix: string, access: Permission, body: (w: World, id: string) => Promise<Record<string, unknown>>): Endpoint => ({
  method: 'POST',
  route: `/api/users/:id${suffix}`,
  access,
  ok: 200,
  target: 'unitUser',
  badParam: 'not-a-uuid',
  request: async (w, s) => ({ url: `/api/users/${w[s].unitUser.id}${suffix}`, body: await body(w, w[s].unitUser.id) }),
  requiredBody: suffix === '/unlock' ? ['version'] : ['password', 'version'],
})

const docs = ['/api/docs', '/api/docs/', '/api/docs/static/swagger-initializer.js', '/api/docs/json', '/api/docs/yaml']

export const endpoints: Endpoint[] = [
  get('/api/health', 'public'),
  get('/api/health/live', 'public'),
  get('/api/health/ready', 'public'),
  get('/api/openapi.json', 'public'),
  ...docs.map((route) => get(route, 'public')),
  // Swagger UI's own page redirects to /api/docs/; its assets are served by a wildcard.
  get('/api/docs/static/index.html', 'public', { ok: 302 }),
  get('/api/docs/*', 'public', { request: async () => ({ url: '/api/docs/static/swagger-ui.css' }) }),

  {
    method: 'POST',
    route: '/api/auth/login',
    access: 'public',
    ok: 200,
    request: async (w) => ({ url: '/api/auth/login', body: { username: w.loginUser.username, password: w.loginUser.password } }),
    requiredBody: ['username', 'password'],
  },
  { method: 'POST', route: '/api/auth/logout', access: 'session', ok: 204, freshSession: true, request: async () => ({ url: '/api/auth/logout' }) },
  get('/api/auth/me', 'session'),
  get('/api/home', 'session'),
  {
    method: 'POST',
    route: '/api/auth/password',
    access: 'session',
    ok: 204,
    // The same password again: the policy allows it, and the actor can still sign in afterwards.
    request: async () => ({ url: '/api/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }),
    requiredBody: ['currentPassword', 'newPassword'],
  },

  get('/api/org/tree', 'org.read'),
  ...orgEndpoints(
    'jurisdictions',
    'district',
    'city',
    (p) => ({ code: fresh('J'), name: '新区', level: 'district', parentCode: p.code, financeBureauName: '新区财政局' }),
    { parentCode: '!' },
  ),
  ...orgEndpoints('departments', 'department', 'district', (p) => ({ code: fresh('D'), name: '新部门', jurisdictionCode: p.code }), {
    jurisdictionCode: '!',
  }),
  ...orgEndpoints('units', 'unit', 'department', (p) => ({ code: fresh('U'), name: '新单位', departmentCode: p.code }), {
    jurisdictionCode: 'x'.repeat(33),
    departmentCode: '!',
  }),

  get('/api/users', 'user.read', { badQuery: { ...listQuery, role: 'emperor', orgCode: '!' } }),
  get('/api/users/export', 'user.read', { badQuery: { ...listQuery, role: 'emperor', orgCode: '!' } }),
  get('/api/users/:id', 'user.read', { target: 'unitUser', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/users/${w[s].unitUser.id}` }) }),
  {
    method: 'POST',
    route: '/api/users',
    access: 'user.manage',
    ok: 201,
    target: 'unit',
    request: async (w, s) => ({
      url: '/api/users',
      body: { username: fresh('new_user_'), displayName: '新用户', password: 'Fresh#Pass123', orgCode: w[s].unit.code, roles: ['unit_user'] },
    }),
    requiredBody: ['username', 'displayName', 'password', 'orgCode', 'roles'],
  },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    access: 'user.manage',
    ok: 200,
    target: 'unitUser',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/users/${w[s].unitUser.id}`, body: { displayName: fresh('改名'), version: await userVersion(w, w[s].unitUser.id) } }),
    requiredBody: ['version'],
  },
  userById('/unlock', 'user.unlock', async (w, id) => ({ version: await userVersion(w, id) })),
  userById('/reset-password', 'user.manage', async (w, id) => ({ password: 'Reset#Pass456', version: await userVersion(w, id) })),

  get('/api/audit', 'audit.read', { badQuery: auditQuery }),
  get('/api/audit/export', 'audit.read', { badQuery: auditQuery }),
  get('/api/audit/checkpoint', 'audit.read'),
  { method: 'POST', route: '/api/audit/verify', access: 'audit.read', ok: 200, request: async () => ({ url: '/api/audit/verify', body: {} }) },

  get('/api/settings/security', 'settings.manage'),
  {
    method: 'PUT',
    route: '/api/settings/security',
    access: 'settings.manage',
    ok: 200,
    request: async (w) => ({
      url: '/api/settings/security',
      body: { passwordMinLength: 8, passwordMinClasses: 3, maxFailedLogins: 5, lockoutMinutes: 15, accountMaxFailedLogins: 50, sessionIdleMinutes: 30, sessionMaxHours: 12, version: await settingsVersion(w) },
    }),
    requiredBody: ['passwordMinLength', 'passwordMinClasses', 'maxFailedLogins', 'lockoutMinutes', 'accountMaxFailedLogins', 'sessionIdleMinutes', 'sessionMaxHours', 'version'],
  },
]

/** A fresh reserve project in the scope's unit, so every request acts on a row in a known state. */
const freshProject = (w: World, s: Scope) => w.t.make.project({ unit: w[s].unit, code: fresh('EP') })

const projectListQuery = {
  ...listQuery,
  sort: 'nope',
  status: 'gone',
  fiscalYear: 'last',
  budgetKind: 'cash',
  objectKind: 'thing',
  attribute: 'old',
  projectType: 'sometimes',
  minAmount: '1.234',
  maxAmount: '-5',
  isMajorNew: 'maybe',
  jurisdictionCode: '!',
  departmentCode: 'x'.repeat(33),
  unitCode: '!',
  amountUnit: 'lakh',
}

export const projectEndpoints: Endpoint[] = [
  get('/api/projects', 'project.read', { badQuery: projectListQuery }),
  {
    method: 'POST',
    route: '/api/projects',
    access: 'project.edit',
    ok: 201,
    ownJurisdictionOnly: true,
    target: 'unit',
    request: async (w, s) => ({ url: '/api/projects', body: newProjectBody(w[s].unit.code) }),
    requiredBody: ['name', 'fiscalYear', 'unitCode', 'budgetKind', 'attribute', 'projectType', 'objectKind', 'periodStartYear', 'periodEndYear', 'mediumTermAmount', 'amountGeneral'],
  },
  get('/api/projects/:id', 'project.read', { target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/projects/${(await freshProject(w, s)).id}` }) }),
  get('/api/projects/:id/history', 'project.read', { target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/projects/${(await freshProject(w, s)).id}/history` }) }),
  {
    method: 'PATCH',
    route: '/api/projects/:id',
    access: 'project.edit',
    ok: 200,
    ownJurisdictionOnly: true,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const p = await freshProject(w, s)
      return { url: `/api/projects/${p.id}`, body: { name: fresh('改名项目'), version: p.version } }
    },
    requiredBody: ['version'],
  },
  {
    method: 'DELETE',
    route: '/api/projects/:id',
    access: 'project.edit',
    ok: 204,
    ownJurisdictionOnly: true,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const p = await freshProject(w, s)
      return { url: `/api/projects/${p.id}`, body: { version: p.version } }
    },
    requiredBody: ['version'],
  },
  {
    // 入库 (reserve → library) is the department's and the bureau's move.
    method: 'POST',
    route: '/api/projects/:id/status',
    access: 'project.review',
    ownJurisdictionOnly: true,
    routeAccess: 'project.read',
    ok: 200,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const p = await freshProject(w, s)
      return { url: `/api/projects/${p.id}/status`, body: { status: 'library', version: p.version } }
    },
    requiredBody: ['status', 'version'],
  },
]

/** A multipart/form-data body with one file, as a browser's upload sends it. */
export class MultipartBody {
  readonly boundary = `----jixiao${++serial}`
  constructor(
    readonly fileName: string,
    readonly content: Buffer,
    readonly contentType = 'application/pdf',
  ) {}
  payload() {
    const head = `--${this.boundary}\r\nContent-Disposition: form-data; name="file"; filename="${this.fileName}"\r\nContent-Type: ${this.contentType}\r\n\r\n`
    return Buffer.concat([Buffer.from(head), this.content, Buffer.from(`\r\n--${this.boundary}--\r\n`)])
  }
}

/**
 * A city 转移支付 project allocating to the tree's district, and a district project to receive it. The city project
 * borrows the tree's unit codes (the tree has no unit at the city), so building the request writes no org node.
 */
async function transferShare(w: World, s: Scope) {
  const source = await w.t.make.project({ unit: { ...w[s].unit, jurisdictionCode: w[s].city.code }, code: fresh('TS'), objectKind: 'transfer' })
  await w.t.db.insertInto('transferAllocationPlan').values({ projectId: source.id, updatedBy: null, updatedAt: new Date() }).execute()
  await w.t.db.insertInto('transferAllocation').values({ projectId: source.id, districtCode: w[s].district.code, amount: '1.00' }).execute()
  return { source, receiver: await freshProject(w, s) }
}

const attachment = async (w: World, s: Scope) => {
  const p = await freshProject(w, s)
  const file = await w.t.db.insertInto('storedFile').values({ sha256: '0'.repeat(64), fileName: '实施方案.pdf', contentType: 'application/pdf', sizeBytes: 3, content: Buffer.from('pdf') }).returning('id').executeTakeFirstOrThrow()
  const link = await w.t.db.insertInto('projectAttachment').values({ projectId: p.id, fileId: file.id }).returning('id').executeTakeFirstOrThrow()
  return `/api/projects/${p.id}/attachments/${link.id}`
}

projectEndpoints.push(
  get('/api/projects/:id/attachments', 'project.read', { target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/projects/${(await freshProject(w, s)).id}/attachments` }) }),
  {
    method: 'POST',
    route: '/api/projects/:id/attachments',
    access: 'project.edit',
    ok: 201,
    ownJurisdictionOnly: true,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/projects/${(await freshProject(w, s)).id}/attachments`, body: new MultipartBody('实施方案.pdf', Buffer.from('%PDF-1.4 demo')) }),
  },
  get('/api/projects/:id/attachments/:attachmentId', 'project.read', { target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: await attachment(w, s) }) }),
  { method: 'DELETE', route: '/api/projects/:id/attachments/:attachmentId', access: 'project.edit', ok: 204, ownJurisdictionOnly: true, target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: await attachment(w, s) }) },
  get('/api/projects/:id/transfer-allocations', 'project.read', { target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/projects/${(await freshProject(w, s)).id}/transfer-allocations` }) }),
  {
    method: 'PUT',
    route: '/api/projects/:id/transfer-allocations',
    access: 'project.edit',
    ok: 200,
    ownJurisdictionOnly: true,
    target: 'unit',
    badParam: 'not-a-uuid',
    requiredBody: ['version', 'items'],
    request: async (w, s) => ({ url: `/api/projects/${(await w.t.make.project({ unit: w[s].unit, code: fresh('TP'), objectKind: 'transfer' })).id}/transfer-allocations`, body: { version: 0, items: [] } }),
  },
  get('/api/projects/:id/transfer-sources', 'project.read', { target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/projects/${(await freshProject(w, s)).id}/transfer-sources` }) }),
  {
    method: 'PUT',
    route: '/api/projects/:id/transfer-source',
    access: 'project.edit',
    ok: 200,
    ownJurisdictionOnly: true,
    target: 'unit',
    badParam: 'not-a-uuid',
    requiredBody: ['sourceProjectId', 'version', 'link'],
    request: async (w, s) => {
      const { source, receiver } = await transferShare(w, s)
      return { url: `/api/projects/${receiver.id}/transfer-source`, body: { sourceProjectId: source.id, version: 1, link: true } }
    },
  },
)

const { page: _page, pageSize: _pageSize, ...projectExportQuery } = projectListQuery

/** An import file (CSV) of one new project of the unit, with a code never used before. */
export function projectImportCsv(unitCode: string): Buffer {
  const header = '项目编码,项目名称,预算年度,预算单位编码,预算类别,项目属性,项目类型,项目类别,实施期开始年度,实施期结束年度,中期资金总额（元）,一般公共预算资金（元）'
  const row = [fresh('IMP'), '2026年导入测试项目', 2026, unitCode, '一般公共预算', '新增', '一次性', '一般项目', 2026, 2026, '1234567.89', '1234567.89'].join(',')
  return Buffer.from(`${header}\r\n${row}\r\n`)
}

projectEndpoints.push(
  get('/api/projects/import-template', 'project.edit', { badQuery: { amountUnit: 'lakh' } }),
  {
    method: 'POST',
    route: '/api/projects/import',
    access: 'project.edit',
    ok: 200,
    target: 'unit',
    scopeRefusal: '422 IMPORT_INVALID',
    ownJurisdictionOnly: true,
    supervisionRefusal: '422 IMPORT_INVALID',
    request: async (w, s) => ({ url: '/api/projects/import', body: new MultipartBody('项目.csv', projectImportCsv(w[s].unit.code), 'text/csv') }),
    badQuery: { dryRun: 'maybe', background: 'later' },
  },
  get('/api/projects/export', 'project.read', { badQuery: projectExportQuery }),
)

export function newProjectBody(unitCode: string) {
  return {
    code: fresh('NP'),
    name: '2026年测试培训项目',
    fiscalYear: 2026,
    unitCode,
    budgetKind: 'general',
    attribute: 'new',
    projectType: 'one_off',
    objectKind: 'general',
    periodStartYear: 2026,
    periodEndYear: 2026,
    mediumTermAmount: '1234567.89',
    amountGeneral: '1234567.89',
  }
}

endpoints.push(...projectEndpoints, ...indicatorEndpoints, ...exAnteEndpoints, ...goalEndpoints, ...goalExcelEndpoints)
endpoints.push(...monitoringRoundEndpoints)
endpoints.push(...jobEndpoints)
endpoints.push(...executionEndpoints)
endpoints.push(...monitoringFormEndpoints)
endpoints.push(...correctiveActionEndpoints)
endpoints.push(...monitoringDashboardEndpoints)
endpoints.push(...keyEvaluationEndpoints)
endpoints.push(...agencyEndpoints, ...expertEndpoints)
endpoints.push(...selfEvaluationEndpoints)
endpoints.push(...spotCheckEndpoints)
endpoints.push(...evaluationDashboardEndpoints)
endpoints.push(...assessmentEndpoints)
endpoints.push(...budgetDecisionEndpoints)
endpoints.push(...rectificationEndpoints)
endpoints.push(...resultsRecordEndpoints)
endpoints.push(...resultsViewEndpoints)
endpoints.push(...npcEndpoints)
endpoints.push(...disclosureEndpoints)
endpoints.push(...cockpitEndpoints)

/** Sends one request the way a browser would: JSON body, the session cookie if any. */
export async function call(t: TestContext, method: Method, url: string, body: unknown, cookie: string | null) {
  const multipart = body instanceof MultipartBody
  return t.app.inject({
    method,
    url,
    payload: multipart ? body.payload() : body === undefined ? undefined : (body as object),
    headers: { ...(cookie ? { cookie } : {}), ...(multipart ? { 'content-type': `multipart/form-data; boundary=${body.boundary}` } : {}) },
  })
}

/** The API's routes as Fastify registered them (HEAD twins left out), from its route tree printout. */
export function registeredRoutes(app: TestContext['app']): string[] {
  const found: string[] = []
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!match) continue
    const depth = match[1]!.length / 4
    stack.length = depth
    stack.push(match[2]!)
    const path = stack.join('')
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') found.push(`${method} ${path}`)
  }
  return found.filter((r) => r.split(' ')[1]!.startsWith('/api')).sort()
}
