import ExcelJS from 'exceljs'
import { type Endpoint, MultipartBody, type Scope, type World } from './endpoints.ts'
import { makeSelfForm } from './factories.self-evaluation.ts'

/**
 * The 单位自评 endpoints for the endpoint table. Each request acts on a fresh 自评表 of the scope's unit in the
 * open 2026 round of its district (created on first use). An import names its form in a cell of the file, so a form
 * out of scope is a row error (422 IMPORT_INVALID), not a missing resource.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
let year = 2030
const base = '/api/evaluation/self'
const rounds = '/api/evaluation/self-rounds'

const formIn = (w: World, s: Scope, status?: 'submitted' | 'dept_accepted', complete = false) => makeSelfForm(w.t, { unit: w[s].unit, status, complete: complete || !!status })
/** A change to a round by its own bureau (the city above only looks). */
const managedRound = { access: 'evaluation.manage', target: 'unit', assignedOnly: true, ownJurisdictionOnly: true, badParam: 'not-a-uuid' } as const
const roundIn = async (w: World, s: Scope) => (await formIn(w, s)).roundId

/** A 10号 layout sheet naming the form and filling its first indicator. */
async function importFile(w: World, formId: string) {
  const first = await w.t.db.selectFrom('selfEvalIndicator').select('id').where('formId', '=', formId).orderBy('sortOrder').executeTakeFirstOrThrow()
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('自评表')
  for (const row of [
    ['项目支出绩效自评表'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '得分调整理由', '是否适用', '指标编号'],
    ['产出指标', '数量指标', '培训人次', '≥500人次', '520', 16.66, null, null, null, '是', first.id],
    ['总分'],
    ['自评表编号', formId],
  ]) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const listQuery = {
  page: 'abc',
  pageSize: '1000',
  order: 'sideways',
  sort: 'nope',
  q: 'x'.repeat(500),
  fiscalYear: 'last',
  roundId: 'not-a-uuid',
  projectId: 'not-a-uuid',
  kind: 'district',
  status: 'gone',
  grade: 'A',
  departmentCode: '!',
  unitCode: 'x'.repeat(33),
}
const { page: _p, pageSize: _s, ...exportQuery } = listQuery
const get = (route: string, extra: Partial<Endpoint> = {}): Endpoint => ({ method: 'GET', route, access: 'evaluation.read', ok: 200, request: async () => ({ url: route }), ...extra })

const review = (action: 'return' | 'accept', body: Record<string, unknown>, requiredBody: string[]): Endpoint => ({
  method: 'POST',
  route: `${base}/:id/${action}`,
  access: 'evaluation.review',
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

export const selfEvaluationEndpoints: Endpoint[] = [
  get(rounds, { badQuery: { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', status: 'gone', fiscalYear: 'last' } }),
  get(`${rounds}/export`, { badQuery: { order: 'sideways', sort: 'nope', status: 'gone', fiscalYear: 'last' } }),
  {
    method: 'POST',
    route: rounds,
    access: 'evaluation.manage',
    ok: 201,
    request: async () => ({ url: rounds, body: { fiscalYear: year++ > 2099 ? (year = 2031) : year, deadline: '2027-03-31T18:00:00+08:00' } }),
    requiredBody: ['fiscalYear', 'deadline'],
  },
  get(`${rounds}/:id`, { target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${rounds}/${await roundIn(w, s)}` }) }),
  {
    method: 'PATCH',
    route: `${rounds}/:id`,
    ok: 200,
    ...managedRound,
    request: async (w, s) => {
      const roundId = await roundIn(w, s)
      const { version } = await w.t.db.selectFrom('selfEvalRound').select('version').where('id', '=', roundId).executeTakeFirstOrThrow()
      return { url: `${rounds}/${roundId}`, body: { version, deadline: '2027-04-30T18:00:00+08:00' } }
    },
    requiredBody: ['version'],
  },
  {
    method: 'POST',
    route: `${rounds}/:id/extensions`,
    ok: 200,
    ...managedRound,
    request: async (w, s) => {
      const form = await formIn(w, s)
      // A month after the round's deadline (another request may have moved it).
      const { deadline } = await w.t.db.selectFrom('selfEvalRound').select('deadline').where('id', '=', form.roundId).executeTakeFirstOrThrow()
      return { url: `${rounds}/${form.roundId}/extensions`, body: { until: new Date(new Date(deadline).getTime() + 30 * 86_400_000).toISOString(), orgCode: w[s].unit.code, reason: '系统故障延期' } }
    },
    requiredBody: ['until', 'reason'],
  },
  get(`${rounds}/:id/export`, { target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', badQuery: { layout: 'excel' }, request: async (w, s) => ({ url: `${rounds}/${await roundIn(w, s)}/export` }) }),
  get(base, { badQuery: listQuery }),
  get(`${base}/export`, { badQuery: exportQuery }),
  get(`${base}/coverage`, { request: async () => ({ url: `${base}/coverage?fiscalYear=2026` }), badQuery: { fiscalYear: 'last', jurisdictionCode: '!' } }),
  get(`${base}/:id`, { target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${base}/${(await formIn(w, s)).id}` }) }),
  get(`${base}/:id/export`, { target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', badQuery: { layout: 'excel' }, request: async (w, s) => ({ url: `${base}/${(await formIn(w, s)).id}/export?layout=sichuan` }) }),
  {
    method: 'POST',
    route: `${base}/import`,
    access: 'evaluation.fill',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    scopeRefusal: '422 IMPORT_INVALID',
    request: async (w, s) => {
      const form = await formIn(w, s)
      return { url: `${base}/import`, body: new MultipartBody('自评表.xlsx', await importFile(w, form.id), XLSX) }
    },
    badQuery: { dryRun: 'maybe' },
  },
  {
    method: 'PUT',
    route: `${base}/:id`,
    access: 'evaluation.fill',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const form = await formIn(w, s)
      return { url: `${base}/${form.id}`, body: { version: form.version, overallActual: '完成培训 520 人次', problems: '无' } }
    },
    requiredBody: ['version'],
  },
  {
    method: 'POST',
    route: `${base}/:id/submit`,
    access: 'evaluation.fill',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const form = await formIn(w, s, undefined, true)
      return { url: `${base}/${form.id}/submit`, body: { version: form.version, opinion: '请审核' } }
    },
    requiredBody: ['version'],
  },
  review('return', { opinion: '请补充问题分析' }, ['version', 'opinion']),
  review('accept', { opinion: '同意' }, ['version']),
]
