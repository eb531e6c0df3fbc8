import { exAnteDimensions, type ExAnteConclusion, type ExAnteKind, type ExAnteScores, type ExAnteStatus } from '../../domain/exante.ts'
import type { OrgNode } from '../db/schema.ts'
import type { TestContext } from './context.ts'
import type { Endpoint, Scope, World } from './endpoints.ts'
import { fresh } from './fresh.ts'

/**
 * The ex-ante assessment endpoints for the endpoint table, and the fixtures their tests share. Agencies and experts
 * see an assessment only once it is assigned to them, and no project at all: the requests here assign nobody, so
 * every by-id call and every start is "not found" to them (`assignedOnly`).
 */


/** A score for every review point of the kind, e.g. all 9 of 10. */
export function allScores(kind: ExAnteKind = 'project', score = '9', comment = '符合要求'): ExAnteScores {
  return Object.fromEntries(exAnteDimensions[kind].flatMap((d) => d.points.map((p) => [p.code, { score, comment }])))
}

/** An assessment written straight to the table (no audit row), with a fresh reserve project of the unit unless given. */
export async function makeAssessment(
  t: TestContext,
  options: { unit: OrgNode; projectId?: string; scored?: boolean; status?: ExAnteStatus; conclusion?: ExAnteConclusion; assignedUserId?: string },
) {
  const project = options.projectId
    ? await t.db.selectFrom('project').select(['id', 'jurisdictionCode', 'fiscalYear']).where('id', '=', options.projectId).executeTakeFirstOrThrow()
    : await t.make.project({ unit: options.unit, code: fresh('EA') })
  const status = options.status ?? (options.conclusion ? 'completed' : 'draft')
  const scores = options.scored || options.conclusion ? allScores() : {}
  return t.db
    .insertInto('exanteAssessment')
    .values({
      projectId: project.id,
      jurisdictionCode: project.jurisdictionCode,
      fiscalYear: project.fiscalYear,
      kind: 'project',
      assessorKind: options.assignedUserId ? 'agency' : 'unit',
      assessorOrgCode: options.unit.code,
      assignedUserId: options.assignedUserId ?? null,
      dimensionPoints: '20',
      scores: JSON.stringify(scores),
      total: options.scored || options.conclusion ? '90.00' : '0',
      status,
      conclusion: status === 'completed' ? (options.conclusion ?? '予以支持') : null,
      concludedAt: status === 'completed' ? t.clock.now() : null,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

const assessment = (w: World, s: Scope, scored = false) => makeAssessment(w.t, { unit: w[s].unit, scored })

/**
 * An agency user of the assessment's own district (which only its bureau may assign, and the city above it sees),
 * else of the city, where one exists (the matrix makes one per role); validation refuses bad bodies first.
 */
async function agencyUserId(w: World, s: Scope) {
  const user = await w.t.db
    .selectFrom('appUser')
    .select('id')
    .where('orgCode', 'in', [w[s].district.code, w[s].city.code])
    .where((eb) => eb(eb.val('agency_user'), '=', eb.fn.any('roles')))
    .orderBy((eb) => eb.case().when('orgCode', '=', w[s].district.code).then(0).else(1).end())
    .executeTakeFirst()
  return user?.id ?? crypto.randomUUID()
}

const exAnteListQuery = {
  page: 'abc',
  pageSize: '1000',
  order: 'sideways',
  sort: 'nope',
  q: 'x'.repeat(500),
  projectId: 'not-a-uuid',
  status: 'gone',
  conclusion: '支持',
  assessorKind: 'oracle',
  fiscalYear: 'last',
  departmentCode: '!',
}
const { page: _p, pageSize: _s, ...exAnteExportQuery } = exAnteListQuery

const get = (route: string, extra: Partial<Endpoint> = {}): Endpoint => ({ method: 'GET', route, access: 'exante.read', ok: 200, request: async () => ({ url: route }), ...extra })
const onOne = (method: 'POST' | 'PATCH', action: string, access: Endpoint['access'], body: (w: World, s: Scope, a: { id: string; version: number }) => Promise<unknown>, requiredBody: string[], scored = false): Endpoint => ({
  method,
  route: `/api/exante/:id${action}`,
  access,
  ok: 200,
  ownJurisdictionOnly: true,
  target: 'unit',
  assignedOnly: true,
  badParam: 'not-a-uuid',
  request: async (w, s) => {
    const a = await assessment(w, s, scored)
    return { url: `/api/exante/${a.id}${action}`, body: await body(w, s, a) }
  },
  requiredBody,
})

export const exAnteEndpoints: Endpoint[] = [
  get('/api/exante', { badQuery: exAnteListQuery }),
  get('/api/exante/export', { badQuery: exAnteExportQuery }),
  get('/api/exante/assessors', { access: 'exante.conclude' }),
  {
    method: 'POST',
    route: '/api/exante',
    access: 'exante.edit',
    ok: 201,
    ownJurisdictionOnly: true,
    target: 'unit',
    assignedOnly: true,
    request: async (w, s) => ({ url: '/api/exante', body: { projectId: (await w.t.make.project({ unit: w[s].unit, code: fresh('EN') })).id } }),
    requiredBody: ['projectId'],
  },
  get('/api/exante/:id', { target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/exante/${(await assessment(w, s)).id}` }) }),
  get('/api/exante/:id/report.docx', { target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/exante/${(await assessment(w, s, true)).id}/report.docx` }) }),
  onOne(
    'PATCH',
    '',
    'exante.edit',
    async (_w, _s, a) => ({
      version: a.version,
      scores: { 'necessity.relevance': { score: '9', comment: '立项依据充分' } },
      attachments: { application: { provided: true, attachmentIds: [] } },
      process: '审阅申报材料并召开评审会',
      suggestions: '细化绩效指标',
      otherIssues: '无',
      opinion: '总体可行',
    }),
    ['version'],
  ),
  onOne('POST', '/assign', 'exante.conclude', async (w, s, a) => ({ userId: await agencyUserId(w, s), version: a.version }), ['userId', 'version']),
  onOne('POST', '/submit', 'exante.edit', async (_w, _s, a) => ({ version: a.version }), ['version'], true),
  onOne('POST', '/conclude', 'exante.conclude', async (_w, _s, a) => ({ conclusion: '予以支持', opinion: '同意', version: a.version }), ['conclusion', 'version'], true),
]
