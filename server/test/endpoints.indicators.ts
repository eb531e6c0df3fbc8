import type { Access, Endpoint, Scope, World } from './endpoints.ts'
import { fresh } from './fresh.ts'

/**
 * The indicator library, framework and rule-set endpoints for the endpoint table. The library and the rules are
 * inherited downwards, so their scope is the chain: visible to whoever sits at, above or below the owner.
 */

let serial = 0

const get = (route: string, access: Access, extra: Partial<Endpoint> = {}): Endpoint => ({ method: 'GET', route, access, ok: 200, request: async () => ({ url: route }), ...extra })

const cityIndicator = (w: World, s: Scope) => w.t.make.indicator({ owner: w[s].city, code: fresh('TI') })
const unitProposal = (w: World, s: Scope) => w.t.make.indicator({ owner: w[s].district, proposedBy: w[s].unit, status: 'proposed', code: fresh('TP') })

export function indicatorContent() {
  return {
    name: '教师培训人次',
    level1: '产出指标',
    level2: '数量指标',
    nature: '>=',
    unit: '人次',
    definition: '年度内参加市级以上培训的教师人次。',
    formula: '培训签到人次合计',
    dataSource: '培训签到表',
    valueBasis: 'plan',
    scoringRule: '达到目标值得满分，未达到按比例计分',
    sectors: ['education'],
    projectKinds: ['training'],
    scope: 'individual',
    costKind: null,
    exampleTarget: '≥2000人次',
    validFromYear: 2026,
    validToYear: null,
  }
}
const contentRequired = ['name', 'level1', 'level2', 'nature', 'unit', 'definition', 'valueBasis', 'validFromYear']

const indicatorListQuery = {
  page: 'abc',
  pageSize: '1000',
  order: 'sideways',
  sort: 'nope',
  q: 'x'.repeat(500),
  level1: '投入指标',
  level2: '数量',
  sector: 'mars',
  projectKind: 'party',
  nature: '≈',
  scope: 'all',
  status: 'active,gone',
  year: 'last',
  origin: 'seed',
}
const { page: _p, pageSize: _s, ...indicatorExportQuery } = indicatorListQuery

const frameworkNodes = [{ name: '产出指标', mapsFrom: ['产出指标'], children: [{ name: '数量指标', mapsFrom: ['产出指标/数量指标'] }] }]
const cityFramework = async (w: World, s: Scope) => {
  const code = fresh('fw')
  await w.t.db.insertInto('indicatorFramework').values({ code, name: '测试指标体系', jurisdictionCode: w[s].city.code, fiscalYearFrom: 2026, createdAt: new Date(), updatedAt: new Date() }).execute()
  return code
}

