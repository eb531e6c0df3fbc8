import type { OrgNode, Project } from '../db/schema.ts'
import { openSelfRoundWork } from '../modules/evaluation/self.open.ts'
import type { TestContext } from './context.ts'

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
export async function pay(t: TestContext, project: Project, amount: string, month = 6) {
  await t.db
    .insertInto('executionPayment')
    .values({
      jurisdictionCode: project.jurisdictionCode,
      projectId: project.id,
      fiscalYear: project.fiscalYear,
      paidOn: `${project.fiscalYear}-${String(month).padStart(2, '0')}-15`,
      month,
      amount,
      fundSource: '一般公共预算',
      voucherNo: `V${++serial}`,
      source: 'generated',
      createdAt: t.clock.now(),
    })
    .execute()
}

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
