import type { Endpoint, Scope, World } from './endpoints.ts'

/**
 * 信息公开 decisions (issue 14) for the endpoint table. Each request acts on a fresh approved goal of the scope's
 * unit (in the district): read and proposed where the unit is seen, approved and withdrawn by the district's own
 * bureau only (the city above gets SUPERVISION_ONLY).
 */
let serial = 0

async function approvedGoal(w: World, s: Scope) {
  const project = await w.t.make.project({ unit: w[s].unit, code: `DSE${++serial}`, status: 'budgeted' })
  return w.t.make.goal({ project, status: 'approved' })
}

/** A goal published straight in the tables: its live copy and its decision (version 1). */
async function publishedGoal(w: World, s: Scope) {
  const goal = await approvedGoal(w, s)
  const now = w.t.clock.now()
  const tree = w[s]
  await w.t.db
    .insertInto('publicRecord')
    .values({ kind: 'goal', jurisdictionCode: goal.jurisdictionCode, fiscalYear: goal.fiscalYear, departmentCode: goal.departmentCode, recordKey: `DSE${serial}`, sourceType: 'goal', sourceId: goal.id, title: goal.name, payload: '{}', publishedAt: now })
    .execute()
  await w.t.db
    .insertInto('disclosureDecision')
    .values({ kind: 'goal', sourceId: goal.id, jurisdictionCode: tree.district.code, fiscalYear: goal.fiscalYear, departmentCode: goal.departmentCode, state: 'published', decidedAt: now, approvedAt: now, createdAt: now, updatedAt: now })
    .execute()
  return goal
}

const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', q: 'x'.repeat(500), fiscalYear: 'next', kind: 'rumour', departmentCode: '!', state: 'hidden' }
const { page: _p, pageSize: _s, ...exportQuery } = listQuery
const record = (id: string, action = '') => `/api/disclosure/records/goal/${id}${action}`

export const disclosureEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/disclosure/records', access: 'disclosure.read', ok: 200, badQuery: listQuery, request: async () => ({ url: '/api/disclosure/records' }) },
  { method: 'GET', route: '/api/disclosure/records/export', access: 'disclosure.read', ok: 200, badQuery: exportQuery, request: async () => ({ url: '/api/disclosure/records/export' }) },
  { method: 'GET', route: '/api/disclosure/records/:kind/:sourceId', access: 'disclosure.read', ok: 200, target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: record((await approvedGoal(w, s)).id) }) },
  {
    method: 'PUT',
    route: '/api/disclosure/records/:kind/:sourceId/decision',
    access: 'disclosure.propose',
    ok: 200,
    target: 'unit',
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    requiredBody: ['version', 'decision'],
    request: async (w, s) => ({ url: record((await approvedGoal(w, s)).id, '/decision'), body: { version: 0, decision: 'withhold', reasonCode: '涉密' } }),
  },
  {
    method: 'POST',
    route: '/api/disclosure/records/:kind/:sourceId/approve',
    access: 'disclosure.approve',
    ok: 200,
    target: 'unit',
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    requiredBody: ['version'],
    request: async (w, s) => ({ url: record((await approvedGoal(w, s)).id, '/approve'), body: { version: 0 } }),
  },
  {
    method: 'POST',
    route: '/api/disclosure/records/:kind/:sourceId/withdraw',
    access: 'disclosure.approve',
    ok: 200,
    target: 'unit',
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    requiredBody: ['version', 'reason'],
    request: async (w, s) => ({ url: record((await publishedGoal(w, s)).id, '/withdraw'), body: { version: 1, reason: '数据有误，核实后重新公开' } }),
  },
  {
    method: 'POST',
    route: '/api/disclosure/approve-batch',
    access: 'disclosure.approve',
    ok: 200,
    target: 'department',
    ownJurisdictionOnly: true,
    requiredBody: ['fiscalYear', 'departmentCode'],
    request: async (w, s) => {
      await approvedGoal(w, s)
      return { url: '/api/disclosure/approve-batch', body: { fiscalYear: 2026, departmentCode: w[s].department.code } }
    },
  },
]
