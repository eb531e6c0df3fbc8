import type { CorrectiveActionKind, CorrectiveActionStatus } from '../../domain/monitoring.ts'
import type { Light } from '../../domain/lights.ts'
import type { OrgNode } from '../db/schema.ts'
import type { TestContext } from './context.ts'

/**
 * Rounds, forms and corrective actions written straight to the tables (no audit rows), for the actions tests and
 * the endpoint table. Rounds and forms are built by their own modules; these rows carry only what actions read.
 */

let serial = 0
const fresh = (prefix: string) => `${prefix}${++serial}`

/** An open round of the jurisdiction at its June cut-off. */
export async function makeRound(t: TestContext, jurisdiction: OrgNode, options: { fiscalYear?: number; cutoffMonth?: number } = {}) {
  return t.db
    .insertInto('monitoringRound')
    .values({
      jurisdictionCode: jurisdiction.jurisdictionCode,
      fiscalYear: options.fiscalYear ?? 2026,
      cutoffMonth: options.cutoffMonth ?? 6,
      name: fresh('2026年1-6月绩效监控'),
      deadline: new Date(t.clock.now().getTime() + 14 * 86_400_000),
      status: 'open',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A project form of the round for an executing project of the unit (a fresh one unless given), with its lights. */
export async function makeForm(
  t: TestContext,
  options: { round: { id: string; fiscalYear: number; cutoffMonth: number }; unit: OrgNode; projectId?: string; projectLight?: Light | null; budgetLight?: Light | null; amount?: string },
) {
  const project = options.projectId
    ? await t.db.selectFrom('project').selectAll().where('id', '=', options.projectId).executeTakeFirstOrThrow()
    : await t.make.project({ unit: options.unit, code: fresh('MA'), status: 'executing', amountGeneral: options.amount ?? '1000000.00' })
  return t.db
    .insertInto('monitoringForm')
    .values({
      roundId: options.round.id,
      kind: 'project',
      projectId: project.id,
      jurisdictionCode: project.jurisdictionCode,
      departmentCode: project.departmentCode,
      unitCode: project.unitCode,
      fiscalYear: options.round.fiscalYear,
      cutoffMonth: options.round.cutoffMonth,
      budgetInitial: project.amountFiscal,
      budgetAdjusted: project.amountFiscal,
      executed: '100000.00',
      executionRate: '10.00',
      projectLight: options.projectLight === undefined ? 'red' : options.projectLight,
      budgetLight: options.budgetLight === undefined ? 'red' : options.budgetLight,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * A corrective action on a project (an executing one of the unit unless given), issued by `issuer` (an org node:
 * the bureau of the project's jurisdiction unless said), with its 'issue' event.
 */
export async function makeAction(
  t: TestContext,
  options: { unit: OrgNode; kind?: CorrectiveActionKind; projectId?: string; formId?: string; roundId?: string; issuer?: OrgNode; status?: CorrectiveActionStatus; amount?: string | null; dueOn?: string | null; lifted?: boolean },
) {
  const project = options.projectId
    ? await t.db.selectFrom('project').selectAll().where('id', '=', options.projectId).executeTakeFirstOrThrow()
    : await t.make.project({ unit: options.unit, code: fresh('MB'), status: 'executing' })
  const kind = options.kind ?? 'notice'
  const needsAmount = ['hold_payment', 'stop_payment', 'cut_budget', 'recover'].includes(kind)
  const row = await t.db
    .insertInto('correctiveAction')
    .values({
      jurisdictionCode: project.jurisdictionCode,
      departmentCode: project.departmentCode,
      unitCode: project.unitCode,
      projectId: project.id,
      formId: options.formId ?? null,
      roundId: options.roundId ?? null,
      kind,
      title: fresh('关于项目执行偏差的纠偏措施'),
      content: '请说明原因并提出整改措施。',
      amount: options.amount !== undefined ? options.amount : needsAmount ? '50000.00' : null,
      dueOn: options.dueOn !== undefined ? options.dueOn : kind === 'notice' || kind === 'inquiry' ? '2026-12-31' : null,
      status: options.status ?? 'open',
      issuerOrgCode: options.issuer?.code ?? project.jurisdictionCode,
      liftedAt: options.lifted ? t.clock.now() : null,
      liftedBy: null,
      goalAdjustmentId: null,
      issuedBy: null,
      respondedAt: null,
      respondedBy: null,
      closedAt: null,
      closedBy: null,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await t.db.insertInto('correctiveActionEvent').values({ actionId: row.id, event: 'issue', note: row.content, createdAt: t.clock.now() }).execute()
  return row
}
