import type { Endpoint, Scope, World } from './endpoints.ts'

/**
 * The 考核 endpoints for the endpoint table. An assessment is seen where its assessed org is seen: the department
 * itself and every bureau above it; units below a department do not see their department's 考核.
 */
const base = '/api/assessments'

async function assessmentOf(w: World, s: Scope, status: 'self_assessing' | 'submitted' = 'self_assessing') {
  const department = w[s].department
  // One assessment per org and year: each request starts the department's 2030 assessment afresh.
  await w.t.db.deleteFrom('assessment').where('orgCode', '=', department.code).where('fiscalYear', '=', 2030).execute()
  const row = await w.t.db
    .insertInto('assessment')
    .values({ jurisdictionCode: department.jurisdictionCode, orgCode: department.code, orgKind: 'department', fiscalYear: 2030, status, dueOn: '2027-02-28', createdAt: w.t.clock.now(), updatedAt: w.t.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow()
  await w.t.db.insertInto('assessmentItem').values({ assessmentId: row.id, sortOrder: 0, code: 'F1', name: '创新加分', kind: 'bonus', points: '5.00' }).execute()
  return row.id
}

export const assessmentEndpoints: Endpoint[] = [
  { method: 'GET', route: base, access: 'results.read', ok: 200, badQuery: { fiscalYear: 'last', status: 'gone', orgCode: '!', orgKind: 'unit', sort: 'height', page: 'abc', pageSize: '1000', order: 'sideways' }, request: async () => ({ url: base }) },
  { method: 'GET', route: `${base}/export`, access: 'results.read', ok: 200, badQuery: { fiscalYear: 'last', status: 'gone', orgCode: '!', orgKind: 'unit', sort: 'height', order: 'sideways' }, request: async () => ({ url: `${base}/export` }) },
  { method: 'POST', route: `${base}/open`, access: 'results.manage', ok: 201, requiredBody: ['fiscalYear'], request: async () => ({ url: `${base}/open`, body: { fiscalYear: 2025 } }) },
  { method: 'GET', route: `${base}/:id`, access: 'results.read', ok: 200, target: 'department', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${base}/${await assessmentOf(w, s)}` }) },
  // The assessed department self-assesses; the city above and the bureau's other roles only read.
  { method: 'PUT', route: `${base}/:id/self`, routeAccess: 'results.read', access: 'results.respond', onlyAt: ['department'], ok: 200, target: 'department', badParam: 'not-a-uuid', requiredBody: ['version', 'items'], request: async (w, s) => ({ url: `${base}/${await assessmentOf(w, s)}/self`, body: { version: 1, items: [{ code: 'F1', score: '3', note: '创新做法被推广' }] } }) },
  { method: 'POST', route: `${base}/:id/submit`, routeAccess: 'results.read', access: 'results.respond', onlyAt: ['department'], ok: 200, target: 'department', badParam: 'not-a-uuid', requiredBody: ['version'], request: async (w, s) => ({ url: `${base}/${await assessmentOf(w, s)}/submit`, body: { version: 1 } }) },
  // Only the bureau that opened it reviews; the city above sees it and is refused.
  { method: 'POST', route: `${base}/:id/review`, access: 'results.manage', ownJurisdictionOnly: true, supervisionRefusal: '403 FORBIDDEN', ok: 200, target: 'department', badParam: 'not-a-uuid', requiredBody: ['version', 'items'], request: async (w, s) => ({ url: `${base}/${await assessmentOf(w, s, 'submitted')}/review`, body: { version: 1, items: [{ code: 'F1', score: '2', opinion: '' }] } }) },
  { method: 'POST', route: `${base}/publish`, access: 'results.manage', ok: 200, requiredBody: ['fiscalYear'], request: async () => ({ url: `${base}/publish`, body: { fiscalYear: 2099 } }) },
]
