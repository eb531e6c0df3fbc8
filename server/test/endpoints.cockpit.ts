import type { Endpoint } from './endpoints.ts'

/**
 * 市区联动 and the 驾驶舱 (issue 14) for the endpoint table: read with results.read by a finance bureau over its own
 * subtree (another district is not found; a department or unit that can read results is refused the cockpit); the
 * refresh, a background job, by a finance administrator.
 */
const yearQuery = { fiscalYear: 'next', jurisdictionCode: '!' }
const bureau: Pick<Endpoint, 'onlyAt'> = { onlyAt: ['jurisdiction'] }

export const cockpitEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/cockpit/rollup', access: 'results.read', ok: 200, ...bureau, badQuery: yearQuery, request: async () => ({ url: '/api/cockpit/rollup?fiscalYear=2025' }) },
  { method: 'GET', route: '/api/cockpit/rollup/export', access: 'results.read', ok: 200, ...bureau, badQuery: yearQuery, request: async () => ({ url: '/api/cockpit/rollup/export?fiscalYear=2025' }) },
  { method: 'GET', route: '/api/cockpit/jurisdictions/:code/departments', access: 'results.read', ok: 200, ...bureau, target: 'district', badParam: '!!', badQuery: { fiscalYear: 'next' }, request: async (w, s) => ({ url: `/api/cockpit/jurisdictions/${w[s].district.code}/departments?fiscalYear=2025` }) },
  { method: 'GET', route: '/api/cockpit/departments/:code/projects', access: 'results.read', ok: 200, ...bureau, target: 'department', badParam: '!!', badQuery: { fiscalYear: 'next' }, request: async (w, s) => ({ url: `/api/cockpit/departments/${w[s].department.code}/projects?fiscalYear=2025` }) },
  { method: 'GET', route: '/api/cockpit/rule-differences', access: 'results.read', ok: 200, ...bureau, badQuery: yearQuery, request: async () => ({ url: '/api/cockpit/rule-differences?fiscalYear=2025' }) },
  { method: 'GET', route: '/api/cockpit/coverage', access: 'results.read', ok: 200, ...bureau, badQuery: yearQuery, request: async () => ({ url: '/api/cockpit/coverage?fiscalYear=2025' }) },
  { method: 'POST', route: '/api/cockpit/refresh', access: 'results.manage', ok: 201, ...bureau, requiredBody: ['fiscalYear'], request: async () => ({ url: '/api/cockpit/refresh', body: { fiscalYear: 2025 } }) },
]
