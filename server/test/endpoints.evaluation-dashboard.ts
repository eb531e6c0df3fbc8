import type { Endpoint } from './endpoints.ts'

/** The evaluation dashboard for the endpoint table: a read of the year's figures in the caller's scope. */
export const evaluationDashboardEndpoints: Endpoint[] = [
  {
    method: 'GET',
    route: '/api/evaluation/dashboard',
    access: 'evaluation.read',
    ok: 200,
    request: async () => ({ url: '/api/evaluation/dashboard?fiscalYear=2026' }),
    badQuery: { fiscalYear: 'last' },
  },
]
