import type { Endpoint, Scope, World } from './endpoints.ts'
import { roundFactories } from './factories.monitoring-rounds.ts'
import { fresh } from './fresh.ts'

/**
 * The monitoring-round endpoints for the endpoint table. Each request works on a fresh open round of the scope's
 * district with one draft form of its unit, so the round is seen by the district's bureau and the city above it
 * (read-only), the unit's department and the unit itself. Agencies see a round only with an assignment in it.
 */

const DAY = 86_400_000

async function roundWithForm(w: World, s: Scope, options: { late?: boolean; key?: boolean } = {}) {
  const mr = roundFactories(w.t)
  const now = w.t.clock.now().getTime()
  const round = await mr.round({ jurisdiction: w[s].district, name: fresh('矩阵批次'), deadline: new Date(options.late ? now - DAY : now + 7 * DAY) })
  const form = await mr.form({ round, unit: w[s].unit, isKey: options.key })
  return { round, form }
}

/** An agency user of the round's own district, else of the city (the matrix makes one per role). */
async function agencyUserId(w: World, s: Scope) {
  const user = await w.t.db
    .selectFrom('appUser')
    .select('id')
    .where('orgCode', 'in', [w[s].district.code, w[s].city.code])
    .where((eb) => eb(eb.val('agency_user'), '=', eb.fn.any('roles')))
    .executeTakeFirst()
  return user?.id ?? crypto.randomUUID()
}

const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', status: 'gone', fiscalYear: 'last', jurisdictionCode: '!' }
const base = '/api/monitoring/rounds'

const get = (route: string, extra: Partial<Endpoint> = {}): Endpoint => ({ method: 'GET', route, access: 'monitoring.read', ok: 200, request: async () => ({ url: route }), ...extra })

const onRound = (
  method: 'POST' | 'PATCH',
  action: string,
  access: Endpoint['access'],
  body: (w: World, s: Scope, ids: { roundId: string; formId: string }) => Promise<unknown>,
  requiredBody: string[],
  options: { late?: boolean; key?: boolean } = {},
): Endpoint => ({
  method,
  route: `${base}/:id${action}`,
  access,
  ok: 200,
  ownJurisdictionOnly: true,
  target: 'unit',
  assignedOnly: true,
  badParam: 'not-a-uuid',
  request: async (w, s) => {
    const { round, form } = await roundWithForm(w, s, options)
    return { url: `${base}/${round.id}${action}`, body: await body(w, s, { roundId: round.id, formId: form.id }) }
  },
  requiredBody,
})

export const monitoringRoundEndpoints: Endpoint[] = [
  get(base, { badQuery: listQuery }),
  get(`${base}/rollup`, { request: async () => ({ url: `${base}/rollup?fiscalYear=2026` }), badQuery: { fiscalYear: 'last', cutoffMonth: '13' } }),
  get(`${base}/agencies`, { access: 'monitoring.manage' }),
  {
    method: 'POST',
    route: base,
    access: 'monitoring.manage',
    ok: 201,
    request: async () => ({ url: base, body: { fiscalYear: 2026, cutoffMonth: 6, adhoc: true, deadline: '2027-01-15T18:00:00+08:00', name: fresh('矩阵新批次') } }),
    requiredBody: ['fiscalYear', 'cutoffMonth', 'deadline'],
  },
  get(`${base}/:id`, { target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${base}/${(await roundWithForm(w, s)).round.id}` }) }),
  get(`${base}/:id/late`, {
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    badQuery: { departmentCode: '!' },
    request: async (w, s) => ({ url: `${base}/${(await roundWithForm(w, s, { late: true })).round.id}/late` }),
  }),
  get(`${base}/:id/key-forms`, {
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    badQuery: { only: 'some', q: 'x'.repeat(500), page: 'abc', pageSize: '1000', order: 'sideways' },
    request: async (w, s) => ({ url: `${base}/${(await roundWithForm(w, s, { key: true })).round.id}/key-forms` }),
  }),
  get(`${base}/:id/late/export`, {
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    badQuery: { departmentCode: '!' },
    request: async (w, s) => ({ url: `${base}/${(await roundWithForm(w, s, { late: true })).round.id}/late/export` }),
  }),
  onRound('PATCH', '', 'monitoring.manage', async () => ({ version: 1, name: fresh('改名批次'), deadline: '2027-02-01T18:00:00+08:00' }), ['version']),
  onRound('POST', '/remind', 'monitoring.review', async (_w, _s, { formId }) => ({ formIds: [formId], note: '请尽快报送' }), [], { late: true }),
  onRound('POST', '/extensions', 'monitoring.manage', async (w, s) => ({ until: '2027-03-01T18:00:00+08:00', unitCode: w[s].unit.code, reason: '系统故障延期' }), ['until', 'reason']),
  onRound('POST', '/key', 'monitoring.manage', async (_w, _s, { formId }) => ({ pick: [formId], unpick: [] }), []),
  onRound('POST', '/agency', 'monitoring.manage', async (w, s, { formId }) => ({ formIds: [formId], agencyUserId: await agencyUserId(w, s) }), ['formIds', 'agencyUserId'], { key: true }),
]
