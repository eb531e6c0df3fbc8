import type { OrgNode, Project } from '../db/schema.ts'
import { openSelfRoundWork } from '../modules/evaluation/self.open.ts'
import type { TestContext } from './context.ts'
import { makePayment } from './factories.monitoring-forms.ts'

/**
 * 单位自评 rounds written straight to the table and opened by the opening work itself (no API, no job queue), and
 * budgeted projects with an approved goal: the self-evaluation tests need a round with forms quickly.
 */

let serial = 0

/** A budgeted project of the unit with an approved goal (in force now) of the test's good indicators. */
export async function evaluatedProject(t: TestContext, unit: OrgNode, options: { amount?: string; status?: 'budgeted' | 'executing' | 'closed' | 'library'; goal?: boolean; fiscalYear?: number } = {}): Promise<Project> {
  const project = await t.make.project({ unit, status: options.status ?? 'budgeted', code: `SE${++serial}`, amountGeneral: options.amount ?? '1000000.00', fiscalYear: options.fiscalYear })
  if (options.goal !== false) await t.make.goal({ project, status: 'approved' })
  return project
}

/** A paid amount of the project in the given month. */
export const pay = (t: TestContext, project: Project, amount: string, month = 6) => makePayment(t, { project, month, amount })

/** A round of the jurisdiction's year, opened (its forms created) unless `status: 'opening'`. */
export async function openedSelfRound(t: TestContext, options: { jurisdiction: OrgNode; fiscalYear?: number; status?: 'opening' | 'open' }) {
  const round = await t.db
    .insertInto('selfEvalRound')
    .values({
      jurisdictionCode: options.jurisdiction.jurisdictionCode,
      fiscalYear: options.fiscalYear ?? 2026,
      name: `${options.fiscalYear ?? 2026}年度单位绩效自评${++serial}`,
      deadline: new Date(t.clock.now().getTime() + 60 * 86_400_000),
      status: 'opening',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  if (options.status !== 'opening') await openSelfRoundWork(t.db, round.id)
  return round
}

export const formOfProject = (t: TestContext, projectId: string) => t.db.selectFrom('selfEvalForm').selectAll().where('projectId', '=', projectId).executeTakeFirstOrThrow()

/** The test goal's indicators as a 自评表 has them, weights adding up to 100 with the execution's 10. */
const seedIndicators = [
  { level1: '产出指标', level2: '数量指标', name: '培训人次', nature: '>=' as const, target: '500', unit: '人次', weight: '16.66', full: '500' },
  { level1: '产出指标', level2: '质量指标', name: '培训合格率', nature: '>=' as const, target: '95', unit: '%', weight: '16.66', full: '96' },
  { level1: '产出指标', level2: '时效指标', name: '培训完成时间', nature: 'qualitative' as const, target: '2026年11月30日前', unit: '', weight: '16.68', full: '达成年度指标' },
  { level1: '效益指标', level2: '社会效益指标', name: '参训人员考核优良率', nature: '>=' as const, target: '90', unit: '%', weight: '30.00', full: '92' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '参训人员满意度', nature: '>=' as const, target: '90', unit: '%', weight: '10.00', full: '95' },
]

/**
 * A 自评表 written straight to the tables in an open round of the unit's jurisdiction (one round per jurisdiction
 * and year, created on first use), of a fresh budgeted project, fully spent: `complete` fills every indicator at its
 * target so it can be submitted; `status` sets where it stands in the workflow.
 */
export async function makeSelfForm(t: TestContext, options: { unit: OrgNode; status?: 'draft' | 'submitted' | 'dept_accepted' | 'returned' | 'accepted'; complete?: boolean }) {
  const existing = await t.db.selectFrom('selfEvalRound').selectAll().where('jurisdictionCode', '=', options.unit.jurisdictionCode).where('fiscalYear', '=', 2026).executeTakeFirst()
  let round = existing
  if (!round) {
    round = await openedSelfRound(t, { jurisdiction: options.unit, status: 'opening' })
    await t.db.updateTable('selfEvalRound').set({ status: 'open' }).where('id', '=', round.id).execute()
  }
  const project = await t.make.project({ unit: options.unit, status: 'budgeted', code: `SF${++serial}`, amountGeneral: '1000000.00' })
  const complete = options.complete ?? options.status !== undefined
  const form = await t.db
    .insertInto('selfEvalForm')
    .values({
      roundId: round.id,
      kind: 'project',
      projectId: project.id,
      jurisdictionCode: project.jurisdictionCode,
      departmentCode: project.departmentCode,
      unitCode: project.unitCode,
      fiscalYear: 2026,
      status: options.status ?? 'draft',
      budgetInitial: '1000000.00',
      budget: '1000000.00',
      executed: '1000000.00',
      executionWeight: '10.00',
      executionRate: '100.00',
      executionScore: '10.00',
      overallTarget: '完成培训500人次',
      total: complete ? '100.00' : null,
      grade: complete ? '优' : null,
      submittedAt: options.status && options.status !== 'draft' ? t.clock.now() : null,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await t.db
    .insertInto('selfEvalIndicator')
    .values(seedIndicators.map(({ full, ...i }, n) => ({ ...i, formId: form.id, sortOrder: n + 1, actual: complete ? full : null, proposedScore: complete ? i.weight : null, score: complete ? i.weight : null })))
    .execute()
  return { ...form, project }
}
