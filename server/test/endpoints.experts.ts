import type { Endpoint, Scope, World } from './endpoints.ts'
import { agencyFactories } from './factories.agencies.ts'

/**
 * The expert pool endpoints for the endpoint table. Experts are registered by the scope's district; draws are for a
 * fresh 财政重点评价 of the scope's unit (its department draws too). An expert user sees only draws that picked it:
 * the score-sheet request draws every expert account of the scope's city, so the matrix's own expert fills it.
 */

const base = '/api/experts'
const tooLong = 'x'.repeat(500)
const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', q: tooLong, field: tooLong, active: 'maybe' }

const expertOf = (w: World, s: Scope) => agencyFactories(w.t).expert({ jurisdiction: w[s].district })
const evaluationOf = (w: World, s: Scope) => agencyFactories(w.t).keyEvaluation({ unit: w[s].unit })

/** A recorded draw of the scope's evaluation picking the given experts (a fresh one without an account if none). */
async function drawOf(w: World, s: Scope, expertIds?: string[]) {
  const evaluation = await evaluationOf(w, s)
  const ids = expertIds?.length ? expertIds : [(await expertOf(w, s)).id]
  return w.t.db
    .insertInto('expertDraw')
    .values({ keyEvaluationId: evaluation.id, jurisdictionCode: evaluation.jurisdictionCode, seed: 'abc', criteria: JSON.stringify({ count: ids.length }), candidates: JSON.stringify(ids.map((id) => ({ id, name: '', affiliation: '', fields: [], reasons: [] }))), drawnIds: ids, drawnAt: w.t.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Expert records for every expert account at the scope's city. */
async function cityExperts(w: World, s: Scope) {
  const users = await w.t.db
    .selectFrom('appUser')
    .select('id')
    .where('orgCode', '=', w[s].city.code)
    .where((eb) => eb(eb.val('expert'), '=', eb.fn.any('roles')))
    .execute()
  const f = agencyFactories(w.t)
  return Promise.all(users.map(async (u) => (await f.expert({ jurisdiction: w[s].city, userId: u.id })).id))
}

const get = (route: string, extra: Partial<Endpoint> = {}): Endpoint => ({ method: 'GET', route, access: 'expert.read', ok: 200, request: async () => ({ url: route }), ...extra })
const onExpert = { target: 'district', sees: 'chain', badParam: 'not-a-uuid' } as const
const managed = { access: 'expert.manage', ownJurisdictionOnly: true, ...onExpert } as const

export const expertEndpoints: Endpoint[] = [
  get(base, { badQuery: listQuery }),
  get(`${base}/export`, { badQuery: listQuery }),
  {
    method: 'POST',
    route: base,
    access: 'expert.manage',
    ok: 201,
    request: async () => ({ url: base, body: { name: '矩阵专家', fields: ['财务管理'], affiliation: '某大学', title: '教授', phone: '13800000000', active: true } }),
    requiredBody: ['name', 'fields'],
  },
  {
    method: 'POST',
    route: `${base}/draw`,
    access: 'expert.draw',
    ok: 201,
    target: 'department',
    ownJurisdictionOnly: true,
    request: async (w, s) => {
      await expertOf(w, s)
      return { url: `${base}/draw`, body: { keyEvaluationId: (await evaluationOf(w, s)).id, count: 1, fields: ['财务管理'], seed: 'seed1' } }
    },
    requiredBody: ['keyEvaluationId', 'count'],
  },
  get(`${base}/draws`, { alsoAccess: 'evaluation.expert_score', badQuery: { keyEvaluationId: 'nope', page: 'abc', pageSize: '1000', order: 'sideways' } }),
  get(`${base}/draws/:id`, { target: 'department', alsoAccess: 'evaluation.expert_score', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${base}/draws/${(await drawOf(w, s)).id}` }) }),
  {
    method: 'PUT',
    route: `${base}/draws/:id/sheet`,
    access: 'evaluation.expert_score',
    ok: 200,
    target: 'city',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `${base}/draws/${(await drawOf(w, s, await cityExperts(w, s))).id}/sheet`, body: { version: 0, scores: { 决策: '18.00', 过程: '17.50' }, comment: '总体较好', submit: false } }),
    requiredBody: ['version', 'scores'],
  },
  get(`${base}/:id`, { ...onExpert, request: async (w, s) => ({ url: `${base}/${(await expertOf(w, s)).id}` }) }),
  {
    method: 'PATCH',
    route: `${base}/:id`,
    ok: 200,
    ...managed,
    request: async (w, s) => ({ url: `${base}/${(await expertOf(w, s)).id}`, body: { version: 1, title: '研究员', active: false } }),
    requiredBody: ['version'],
  },
  {
    method: 'POST',
    route: `${base}/:id/relations`,
    ok: 201,
    ...managed,
    request: async (w, s) => ({ url: `${base}/${(await expertOf(w, s)).id}/relations`, body: { orgCode: w[s].unit.code, relation: '配偶在该单位工作' } }),
    requiredBody: ['orgCode', 'relation'],
  },
]
