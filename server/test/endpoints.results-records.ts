import type { OrgNode } from '../db/schema.ts'
import type { TestContext } from './context.ts'
import type { Endpoint, Scope, World } from './endpoints.ts'
import { makeRound } from './factories.monitoring-dashboard.ts'

/**
 * 通报, 约谈 and 问责 (issue 13) for the endpoint table. A 约谈 here sits with the district's department, a 问责 with
 * the unit's project: read where the owner is seen, written only by the district bureau (the city above only
 * looks). A bulletin is a bureau's: departments and units do not see the district's rounds as a whole (404).
 */

let serial = 0

/** A 约谈 of the department on a project of its unit (no new org nodes: the bad-input test counts them). */
export async function makeInterview(t: TestContext, org: OrgNode, unit: OrgNode) {
  const project = await t.make.project({ unit, code: `IV${++serial}` })
  return t.db
    .insertInto('interview')
    .values({
      jurisdictionCode: org.jurisdictionCode,
      fiscalYear: 2026,
      orgCode: org.code,
      departmentCode: org.departmentCode ?? org.code,
      unitCode: org.kind === 'unit' ? org.code : null,
      personTitle: '局长',
      interviewedOn: '2026-03-01',
      interviewer: '财政局分管副局长',
      reason: '自评等级为差，整改不力',
      sourceType: 'project',
      sourceId: project.id,
      projectId: project.id,
      outcome: '',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function makeAccountability(t: TestContext, unit: OrgNode) {
  const project = await t.make.project({ unit, code: `AC${++serial}` })
  return t.db
    .insertInto('accountability')
    .values({
      jurisdictionCode: project.jurisdictionCode,
      fiscalYear: project.fiscalYear,
      projectId: project.id,
      departmentCode: project.departmentCode,
      unitCode: project.unitCode,
      incident: '设备长期闲置，造成重大损失',
      lossAmount: '1250000.50',
      measures: '责令整改，通报批评',
      decidedOn: '2026-04-01',
      decidedBy: '区纪委监委',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

async function selfRoundOf(w: World, s: Scope) {
  const existing = await w.t.db.selectFrom('selfEvalRound').select('id').where('jurisdictionCode', '=', w[s].district.code).where('fiscalYear', '=', 2026).executeTakeFirst()
  if (existing) return existing.id
  const round = await w.t.db
    .insertInto('selfEvalRound')
    .values({ jurisdictionCode: w[s].district.code, fiscalYear: 2026, name: `自评批次${++serial}`, deadline: w.t.clock.now(), status: 'open', createdAt: w.t.clock.now(), updatedAt: w.t.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return round.id
}

/** The city's 考核 of its district for a year only that city has: the other city's year is not found at home. */
async function assessmentYear(w: World, s: Scope) {
  const year = s === 'own' ? 2031 : 2032
  await w.t.db
    .insertInto('assessment')
    .values({ jurisdictionCode: w[s].city.code, orgCode: w[s].district.code, orgKind: 'jurisdiction', fiscalYear: year, status: 'published', dueOn: `${year + 1}-02-28`, total: '91.50', grade: '优', rank: 1, createdAt: w.t.clock.now(), updatedAt: w.t.clock.now() })
    .onConflict((oc) => oc.columns(['orgCode', 'fiscalYear']).doNothing())
    .execute()
  return year
}

const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', q: 'x'.repeat(500), fiscalYear: 'next', departmentCode: '!', projectId: 'not-a-uuid', from: 'yesterday', to: '2026-13-45' }
const { page: _p, pageSize: _s, ...exportQuery } = listQuery
const interviewQuery = { ...listQuery, sourceType: 'rumour', sourceId: 'x', orgCode: '!' }
const { page: _ip, pageSize: _is, ...interviewExport } = interviewQuery
const accountabilityQuery = { ...listQuery, unitCode: '!' }

export const resultsRecordEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/interviews', access: 'results.read', ok: 200, badQuery: interviewQuery, request: async () => ({ url: '/api/interviews' }) },
  { method: 'GET', route: '/api/interviews/export', access: 'results.read', ok: 200, badQuery: interviewExport, request: async () => ({ url: '/api/interviews/export' }) },
  {
    method: 'POST',
    route: '/api/interviews',
    access: 'results.manage',
    ok: 201,
    target: 'department',
    ownJurisdictionOnly: true,
    requiredBody: ['orgCode', 'personTitle', 'interviewedOn', 'interviewer', 'reason', 'sourceType', 'sourceId'],
    request: async (w, s) => {
      const project = await w.t.make.project({ unit: w[s].unit, code: `IVN${++serial}` })
      return { url: '/api/interviews', body: { orgCode: w[s].department.code, personTitle: '局长', interviewedOn: '2025-12-05', interviewer: '财政局局长', reason: '项目自评为差', sourceType: 'project', sourceId: project.id, outcome: '限期整改' } }
    },
  },
  { method: 'GET', route: '/api/interviews/:id', access: 'results.read', ok: 200, target: 'department', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/interviews/${(await makeInterview(w.t, w[s].department, w[s].unit)).id}` }) },
  {
    method: 'PATCH',
    route: '/api/interviews/:id',
    access: 'results.manage',
    ok: 200,
    target: 'department',
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    requiredBody: ['version'],
    request: async (w, s) => ({ url: `/api/interviews/${(await makeInterview(w.t, w[s].department, w[s].unit)).id}`, body: { version: 1, outcome: '已整改到位' } }),
  },
  {
    method: 'DELETE',
    route: '/api/interviews/:id',
    access: 'results.manage',
    ok: 204,
    target: 'department',
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    requiredBody: ['version'],
    request: async (w, s) => ({ url: `/api/interviews/${(await makeInterview(w.t, w[s].department, w[s].unit)).id}`, body: { version: 1 } }),
  },

  { method: 'GET', route: '/api/accountability', access: 'results.read', ok: 200, badQuery: accountabilityQuery, request: async () => ({ url: '/api/accountability' }) },
  { method: 'GET', route: '/api/accountability/export', access: 'results.read', ok: 200, badQuery: { ...exportQuery, unitCode: '!' }, request: async () => ({ url: '/api/accountability/export' }) },
  {
    method: 'POST',
    route: '/api/accountability',
    access: 'results.manage',
    ok: 201,
    target: 'unit',
    assignedOnly: true,
    ownJurisdictionOnly: true,
    requiredBody: ['projectId', 'incident', 'lossAmount', 'measures', 'decidedOn', 'decidedBy'],
    request: async (w, s) => {
      const project = await w.t.make.project({ unit: w[s].unit, code: `ACN${++serial}` })
      return { url: '/api/accountability', body: { projectId: project.id, incident: '资金被挪用造成重大损失', lossAmount: '300000.00', measures: '追回资金，相关责任人记过', decidedOn: '2025-12-01', decidedBy: '区财政局' } }
    },
  },
  { method: 'GET', route: '/api/accountability/:id', access: 'results.read', ok: 200, target: 'unit', assignedOnly: true, badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/accountability/${(await makeAccountability(w.t, w[s].unit)).id}` }) },
  {
    method: 'PATCH',
    route: '/api/accountability/:id',
    access: 'results.manage',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    requiredBody: ['version'],
    request: async (w, s) => ({ url: `/api/accountability/${(await makeAccountability(w.t, w[s].unit)).id}`, body: { version: 1, lossAmount: '1300000.00' } }),
  },
  {
    method: 'DELETE',
    route: '/api/accountability/:id',
    access: 'results.manage',
    ok: 204,
    target: 'unit',
    assignedOnly: true,
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    requiredBody: ['version'],
    request: async (w, s) => ({ url: `/api/accountability/${(await makeAccountability(w.t, w[s].unit)).id}`, body: { version: 1 } }),
  },

  { method: 'GET', route: '/api/results/bulletins/self-rounds/:id.docx', access: 'results.read', ok: 200, target: 'district', badParam: 'not-a-uuid', request: async (w, s) => ({ url: `/api/results/bulletins/self-rounds/${await selfRoundOf(w, s)}.docx` }) },
  {
    method: 'GET',
    route: '/api/results/bulletins/monitoring-rounds/:id.docx',
    access: 'results.read',
    ok: 200,
    target: 'district',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/results/bulletins/monitoring-rounds/${(await makeRound(w.t, { jurisdiction: w[s].district })).id}.docx` }),
  },
  { method: 'GET', route: '/api/results/bulletins/assessments/:year.docx', access: 'results.read', ok: 200, target: 'city', badParam: 'last', request: async (w, s) => ({ url: `/api/results/bulletins/assessments/${await assessmentYear(w, s)}.docx` }) },
]
