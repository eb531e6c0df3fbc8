import type { Endpoint, Scope, World } from './endpoints.ts'
import { MultipartBody } from './endpoints.ts'
import { makeAction, makeRound } from './factories.monitoring-actions.ts'
import { fresh } from './fresh.ts'

/**
 * The corrective-action (纠偏) endpoints and the payment holds for the endpoint table. Actions sit at the unit of
 * their project in the district; the bureau of the district acts, the city above only looks. Agencies read no
 * actions (`assignedOnly`). Returns and closes are taken on a department's own notices, so the department may
 * decide them too; lifting belongs to the bureau that held the payments (`onlyAt`).
 */


const tooLong = 'x'.repeat(500)
const actionListQuery = {
  page: 'abc',
  pageSize: '1000',
  order: 'sideways',
  sort: 'nope',
  q: tooLong,
  kind: 'scold',
  status: 'gone',
  projectId: 'not-a-uuid',
  formId: 'not-a-uuid',
  roundId: 'not-a-uuid',
  departmentCode: '!',
  unitCode: '!',
  inForce: 'maybe',
  overdue: 'soon',
}
const { page: _p, pageSize: _s, ...actionExportQuery } = actionListQuery

const byDepartment = (w: World, s: Scope, extra: Parameters<typeof makeAction>[1] extends infer O ? Partial<O> : never = {}) => makeAction(w.t, { unit: w[s].unit, issuer: w[s].department, ...extra })

const onOne = (action: string, access: Endpoint['access'], seed: (w: World, s: Scope) => Promise<{ id: string; version: number }>, body: (a: { version: number }) => Record<string, unknown>, requiredBody: string[], extra: Partial<Endpoint> = {}): Endpoint => ({
  method: 'POST',
  route: `/api/monitoring/actions/:id/${action}`,
  access,
  ok: 200,
  target: 'unit',
  assignedOnly: true,
  badParam: 'not-a-uuid',
  request: async (w, s) => {
    const a = await seed(w, s)
    return { url: `/api/monitoring/actions/${a.id}/${action}`, body: body(a) }
  },
  requiredBody,
  ...extra,
})

/** An action with one file uploaded to it, as the unit's answer would carry. */
async function actionWithFile(w: World, s: Scope) {
  const a = await makeAction(w.t, { unit: w[s].unit })
  const file = await w.t.db.insertInto('storedFile').values({ sha256: '0'.repeat(64), fileName: '整改说明.pdf', contentType: 'application/pdf', sizeBytes: 3, content: Buffer.from('pdf') }).returning('id').executeTakeFirstOrThrow()
  await w.t.db.insertInto('correctiveActionEvent').values({ actionId: a.id, event: 'update', note: '整改说明.pdf', attachmentIds: [file.id] }).execute()
  return `/api/monitoring/actions/${a.id}/files/${file.id}/download`
}

export const correctiveActionEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/monitoring/actions', access: 'monitoring.read', ok: 200, badQuery: actionListQuery, request: async () => ({ url: '/api/monitoring/actions' }) },
  { method: 'GET', route: '/api/monitoring/actions/export', access: 'monitoring.read', ok: 200, badQuery: actionExportQuery, request: async () => ({ url: '/api/monitoring/actions/export' }) },
  {
    method: 'GET',
    route: '/api/monitoring/actions/proposals',
    access: 'monitoring.act',
    ok: 200,
    badQuery: { roundId: 'not-a-uuid' },
    request: async (w) => ({ url: `/api/monitoring/actions/proposals?roundId=${(await makeRound(w.t, w.own.district)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/monitoring/actions',
    access: 'monitoring.act',
    ok: 201,
    ownJurisdictionOnly: true,
    target: 'unit',
    assignedOnly: true,
    request: async (w, s) => ({
      url: '/api/monitoring/actions',
      body: {
        kind: 'notice',
        projectId: (await w.t.make.project({ unit: w[s].unit, code: fresh('AN'), status: 'executing' })).id,
        title: '关于加快项目预算执行的纠偏通知',
        content: '1-6月预算执行率偏低，请说明原因并提出整改措施。',
        dueOn: '2099-12-31',
      },
    }),
    requiredBody: ['kind', 'title'],
  },
  {
    method: 'GET',
    route: '/api/monitoring/actions/:id',
    access: 'monitoring.read',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/monitoring/actions/${(await makeAction(w.t, { unit: w[s].unit })).id}` }),
  },
  onOne('respond', 'monitoring.fill', (w, s) => makeAction(w.t, { unit: w[s].unit, kind: 'inquiry' }), (a) => ({ version: a.version, response: '已按要求说明原因并制定整改方案。', attachmentIds: [] }), ['version', 'response']),
  onOne('return', 'monitoring.act', (w, s) => byDepartment(w, s, { status: 'responded' }), (a) => ({ version: a.version, note: '请补充整改时间表' }), ['version', 'note'], { ownJurisdictionOnly: true }),
  onOne('close', 'monitoring.act', (w, s) => byDepartment(w, s, { status: 'responded' }), (a) => ({ version: a.version, note: '已整改到位' }), ['version'], { ownJurisdictionOnly: true }),
  onOne('lift', 'monitoring.act', (w, s) => makeAction(w.t, { unit: w[s].unit, kind: 'hold_payment', amount: '80000.00' }), (a) => ({ version: a.version, note: '已整改，恢复拨款' }), ['version'], {
    ownJurisdictionOnly: true,
    onlyAt: ['jurisdiction'],
  }),
  {
    method: 'POST',
    route: '/api/monitoring/actions/:id/files',
    access: 'monitoring.fill',
    ok: 201,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/monitoring/actions/${(await makeAction(w.t, { unit: w[s].unit })).id}/files`, body: new MultipartBody('整改方案.pdf', Buffer.from('%PDF-1.4 demo')) }),
  },
  { method: 'GET', route: '/api/monitoring/actions/:id/files/:fileId/download', access: 'monitoring.read', ok: 200, target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: await actionWithFile(w, s) }) },
  {
    method: 'GET',
    route: '/api/execution/holds',
    access: 'execution.push',
    ok: 200,
    badQuery: { page: '0', pageSize: '5000', order: 'up', projectCode: 'x'.repeat(100), fiscalYear: 'last' },
    request: async () => ({ url: '/api/execution/holds' }),
  },
]
