import type { OrgNode } from '../db/schema.ts'
import type { TestContext } from './context.ts'
import type { Endpoint } from './endpoints.ts'

/**
 * The next-year budget decision endpoints (rule 42) for the endpoint table. A decision sits at the unit of its
 * project in the district; reading follows the project (results.read), deciding and generating are the district
 * bureau's (budget.decide) — the city above only looks.
 */

let serial = 0

/** A 2026 project of the unit with a proposal for 2027 (中, 10 % cut of 1,000,000), undecided. */
export async function makeDecision(t: TestContext, unit: OrgNode, options: { code?: string; decidedAmount?: string } = {}) {
  const project = await t.make.project({ unit, status: 'closed', code: options.code ?? `BD${++serial}`, amountGeneral: '1000000.00', fiscalYear: 2026 })
  return t.db
    .insertInto('budgetDecision')
    .values({
      jurisdictionCode: project.jurisdictionCode,
      departmentCode: project.departmentCode,
      projectId: project.id,
      projectCode: project.code,
      fiscalYear: 2027,
      sourceType: 'self_evaluation',
      sourceId: crypto.randomUUID(),
      grade: '中',
      baseAmount: '1000000.00',
      proposedAction: 'cut',
      cutPercent: '10.00',
      proposedAmount: '900000.00',
      explanation: JSON.stringify({ rule: 'REFERENCE §13.42', formula: '基数 1000000.00 元；核减 10.00%；建议安排 900000.00 元' }),
      decidedAmount: options.decidedAmount ?? null,
      decidedAt: options.decidedAmount ? t.clock.now() : null,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

const listQuery = {
  page: 'abc',
  pageSize: '1000',
  order: 'sideways',
  sort: 'nope',
  q: 'x'.repeat(500),
  fiscalYear: 'next',
  subjectKind: 'city',
  grade: 'A',
  proposedAction: 'double',
  decided: 'maybe',
  departmentCode: '!',
  projectId: 'not-a-uuid',
}
const { page: _p, pageSize: _s, ...exportQuery } = listQuery

export const budgetDecisionEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/budget-decisions', access: 'results.read', ok: 200, badQuery: listQuery, request: async () => ({ url: '/api/budget-decisions' }) },
  { method: 'GET', route: '/api/budget-decisions/export', access: 'results.read', ok: 200, badQuery: exportQuery, request: async () => ({ url: '/api/budget-decisions/export' }) },
  {
    method: 'POST',
    route: '/api/budget-decisions/generate',
    access: 'budget.decide',
    ok: 201,
    target: 'district',
    ownJurisdictionOnly: true,
    request: async (w, s) => ({ url: '/api/budget-decisions/generate', body: { jurisdictionCode: w[s].district.code, evaluatedYear: 2026 } }),
    requiredBody: ['evaluatedYear'],
  },
  {
    method: 'GET',
    route: '/api/budget-decisions/for-project/:projectId',
    access: 'results.read',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/budget-decisions/for-project/${(await w.t.make.project({ unit: w[s].unit, code: `BN${++serial}`, fiscalYear: 2027 })).id}` }),
  },
  {
    method: 'GET',
    route: '/api/budget-decisions/:id',
    access: 'results.read',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/budget-decisions/${(await makeDecision(w.t, w[s].unit)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/budget-decisions/:id/decide',
    access: 'budget.decide',
    ok: 200,
    target: 'unit',
    assignedOnly: true,
    ownJurisdictionOnly: true,
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const d = await makeDecision(w.t, w[s].unit)
      return { url: `/api/budget-decisions/${d.id}/decide`, body: { version: d.version, decidedAmount: '900000.00', reason: '按建议安排' } }
    },
    requiredBody: ['version', 'decidedAmount'],
  },
]
