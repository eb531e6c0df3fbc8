import ExcelJS from 'exceljs'
import type { KeyEvaluationStage } from '../../domain/evaluation.ts'
import { keyEvaluationTemplates } from '../../domain/key-evaluation.ts'
import type { Endpoint, Scope, World } from './endpoints.ts'
import { MultipartBody } from './endpoints.ts'
import type { TestContext } from './context.ts'
import { fresh } from './fresh.ts'

/**
 * The key-evaluation (部门评价 / 财政重点评价) endpoints for the endpoint table. Each request works on a fresh
 * 财政重点评价 of the scope's district, on a project of its unit: the district's bureau manages it (the city above
 * only looks: SUPERVISION_ONLY), departments read it, and the work itself is the bureau's (`onlyAt`); the evaluated
 * unit and department record the 交换意见.
 */

const base = '/api/evaluation/key'

/** A 财政重点评价 of a fresh project of the tree's unit, written straight to the tables at the given stage. */
export async function makeKeyEvaluation(t: TestContext, tree: World['own'], options: { stage?: KeyEvaluationStage; scored?: boolean; survey?: boolean } = {}) {
  const project = await t.make.project({ unit: tree.unit, status: 'executing', fiscalYear: 2025, code: fresh('KE'), name: fresh('重点评价项目') })
  const row = await t.db
    .insertInto('keyEvaluation')
    .values({
      jurisdictionCode: tree.district.code,
      fiscalYear: 2025,
      level: 'finance',
      objectKind: 'project',
      projectId: project.id,
      commissionerCode: tree.district.code,
      departmentCode: tree.department.code,
      unitCode: tree.unit.code,
      name: `${project.name}财政重点评价`,
      template: 'no10',
      stage: options.stage ?? 'selected',
      createdBy: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  await t.db.insertInto('keyEvaluationPlan').values({ keyEvaluationId: row.id, purpose: '评价资金使用绩效' }).execute()
  const lines = await t.db
    .insertInto('keyEvaluationLine')
    .values(keyEvaluationTemplates.no10.map((l, seq) => ({ keyEvaluationId: row.id, seq, level1: l.level1, level2: l.level2, level3: l.level3, weight: l.weight, score: options.scored ? l.weight : null, formula: null })))
    .returning('id')
    .execute()
  if (options.survey) await t.db.insertInto('keyEvaluationSurvey').values({ keyEvaluationId: row.id, title: '满意度调查', questions: JSON.stringify(['总体满意度']) }).execute()
  return { id: row.id, version: row.version, lineId: lines[0]!.id, project }
}

const on = (w: World, s: Scope, options?: Parameters<typeof makeKeyEvaluation>[2]) => makeKeyEvaluation(w.t, w[s], options)

async function surveySheet() {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('答卷')
  sheet.addRow(['受访者', '总体满意度'])
  sheet.addRow(['甲', '满意'])
  sheet.addRow(['乙', '比较满意'])
  return Buffer.from(await book.xlsx.writeBuffer())
}

const tooLong = 'x'.repeat(500)
const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', q: tooLong, fiscalYear: 'last', level: 'city', stage: 'gone', objectKind: 'thing', grade: '甲', departmentCode: '!', projectId: 'not-a-uuid' }
const { page: _p, pageSize: _s, ...exportQuery } = listQuery

/** The bureau's own work on one evaluation: a bureau above only looks, a department has no part in it. */
const managed = (method: 'POST' | 'PUT', action: string, stage: KeyEvaluationStage, body: (e: { id: string; version: number; lineId: string }) => unknown, requiredBody: string[] | undefined, extra: Partial<Endpoint> = {}): Endpoint => ({
  method,
  route: `${base}/:id${action}`,
  access: 'evaluation.key',
  ok: 200,
  target: 'unit',
  onlyAt: ['jurisdiction'],
  ownJurisdictionOnly: true,
  badParam: 'not-a-uuid',
  request: async (w, s) => {
    const e = await on(w, s, { stage, survey: action.startsWith('/survey') })
    return { url: `${base}/${e.id}${action}`, body: body(e) }
  },
  ...(requiredBody ? { requiredBody } : {}),
  ...extra,
})

export const keyEvaluationEndpoints: Endpoint[] = [
  { method: 'GET', route: base, access: 'evaluation.read', ok: 200, badQuery: listQuery, request: async () => ({ url: base }) },
  { method: 'GET', route: `${base}/export`, access: 'evaluation.read', ok: 200, badQuery: exportQuery, request: async () => ({ url: `${base}/export` }) },
  { method: 'GET', route: `${base}/templates`, access: 'evaluation.read', ok: 200, request: async () => ({ url: `${base}/templates` }) },
  {
    method: 'GET',
    route: `${base}/selection`,
    access: 'evaluation.key',
    ok: 200,
    badQuery: { fiscalYear: 'last', sampleSize: 'many', seed: tooLong },
    request: async () => ({ url: `${base}/selection?fiscalYear=2025&sampleSize=2&seed=matrix` }),
  },
  {
    method: 'POST',
    route: base,
    access: 'evaluation.key',
    ok: 201,
    target: 'unit',
    ownJurisdictionOnly: true,
    request: async (w, s) => ({
      url: base,
      body: { fiscalYear: 2025, objectKind: 'project', projectId: (await w.t.make.project({ unit: w[s].unit, status: 'executing', fiscalYear: 2025, code: fresh('KC') })).id, template: 'no10', selectionKind: 'major', selectionSeed: 'matrix', selectionReason: '金额较大' },
    }),
    requiredBody: ['fiscalYear', 'objectKind', 'template'],
  },
  { method: 'GET', route: `${base}/:id`, access: 'evaluation.read', ok: 200, target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${base}/${(await on(w, s)).id}` }) },
  managed('PUT', '/plan', 'planning', (e) => ({ version: e.version, purpose: '评价资金使用绩效', scope: '2025 年度', methods: '比较法' }), ['version']),
  managed(
    'PUT',
    '/framework',
    'planning',
    (e) => ({ version: e.version, lines: keyEvaluationTemplates.no10.map((l) => ({ level1: l.level1, level2: l.level2, level3: l.level3, weight: l.weight, basis: '' })) }),
    ['version', 'lines'],
  ),
  managed('POST', '/stage', 'selected', (e) => ({ version: e.version, stage: 'planning' }), ['version', 'stage']),
  managed('POST', '/fieldwork', 'fieldwork', () => ({ visitedOn: '2026-03-01', place: '项目现场', people: '评价组', notes: '查看现场' }), ['visitedOn', 'place'], { ok: 201 }),
  managed('PUT', '/survey', 'planning', () => ({ title: '满意度调查', questions: ['总体满意度'], target: '90' }), ['title', 'questions']),
  {
    method: 'POST',
    route: `${base}/:id/exchange`,
    access: 'evaluation.fill',
    routeAccess: 'evaluation.read',
    ok: 200,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const e = await on(w, s, { stage: 'exchange', scored: true })
      return { url: `${base}/${e.id}/exchange`, body: { version: e.version, opinion: '对评价结论无异议' } }
    },
    requiredBody: ['version', 'opinion'],
  },
  {
    method: 'POST',
    route: `${base}/:id/lines/:lineId/evidence`,
    access: 'evaluation.key',
    ok: 201,
    target: 'unit',
    onlyAt: ['jurisdiction'],
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const e = await on(w, s, { stage: 'fieldwork' })
      return { url: `${base}/${e.id}/lines/${e.lineId}/evidence`, body: new MultipartBody('立项批复.pdf', Buffer.from('%PDF-1.4 批复')) }
    },
  },
  {
    method: 'GET',
    route: `${base}/:id/evidence/:evidenceId/download`,
    access: 'evaluation.read',
    ok: 200,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const e = await on(w, s, { stage: 'fieldwork' })
      const file = await w.t.db.insertInto('storedFile').values({ sha256: '0'.repeat(64), fileName: '佐证.pdf', contentType: 'application/pdf', sizeBytes: 3, content: Buffer.from('pdf') }).returning('id').executeTakeFirstOrThrow()
      const ev = await w.t.db.insertInto('keyEvaluationEvidence').values({ keyEvaluationId: e.id, lineId: e.lineId, fileId: file.id }).returning('id').executeTakeFirstOrThrow()
      return { url: `${base}/${e.id}/evidence/${ev.id}/download` }
    },
  },
  { method: 'GET', route: `${base}/:id/report.docx`, access: 'evaluation.read', ok: 200, target: 'unit', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `${base}/${(await on(w, s, { stage: 'final', scored: true })).id}/report.docx` }) },
  {
    method: 'GET',
    route: `${base}/:id/survey/template.xlsx`,
    access: 'evaluation.key',
    ok: 200,
    target: 'unit',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `${base}/${(await on(w, s, { survey: true })).id}/survey/template.xlsx` }),
  },
  {
    method: 'POST',
    route: `${base}/:id/survey/import`,
    access: 'evaluation.key',
    ok: 200,
    target: 'unit',
    onlyAt: ['jurisdiction'],
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    badQuery: { dryRun: 'perhaps' },
    request: async (w, s) => {
      const e = await on(w, s, { stage: 'planning', survey: true })
      return { url: `${base}/${e.id}/survey/import?dryRun=false`, body: new MultipartBody('答卷.xlsx', await surveySheet(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') }
    },
  },
]
