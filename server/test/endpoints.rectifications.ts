import type { Endpoint, Scope, World } from './endpoints.ts'
import { MultipartBody } from './endpoints.ts'
import { addEvidence, makeRectification } from './factories.rectifications.ts'

/**
 * The rectification (整改) endpoints for the endpoint table. Items sit at the unit in the district: the unit (or its
 * department) answers, the department verifies, the district's bureau closes; the city above only looks.
 */

const tooLong = 'x'.repeat(500)
const listQuery = {
  page: 'abc',
  pageSize: '1000',
  order: 'sideways',
  sort: 'nope',
  q: tooLong,
  status: 'gone',
  sourceType: 'rumour',
  sourceId: 'not-a-uuid',
  overdue: 'soon',
  todo: 'someday',
  departmentCode: '!',
  unitCode: '!',
  projectId: 'not-a-uuid',
  fiscalYear: 'last',
}
const { page: _p, pageSize: _s, ...exportQuery } = listQuery

const onOne = (move: string, access: Endpoint['access'], seed: (w: World, s: Scope) => Promise<{ id: string; version: number }>, body: (r: { version: number }) => Record<string, unknown>, requiredBody: string[], extra: Partial<Endpoint> = {}): Endpoint => ({
  method: 'POST',
  route: `/api/rectifications/:id/${move}`,
  access,
  ok: 200,
  target: 'unit',
  badParam: 'not-a-uuid',
  request: async (w, s) => {
    const r = await seed(w, s)
    return { url: `/api/rectifications/${r.id}/${move}`, body: body(r) }
  },
  requiredBody,
  ...extra,
})

async function evidenceUrl(w: World, s: Scope) {
  const r = await makeRectification(w.t, { owner: w[s].unit })
  const link = await addEvidence(w.t, r.id)
  return `/api/rectifications/${r.id}/evidence/${link.id}/download`
}

export const rectificationEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/rectifications', access: 'results.read', ok: 200, badQuery: listQuery, request: async () => ({ url: '/api/rectifications' }) },
  { method: 'GET', route: '/api/rectifications/export', access: 'results.read', ok: 200, badQuery: exportQuery, request: async () => ({ url: '/api/rectifications/export' }) },
  {
    method: 'POST',
    route: '/api/rectifications',
    access: 'results.manage',
    ok: 201,
    target: 'unit',
    ownJurisdictionOnly: true,
    request: async (w, s) => ({
      url: '/api/rectifications',
      body: { origin: 'audit', ownerCode: w[s].unit.code, problem: '审计发现专项资金闲置一年以上。', requiredMeasure: '清理闲置资金并说明原因。', dueOn: '2099-06-30' },
    }),
    requiredBody: ['origin', 'ownerCode', 'problem', 'requiredMeasure'],
  },
  {
    method: 'GET',
    route: '/api/rectifications/:id',
    access: 'results.read',
    ok: 200,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/rectifications/${(await makeRectification(w.t, { owner: w[s].unit })).id}` }),
  },
  onOne('respond', 'results.respond', (w, s) => makeRectification(w.t, { owner: w[s].unit, evidence: true }), (r) => ({ version: r.version, measures: '已加快支出进度，闲置资金已收回。' }), ['version', 'measures']),
  onOne('verify', 'results.verify', (w, s) => makeRectification(w.t, { owner: w[s].unit, status: 'responded', evidence: true }), (r) => ({ version: r.version, opinion: '经核实已整改到位' }), ['version']),
  onOne('close', 'results.manage', (w, s) => makeRectification(w.t, { owner: w[s].unit, status: 'verified', evidence: true }), (r) => ({ version: r.version, opinion: '同意销号' }), ['version'], { ownJurisdictionOnly: true }),
  onOne('return', 'results.manage', (w, s) => makeRectification(w.t, { owner: w[s].unit, status: 'responded', evidence: true }), (r) => ({ version: r.version, opinion: '佐证材料不足，请补充' }), ['version', 'opinion'], {
    ownJurisdictionOnly: true,
    alsoAccess: 'results.verify',
  }),
  {
    method: 'POST',
    route: '/api/rectifications/:id/evidence',
    access: 'results.respond',
    ok: 201,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/rectifications/${(await makeRectification(w.t, { owner: w[s].unit })).id}/evidence`, body: new MultipartBody('整改佐证.pdf', Buffer.from('%PDF-1.4 demo')) }),
  },
  { method: 'GET', route: '/api/rectifications/:id/evidence/:evidenceId/download', access: 'results.read', ok: 200, target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: await evidenceUrl(w, s) }) },
]
