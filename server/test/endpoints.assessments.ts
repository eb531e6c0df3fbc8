import type { Endpoint, Scope, World } from './endpoints.ts'

/**
 * The 考核 endpoints for the endpoint table. An assessment is seen where its assessed org is seen: the department
 * itself and every bureau above it; units below a department do not see their department's 考核.
 */
const base = '/api/assessments'
/** Each request its own year: one assessment per org and year. */
let year = 2000

async function assessmentOf(w: World, s: Scope) {
  const department = w[s].department
  const row = await w.t.db
    .insertInto('assessment')
    .values({ jurisdictionCode: department.jurisdictionCode, orgCode: department.code, orgKind: 'department', fiscalYear: ++year, dueOn: '2027-02-28', createdAt: w.t.clock.now(), updatedAt: w.t.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const assessmentEndpoints: Endpoint[] = [
  { method: 'GET', route: base, access: 'results.read', ok: 200, badQuery: { fiscalYear: 'last', status: 'gone', orgCode: '!', orgKind: 'unit', page: 'abc', pageSize: '1000' }, request: async () => ({ url: base }) },
  { method: 'POST', route: `${base}/open`, access: 'results.manage', ok: 201, requiredBody: ['fiscalYear'], request: async () => ({ url: `${base}/open`, body: { fiscalYear: 2025 } }) },
  { method: 'GET', route: `${base}/:id`, access: 'results.read', ok: 200, target: 'department', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${base}/${await assessmentOf(w, s)}` }) },
]
