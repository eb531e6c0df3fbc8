import type { Endpoint, Scope, World } from './endpoints.ts'
import { agencyFactories, creditCode } from './factories.agencies.ts'

/**
 * The third-party agency endpoints for the endpoint table. Each request works on a fresh agency registered by the
 * scope's district, which its bureau (and the city above it, read-only) sees, and the departments below it read;
 * engagements are for a fresh 财政重点评价 of the scope's unit. An agency user sees only its agency's engagements:
 * the requests give the agency no accounts (`assignedOnly`).
 */

const base = '/api/agencies'
const tooLong = 'x'.repeat(500)
const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', q: tooLong, type: 'bank', creditStatus: 'great', jurisdictionCode: '!' }

const agencyOf = (w: World, s: Scope) => agencyFactories(w.t).agency({ jurisdiction: w[s].district })
const evaluationOf = (w: World, s: Scope) => agencyFactories(w.t).keyEvaluation({ unit: w[s].unit })
const engagementBody = (keyEvaluationId: string) => ({ keyEvaluationId, procurementMethod: 'government_procurement', contractNo: `HT-${crypto.randomUUID().slice(0, 8)}`, fee: '120000.00' })

async function engagementOf(w: World, s: Scope) {
  const agency = await agencyOf(w, s)
  const evaluation = await evaluationOf(w, s)
  return w.t.db
    .insertInto('agencyEngagement')
    .values({ agencyId: agency.id, keyEvaluationId: evaluation.id, jurisdictionCode: evaluation.jurisdictionCode, commissionerCode: evaluation.commissionerCode, procurementMethod: 'purchase_of_services', contractNo: 'HT-1', fee: '50000.00', createdAt: w.t.clock.now(), updatedAt: w.t.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow()
}

const get = (route: string, extra: Partial<Endpoint> = {}): Endpoint => ({ method: 'GET', route, access: 'agency.read', ok: 200, request: async () => ({ url: route }), ...extra })
const onAgency = { target: 'district', sees: 'chain', badParam: 'not-a-uuid' } as const
const managed = { access: 'agency.manage', ownJurisdictionOnly: true, ...onAgency } as const
/** Engaging and rating: a department may for its own 部门评价; these requests are for a 财政重点评价, so it gets 403. */
const commissioned = { ...managed, routeAccess: 'evaluation.key' } as const

export const agencyEndpoints: Endpoint[] = [
  get(base, { badQuery: listQuery }),
  get(`${base}/export`, { badQuery: listQuery }),
  {
    method: 'POST',
    route: base,
    access: 'agency.manage',
    ok: 201,
    request: async () => ({ url: base, body: { name: '矩阵评价咨询有限公司', creditCode: creditCode(), type: 'consulting', qualifications: '甲级', staffCount: 12, contactPerson: '张三' } }),
    requiredBody: ['name', 'creditCode', 'type'],
  },
  get(`${base}/engagements`, { alsoAccess: 'evaluation.agency_work', badQuery: { keyEvaluationId: 'nope', agencyId: 'nope', status: 'gone', page: 'abc', pageSize: '1000', order: 'sideways' } }),
  get(`${base}/engagements/:id`, { ...onAgency, alsoAccess: 'evaluation.agency_work', assignedOnly: true, request: async (w, s) => ({ url: `${base}/engagements/${(await engagementOf(w, s)).id}` }) }),
  {
    method: 'PATCH',
    route: `${base}/engagements/:id`,
    ok: 200,
    ...commissioned,
    request: async (w, s) => ({ url: `${base}/engagements/${(await engagementOf(w, s)).id}`, body: { version: 1, subcontracted: true, subcontractNote: '部分调查分包', status: 'delivered' } }),
    requiredBody: ['version'],
  },
  {
    method: 'POST',
    route: `${base}/engagements/:id/rating`,
    ok: 200,
    ...commissioned,
    request: async (w, s) => ({ url: `${base}/engagements/${(await engagementOf(w, s)).id}/rating`, body: { version: 1, rating: 4, comment: '质量较好' } }),
    requiredBody: ['version', 'rating'],
  },
  get(`${base}/:id`, { ...onAgency, request: async (w, s) => ({ url: `${base}/${(await agencyOf(w, s)).id}` }) }),
  {
    method: 'PATCH',
    route: `${base}/:id`,
    ok: 200,
    ...managed,
    request: async (w, s) => ({ url: `${base}/${(await agencyOf(w, s)).id}`, body: { version: 1, staffCount: 40, qualifications: '乙级' } }),
    requiredBody: ['version'],
  },
  {
    method: 'POST',
    route: `${base}/:id/relations`,
    ok: 201,
    ...managed,
    request: async (w, s) => ({ url: `${base}/${(await agencyOf(w, s)).id}/relations`, body: { orgCode: w[s].unit.code, relation: '长期财务顾问' } }),
    requiredBody: ['orgCode', 'relation'],
  },
  {
    method: 'DELETE',
    route: `${base}/:id/relations/:relationId`,
    ok: 204,
    ...managed,
    request: async (w, s) => {
      const agency = await agencyOf(w, s)
      const relation = await w.t.db.insertInto('agencyRelation').values({ agencyId: agency.id, orgCode: w[s].unit.code, relation: '顾问', createdAt: w.t.clock.now() }).returning('id').executeTakeFirstOrThrow()
      return { url: `${base}/${agency.id}/relations/${relation.id}` }
    },
  },
  {
    method: 'POST',
    route: `${base}/:id/violations`,
    ok: 201,
    ...managed,
    request: async (w, s) => ({ url: `${base}/${(await agencyOf(w, s)).id}/violations`, body: { occurredOn: '2025-03-01', severity: 'minor', description: '报告逾期' } }),
    requiredBody: ['occurredOn', 'severity', 'description'],
  },
  get(`${base}/:id/independence`, {
    ...onAgency,
    badQuery: { keyEvaluationId: 'nope' },
    request: async (w, s) => ({ url: `${base}/${(await agencyOf(w, s)).id}/independence?keyEvaluationId=${(await evaluationOf(w, s)).id}` }),
  }),
  {
    method: 'POST',
    route: `${base}/:id/engagements`,
    ok: 201,
    ...commissioned,
    request: async (w, s) => ({ url: `${base}/${(await agencyOf(w, s)).id}/engagements`, body: engagementBody((await evaluationOf(w, s)).id) }),
    requiredBody: ['keyEvaluationId', 'procurementMethod', 'contractNo', 'fee'],
  },
]
