import type { Endpoint, Scope, World } from './endpoints.ts'
import { selfEvalForm, spotCheckWithItem } from './factories.spot-checks.ts'

/**
 * The spot-check (抽查复核) endpoints for the endpoint table. A sample belongs to the district's bureau that drew it:
 * the district and the city above it see it, only the district re-scores and closes it (`ownJurisdictionOnly`).
 * A draw picks a submitted 自评表 of the caller's district, with the districts below included, so the city's
 * bureau roles can draw it too.
 */

const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', status: 'gone', fiscalYear: 'last' }
const { page: _p, pageSize: _s, ...exportQuery } = listQuery
const base = '/api/evaluation/spot-checks'

const onItem = (w: World, s: Scope, suffix = '') => spotCheckWithItem(w.t, { jurisdiction: w[s].district, unit: w[s].unit }).then(({ sample, item }) => ({ url: `${base}/${sample.id}/items/${item.id}${suffix}`, sample, item }))

export const spotCheckEndpoints: Endpoint[] = [
  { method: 'GET', route: base, access: 'evaluation.spotcheck', ok: 200, badQuery: listQuery, request: async () => ({ url: base }) },
  { method: 'GET', route: `${base}/export`, access: 'evaluation.spotcheck', ok: 200, badQuery: exportQuery, request: async () => ({ url: `${base}/export` }) },
  {
    method: 'GET',
    route: `${base}/candidates`,
    access: 'evaluation.spotcheck',
    ok: 200,
    badQuery: { fiscalYear: 'last', includeBelow: 'maybe', page: 'abc', pageSize: '1000', order: 'sideways' },
    request: async () => ({ url: `${base}/candidates?fiscalYear=2025` }),
  },
  {
    method: 'POST',
    route: base,
    access: 'evaluation.spotcheck',
    ok: 201,
    request: async (w) => {
      const form = await selfEvalForm(w.t, { unit: w.own.unit })
      return { url: base, body: { fiscalYear: 2025, name: '矩阵抽查', count: 0, seed: 'matrix', picks: [form.id], includeBelow: true } }
    },
    requiredBody: ['fiscalYear', 'name', 'count'],
  },
  {
    method: 'GET',
    route: `${base}/:id`,
    access: 'evaluation.spotcheck',
    ok: 200,
    target: 'district',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `${base}/${(await onItem(w, s)).sample.id}` }),
  },
  {
    method: 'POST',
    route: `${base}/:id/close`,
    access: 'evaluation.spotcheck',
    ok: 200,
    target: 'district',
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const { sample } = await spotCheckWithItem(w.t, { jurisdiction: w[s].district, unit: w[s].unit, reviewed: true })
      return { url: `${base}/${sample.id}/close`, body: { version: sample.version } }
    },
    requiredBody: ['version'],
  },
  {
    method: 'GET',
    route: `${base}/:id/items/:itemId`,
    access: 'evaluation.spotcheck',
    ok: 200,
    target: 'district',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: (await onItem(w, s)).url }),
  },
  {
    method: 'PUT',
    route: `${base}/:id/items/:itemId`,
    access: 'evaluation.spotcheck',
    ok: 200,
    target: 'district',
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const { url, item } = await onItem(w, s)
      return { url, body: { version: item.version, indicators: [{ position: 2, score: '27', reason: '证明材料不足' }], note: '复核意见' } }
    },
    requiredBody: ['version', 'indicators'],
  },
  {
    method: 'GET',
    route: `${base}/:id/items/:itemId/export`,
    access: 'evaluation.spotcheck',
    ok: 200,
    target: 'district',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: (await onItem(w, s, '/export')).url }),
  },
]
