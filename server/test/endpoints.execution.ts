import type { Endpoint, Scope, World } from './endpoints.ts'
import { MultipartBody } from './endpoints.ts'
import { fresh } from './fresh.ts'

/**
 * 预算执行数据 endpoints for the endpoint table. Payments name their project by code in the body (or a file row),
 * so a project out of scope, or of a district the caller only supervises, is an item problem (422), not a 404.
 */


/** A budgeted project of the tree's unit (in the district), its code unique in this file. */
const executingProject = (w: World, s: Scope) => w.t.make.project({ unit: w[s].unit, code: fresh('EX'), status: 'executing' })

const get = (route: string, access: Endpoint['access'], extra: Partial<Endpoint> = {}): Endpoint => ({ method: 'GET', route, access, ok: 200, request: async () => ({ url: route }), ...extra })

const paymentListQuery = {
  page: 'abc',
  pageSize: '1000',
  order: 'sideways',
  sort: 'nope',
  projectId: 'not-a-uuid',
  fiscalYear: 'last',
  month: '13',
  departmentCode: 'x'.repeat(33),
  unitCode: '!',
  source: 'fax',
  q: 'x'.repeat(500),
  paidFrom: 'yesterday',
  paidTo: '2026-02-30',
}
const { page: _p, pageSize: _ps, ...paymentExportQuery } = paymentListQuery
const adjustmentListQuery = { page: '0', pageSize: 'many', order: 'up', projectId: 'nope', fiscalYear: '1800', departmentCode: '!', q: 'x'.repeat(500) }

export const executionEndpoints: Endpoint[] = [
  {
    method: 'POST',
    route: '/api/execution/payments',
    access: 'execution.push',
    ok: 200,
    target: 'unit',
    scopeRefusal: '422 PAYMENTS_INVALID',
    ownJurisdictionOnly: true,
    supervisionRefusal: '422 PAYMENTS_INVALID',
    request: async (w, s) => {
      const project = await executingProject(w, s)
      return { url: '/api/execution/payments', body: { items: [{ projectCode: project.code, fiscalYear: 2026, paidOn: '2026-05-20', amount: '1000.00', fundSource: '一般公共预算', voucherNo: fresh('V') }] } }
    },
    requiredBody: ['items'],
  },
  get('/api/execution/payments', 'execution.read', { badQuery: paymentListQuery }),
  get('/api/execution/payments/export', 'execution.read', { badQuery: paymentExportQuery }),
  get('/api/execution/payments/import-template', 'execution.push'),
  {
    method: 'POST',
    route: '/api/execution/payments/import',
    access: 'execution.push',
    ok: 200,
    target: 'unit',
    scopeRefusal: '422 IMPORT_INVALID',
    ownJurisdictionOnly: true,
    supervisionRefusal: '422 IMPORT_INVALID',
    request: async (w, s) => {
      const project = await executingProject(w, s)
      const csv = `项目编码,支付日期,金额,资金来源,支付凭证号\r\n${project.code},2026-05-20,1000.00,一般公共预算,${fresh('F')}\r\n`
      return { url: '/api/execution/payments/import', body: new MultipartBody('国库支付.csv', Buffer.from(csv), 'text/csv') }
    },
    badQuery: { dryRun: 'maybe', background: 'later' },
  },
  get('/api/execution/adjustments', 'execution.read', { badQuery: adjustmentListQuery }),
  {
    method: 'POST',
    route: '/api/execution/adjustments',
    access: 'execution.adjust',
    ok: 201,
    target: 'unit',
    ownJurisdictionOnly: true,
    request: async (w, s) => ({ url: '/api/execution/adjustments', body: { projectId: (await executingProject(w, s)).id, amount: '5000.00', reason: '追加培训经费', adjustedOn: '2026-06-01' } }),
    requiredBody: ['projectId', 'amount', 'reason', 'adjustedOn'],
  },
  get('/api/execution/projects/:id/funds', 'execution.read', {
    target: 'unit',
    badParam: 'not-a-uuid',
    badQuery: { month: '13' },
    request: async (w, s) => ({ url: `/api/execution/projects/${(await executingProject(w, s)).id}/funds?month=6` }),
  }),
]
