import type { Endpoint } from './endpoints.ts'

/**
 * The results pages and dashboard (issue 13 "See it") for the endpoint table: all read-only with results.read. A
 * project's results follow the project (agencies and experts read no projects); a department's are seen by the
 * department and the bureaus above it, not by its units.
 */
let serial = 0

export const resultsViewEndpoints: Endpoint[] = [
  {
    method: 'GET',
    route: '/api/results/projects/:projectId',
    access: 'results.read',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/results/projects/${(await w.t.make.project({ unit: w[s].unit, code: `RVE${++serial}`, fiscalYear: 2026 })).id}` }),
  },
  { method: 'GET', route: '/api/results/departments', access: 'results.read', ok: 200, badQuery: { q: 'x'.repeat(500), jurisdictionCode: '!', sort: 'nope', order: 'sideways', page: 'abc', pageSize: '1000' }, request: async () => ({ url: '/api/results/departments' }) },
  { method: 'GET', route: '/api/results/departments/export', access: 'results.read', ok: 200, badQuery: { q: 'x'.repeat(500), jurisdictionCode: '!', sort: 'nope', order: 'sideways' }, request: async () => ({ url: '/api/results/departments/export' }) },
  { method: 'GET', route: '/api/results/departments/:orgCode', access: 'results.read', ok: 200, target: 'department', badParam: '!!', request: async (w, s) => ({ url: `/api/results/departments/${w[s].department.code}` }) },
  { method: 'GET', route: '/api/results/dashboard', access: 'results.read', ok: 200, badQuery: { fiscalYear: 'next' }, request: async () => ({ url: '/api/results/dashboard?fiscalYear=2025' }) },
]