export const indicatorEndpoints: Endpoint[] = [
  get('/api/indicators', 'indicator.read', { badQuery: indicatorListQuery }),
  get('/api/indicators/export', 'indicator.read', { badQuery: indicatorExportQuery }),
  get('/api/indicators/facets', 'indicator.read', { badQuery: { year: 'soon' } }),
  get('/api/indicators/recommend', 'indicator.read', {
    target: 'unit',
    request: async (w, s) => ({ url: `/api/indicators/recommend?projectId=${(await w.t.make.project({ unit: w[s].unit, code: fresh('RP'), name: '教师培训项目' })).id}` }),
    badQuery: { projectId: 'not-a-uuid', limit: '0', text: 'x'.repeat(3000) },
  }),
  get('/api/indicators/:id', 'indicator.read', { target: 'city', sees: 'chain', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/indicators/${(await cityIndicator(w, s)).id}` }) }),
  {
    method: 'POST',
    route: '/api/indicators',
    access: 'indicator.propose',
    ok: 201,
    request: async () => ({ url: '/api/indicators', body: { ...indicatorContent(), name: fresh('测试提议指标'), reason: '现有指标库缺少此类指标' } }),
    requiredBody: contentRequired,
  },
  ...(['confirm', 'reject'] as const).map(
    (action): Endpoint => ({
      method: 'POST',
      route: `/api/indicators/:id/${action}`,
      access: 'indicator.manage',
      ok: 200,
      target: 'unit',
      badParam: 'not-a-uuid',
      request: async (w, s) => {
        const p = await unitProposal(w, s)
        return { url: `/api/indicators/${p.id}/${action}`, body: { version: p.version, opinion: '同意纳入指标库' } }
      },
      requiredBody: action === 'reject' ? ['version', 'opinion'] : ['version'],
    }),
  ),
  {
    method: 'POST',
    route: '/api/indicators/:id/revise',
    access: 'indicator.manage',
    ok: 200,
    target: 'city',
    sees: 'chain',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const i = await cityIndicator(w, s)
      return { url: `/api/indicators/${i.id}/revise`, body: { ...indicatorContent(), changeNote: '口径调整', version: i.version } }
    },
    requiredBody: [...contentRequired, 'changeNote', 'version'],
  },
  {
    method: 'POST',
    route: '/api/indicators/:id/retire',
    access: 'indicator.manage',
    ok: 200,
    target: 'city',
    sees: 'chain',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const i = await cityIndicator(w, s)
      return { url: `/api/indicators/${i.id}/retire`, body: { version: i.version, opinion: '已不再适用' } }
    },
    requiredBody: ['version', 'opinion'],
  },

  get('/api/frameworks', 'indicator.read'),
  get('/api/frameworks/:code', 'indicator.read', { target: 'city', sees: 'chain', badParam: '!', request: async (w, s) => ({ url: `/api/frameworks/${await cityFramework(w, s)}` }) }),
  {
    method: 'POST',
    route: '/api/frameworks',
    access: 'indicator.manage',
    ok: 201,
    request: async () => ({ url: '/api/frameworks', body: { code: fresh('own-'), name: '本市指标体系', description: '', fiscalYearFrom: 2026, copyFrom: 'legacy-88' } }),
    requiredBody: ['code', 'name', 'fiscalYearFrom', 'copyFrom'],
  },
  {
    method: 'PUT',
    route: '/api/frameworks/:code',
    access: 'indicator.manage',
    ok: 200,
    target: 'city',
    sees: 'chain',
    badParam: '!',
    request: async (w, s) => ({
      url: `/api/frameworks/${await cityFramework(w, s)}`,
      body: { version: 1, name: '测试指标体系（修订）', description: '', fiscalYearFrom: 2026, status: 'active', nodes: frameworkNodes },
    }),
    requiredBody: ['version', 'name', 'description', 'fiscalYearFrom', 'status', 'nodes'],
  },

  get('/api/rule-sets/:jurisdictionCode/:fiscalYear', 'ruleset.read', {
    target: 'city',
    sees: 'chain',
    badParam: '!',
    request: async (w, s) => ({ url: `/api/rule-sets/${w[s].city.code}/2026` }),
    badQuery: { asOf: 'yesterday' },
  }),
  get('/api/rule-sets/:jurisdictionCode/:fiscalYear/revisions', 'ruleset.read', { target: 'city', sees: 'chain', badParam: '!', request: async (w, s) => ({ url: `/api/rule-sets/${w[s].city.code}/2026/revisions` }) }),
  {
    method: 'PUT',
    route: '/api/rule-sets/:jurisdictionCode/:fiscalYear',
    access: 'ruleset.manage',
    ok: 200,
    target: 'city',
    sees: 'chain',
    badParam: '!',
    request: async (w, s) => {
      // Each call saves the next revision of a year of its own, so repeated calls never go stale.
      const year = 2030 + (serial++ % 60)
      const current = await w.t.db.selectFrom('ruleSet').select('revision').where('jurisdictionCode', '=', w[s].city.code).where('fiscalYear', '=', year).where('isCurrent', '=', true).executeTakeFirst()
      return { url: `/api/rule-sets/${w[s].city.code}/${year}`, body: { version: current?.revision ?? 0, overrides: { monitoringCutoffMonths: [6, 9] }, note: '按本市监控安排调整' } }
    },
    requiredBody: ['version', 'overrides', 'note'],
  },
]
