import type { MonitoringFormStatus } from '../../domain/monitoring.ts'
import type { Endpoint, Scope, World } from './endpoints.ts'
import { completeIndicators, makeForm, makeRound } from './factories.monitoring-forms.ts'

/**
 * The monitoring-form endpoints for the endpoint table. Each request acts on a fresh form of the scope's unit in an
 * open round of its district. Agencies see a form only once it is assigned to them (`assignedOnly`); the notes
 * request assigns it to an agency user of the scope's city, which is where the matrix seats its agency.
 */

// One round per district and world (a worker may run several test files, each with its own world).
const roundsByWorld = new WeakMap<World, Map<string, Awaited<ReturnType<typeof makeRound>>>>()
async function roundOf(w: World, s: Scope) {
  const rounds = roundsByWorld.get(w) ?? new Map<string, Awaited<ReturnType<typeof makeRound>>>()
  roundsByWorld.set(w, rounds)
  const key = w[s].district.code
  if (!rounds.has(key)) rounds.set(key, await makeRound(w.t, { jurisdiction: w[s].district }))
  return rounds.get(key)!
}

async function formIn(w: World, s: Scope, status: MonitoringFormStatus = 'draft', extra: { agencyUserId?: string } = {}) {
  const complete = status === 'draft' ? {} : { indicators: completeIndicators('certain'), unitForecast: '900000.00' }
  return makeForm(w.t, { round: await roundOf(w, s), unit: w[s].unit, status, ...complete, ...extra })
}

/** A complete draft, ready to submit. */
const submittable = async (w: World, s: Scope) => makeForm(w.t, { round: await roundOf(w, s), unit: w[s].unit, indicators: completeIndicators('certain'), unitForecast: '900000.00' })

async function agencyOf(w: World, s: Scope) {
  const user = await w.t.db
    .selectFrom('appUser')
    .select('id')
    .where('orgCode', '=', w[s].city.code)
    .where((eb) => eb(eb.val('agency_user'), '=', eb.fn.any('roles')))
    .executeTakeFirst()
  return user?.id
}

const listQuery = {
  page: 'abc',
  pageSize: '1000',
  order: 'sideways',
  sort: 'nope',
  q: 'x'.repeat(500),
  roundId: 'not-a-uuid',
  projectId: 'not-a-uuid',
  kind: 'district',
  status: 'gone',
  light: 'purple',
  budgetLight: 'orange',
  departmentCode: '!',
  unitCode: 'x'.repeat(33),
  isKey: 'maybe',
  fiscalYear: 'last',
}
const { page: _p, pageSize: _s, ...exportQuery } = listQuery

const base = '/api/monitoring/forms'
const get = (route: string, extra: Partial<Endpoint> = {}): Endpoint => ({ method: 'GET', route, access: 'monitoring.read', ok: 200, request: async () => ({ url: route }), ...extra })

/** A review move on a submitted form: the department's (初审); a bureau gets 403 for a form still at the department. */
const review = (action: 'return' | 'accept', body: Record<string, unknown>, requiredBody: string[]): Endpoint => ({
  method: 'POST',
  route: `${base}/:id/${action}`,
  access: 'monitoring.review',
  ok: 200,
  target: 'unit',
  assignedOnly: true,
  onlyAt: ['department'],
  badParam: 'not-a-uuid',
  request: async (w, s) => {
    const form = await formIn(w, s, 'submitted')
    return { url: `${base}/${form.id}/${action}`, body: { version: form.version, ...body } }
  },
  requiredBody,
})

export const monitoringFormEndpoints: Endpoint[] = [
  get(base, { badQuery: listQuery }),
  get(`${base}/export`, { badQuery: exportQuery }),
  get(`${base}/:id`, { target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${base}/${(await formIn(w, s)).id}` }) }),
  {
    method: 'PUT',
    route: `${base}/:id`,
    access: 'monitoring.fill',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const form = await formIn(w, s)
      return { url: `${base}/${form.id}`, body: { version: form.version, unitForecast: '800000.00', fundsNote: '资金按进度拨付' } }
    },
    requiredBody: ['version'],
  },
  {
    method: 'POST',
    route: `${base}/:id/submit`,
    access: 'monitoring.fill',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const form = await submittable(w, s)
      return { url: `${base}/${form.id}/submit`, body: { version: form.version, opinion: '请审核' } }
    },
    requiredBody: ['version'],
  },
  review('return', { opinion: '请补充进度说明' }, ['version', 'opinion']),
  review('accept', { opinion: '同意' }, ['version']),
  {
    method: 'POST',
    route: `${base}/batch-accept`,
    access: 'monitoring.review',
    ok: 200,
    request: async (w) => {
      const form = await formIn(w, 'own', 'submitted')
      return { url: `${base}/batch-accept`, body: { items: [{ id: form.id, version: form.version }], opinion: '同意' } }
    },
    requiredBody: ['items'],
  },
  {
    method: 'POST',
    route: `${base}/:id/notes`,
    access: 'monitoring.verify',
    ok: 200,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const form = await formIn(w, s, 'submitted', { agencyUserId: await agencyOf(w, s) })
      return { url: `${base}/${form.id}/notes`, body: { note: '已现场核查' } }
    },
    requiredBody: ['note'],
  },
]
