import type { Endpoint, Scope, World } from './endpoints.ts'
import { makeForm, makeRound } from './factories.monitoring-dashboard.ts'

/**
 * The monitoring dashboard, report and export endpoints for the endpoint table. Each request reads a fresh round of
 * the scope's district with one form of its unit. A third-party agency sees only rounds where a form is assigned to
 * it (none here: `assignedOnly`); the report belongs to bureaus and departments (`onlyAt`).
 */

const roundWithForm = async (w: World, s: Scope) => {
  const round = await makeRound(w.t, { jurisdiction: w[s].district })
  await makeForm(w.t, { round, unit: w[s].unit, executed: '300000.00', projectLight: 'yellow', budgetLight: 'red' })
  return round
}

const get = (route: string, extra: Partial<Endpoint>): Endpoint => ({
  method: 'GET',
  route,
  access: 'monitoring.read',
  ok: 200,
  target: 'unit',
  assignedOnly: true,
  request: async () => ({ url: route }),
  ...extra,
})

export const monitoringDashboardEndpoints: Endpoint[] = [
  get('/api/monitoring/dashboard', {
    request: async (w, s) => ({ url: `/api/monitoring/dashboard?roundId=${(await roundWithForm(w, s)).id}` }),
    badQuery: { roundId: 'not-a-uuid', fiscalYear: 'last' },
  }),
  get('/api/monitoring/report.docx', {
    onlyAt: ['jurisdiction', 'department'],
    request: async (w, s) => ({ url: `/api/monitoring/report.docx?roundId=${(await roundWithForm(w, s)).id}` }),
    badQuery: { roundId: 'not-a-uuid', departmentCode: '!' },
  }),
  get('/api/monitoring/export.xlsx', {
    request: async (w, s) => ({ url: `/api/monitoring/export.xlsx?roundId=${(await roundWithForm(w, s)).id}` }),
    badQuery: { roundId: 'not-a-uuid', departmentCode: '!' },
  }),
]
