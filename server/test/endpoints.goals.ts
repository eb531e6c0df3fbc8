import type { GoalStatus } from '../../domain/goals.ts'
import type { Grade } from '../../domain/rule-set.ts'
import type { Access, Endpoint, Scope, World } from './endpoints.ts'
import { goodGoalIndicators } from './factories.ts'

/**
 * The goal endpoints for the endpoint table. Each request works on a fresh goal of the scope's unit in the status
 * the move needs. Who may review depends on where the reviewer sits (初审 at the department, 复审 at the bureau):
 * `onlyAt` says so.
 */

const goalIn = async (w: World, s: Scope, status: GoalStatus = 'draft', financeGrade: Grade | null = null) => {
  const project = await w.t.make.project({ unit: w[s].unit })
  return w.t.make.goal({ project, status, financeGrade })
}

const content = () => ({
  name: '2026年教师培训项目绩效目标',
  overallTarget: '完成培训500人次，参训人员满意度不低于90%。',
  mediumTermTarget: '',
  annualTarget: '完成培训500人次，参训人员满意度不低于90%。',
  indicators: goodGoalIndicators(),
})

const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', sort: 'nope', status: 'gone', kind: 'x', fiscalYear: '1800', projectId: 'nope', todo: 'maybe', q: 'x'.repeat(500), departmentCode: 'x'.repeat(40), unitCode: 'x'.repeat(40) }

function action(path: string, access: Access, status: GoalStatus, extra: Partial<Endpoint> & { body?: Record<string, unknown>; grade?: Grade } = {}): Endpoint {
  const { body, grade, ...rest } = extra
  return {
    method: 'POST',
    route: `/api/goals/:id/${path}`,
    routeAccess: 'goal.read',
    access,
    ok: 200,
    target: 'unit',
    badParam: 'not-a-uuid',
    requiredBody: ['version'],
    request: async (w, s) => {
      const goal = await goalIn(w, s, status, grade ?? null)
      return { url: `/api/goals/${goal.id}/${path}`, body: { version: goal.version, ...body } }
    },
    ...rest,
  }
}

/** The city's expert (the matrix makes one per role); a bad body is refused before anyone is looked up. */
async function expertOf(w: World, s: Scope) {
  const expert = await w.t.db
    .selectFrom('appUser')
    .select('id')
    .where('orgCode', '=', w[s].city.code)
    .where((eb) => eb(eb.val('expert'), '=', eb.fn.any('roles')))
    .executeTakeFirst()
  return expert?.id ?? crypto.randomUUID()
}

export const goalEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/goals', access: 'goal.read', alsoAccess: 'goal.expert_review', ok: 200, badQuery: listQuery, request: async () => ({ url: '/api/goals' }) },
  {
    method: 'POST',
    route: '/api/goals',
    access: 'goal.edit',
    ok: 201,
    target: 'unit',
    request: async (w, s) => {
      const project = await w.t.make.project({ unit: w[s].unit })
      return { url: '/api/goals', body: { kind: 'project', projectId: project.id, fiscalYear: 2026, ...content() } }
    },
    requiredBody: ['kind', 'fiscalYear', 'name'],
  },
  { method: 'GET', route: '/api/goals/peer-targets', access: 'goal.read', ok: 200, badQuery: { codes: 'x'.repeat(2100), fiscalYear: 'soon', excludeLineageId: 'not-a-uuid' }, request: async () => ({ url: '/api/goals/peer-targets?codes=T001,T002' }) },
  {
    method: 'GET',
    route: '/api/goals/in-force',
    access: 'goal.read',
    ok: 200,
    target: 'unit',
    badQuery: { projectId: 'nope', at: 'yesterday' },
    request: async (w, s) => ({ url: `/api/goals/in-force?projectId=${(await goalIn(w, s, 'approved', '优')).projectId}` }),
  },
  {
    method: 'POST',
    route: '/api/goals/batch',
    access: 'goal.review',
    ok: 200,
    request: async (w) => {
      const goal = await goalIn(w, 'own', 'submitted')
      return { url: '/api/goals/batch', body: { action: 'dept_approve', items: [{ id: goal.id, version: goal.version }], opinion: '' } }
    },
    requiredBody: ['action', 'items'],
  },
  {
    method: 'GET',
    route: '/api/goals/:id',
    access: 'goal.read',
    alsoAccess: 'goal.expert_review',
    assignedOnly: true,
    ok: 200,
    target: 'unit',
    badParam: '123',
    request: async (w, s) => ({ url: `/api/goals/${(await goalIn(w, s)).id}` }),
  },
  {
    method: 'PUT',
    route: '/api/goals/:id',
    access: 'goal.edit',
    ownJurisdictionOnly: true,
    ok: 200,
    target: 'unit',
    badParam: 'x',
    request: async (w, s) => {
      const goal = await goalIn(w, s)
      return { url: `/api/goals/${goal.id}`, body: { version: goal.version, ...content() } }
    },
    requiredBody: ['version', 'name'],
  },
  {
    method: 'DELETE',
    route: '/api/goals/:id',
    access: 'goal.edit',
    ownJurisdictionOnly: true,
    ok: 204,
    target: 'unit',
    badParam: 'x',
    request: async (w, s) => {
      const goal = await goalIn(w, s)
      return { url: `/api/goals/${goal.id}`, body: { version: goal.version } }
    },
    requiredBody: ['version'],
  },
  action('submit', 'goal.edit', 'draft', { ownJurisdictionOnly: true }),
  action('withdraw', 'goal.edit', 'submitted', { ownJurisdictionOnly: true }),
  action('return', 'goal.review', 'dept_approved', { onlyAt: ['jurisdiction'], ownJurisdictionOnly: true, body: { opinion: '请补充测算依据' }, requiredBody: ['version', 'opinion'] }),
  action('dept-approve', 'goal.review', 'submitted', { onlyAt: ['department'] }),
  action('review', 'goal.review', 'dept_approved', { onlyAt: ['jurisdiction'], ownJurisdictionOnly: true, body: { grade: '优', dimensions: { completeness: '完整' }, opinion: '' }, requiredBody: ['version', 'grade'] }),
  action('approve', 'goal.approve', 'dept_approved', { onlyAt: ['jurisdiction'], ownJurisdictionOnly: true, grade: '优' }),
  action('publish', 'goal.approve', 'approved', { onlyAt: ['jurisdiction'], ownJurisdictionOnly: true, grade: '优' }),
  action('adjust', 'goal.edit', 'approved', { ok: 201, grade: '优', ownJurisdictionOnly: true, body: { reason: '年中预算调整', ...content() }, requiredBody: ['version', 'reason', 'name'] }),
  action('experts', 'goal.review', 'dept_approved', {
    onlyAt: ['jurisdiction'],
    ownJurisdictionOnly: true,
    requiredBody: ['version', 'expertIds'],
    request: async (w, s) => {
      const goal = await goalIn(w, s, 'dept_approved')
      return { url: `/api/goals/${goal.id}/experts`, body: { version: goal.version, expertIds: [await expertOf(w, s)] } }
    },
  }),
  {
    method: 'POST',
    route: '/api/goals/:id/expert-review',
    access: 'goal.expert_review',
    assignedOnly: true,
    ok: 200,
    target: 'unit',
    badParam: 'x',
    request: async (w, s) => ({ url: `/api/goals/${(await goalIn(w, s, 'dept_approved')).id}/expert-review`, body: { score: '90', grade: '优', dimensions: {}, opinion: '目标明确，指标完整' } }),
    requiredBody: ['score', 'grade', 'opinion'],
  },
]
