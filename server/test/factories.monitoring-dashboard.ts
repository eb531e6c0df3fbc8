import Decimal from 'decimal.js'
import type { Light } from '../../domain/lights.ts'
import type { CauseCategory, CorrectiveActionKind, CorrectiveActionStatus, Likelihood, MonitoringFormStatus } from '../../domain/monitoring.ts'
import type { IndicatorNature } from '../../domain/indicators.ts'
import type { OrgNode, Project } from '../db/schema.ts'
import type { TestContext } from './context.ts'
import { fresh } from './fresh.ts'

/**
 * Monitoring rows for the dashboard, report and export tests, written straight to the tables (no job, no audit):
 * rounds and forms are built by other modules, so these tests seed the state they read.
 */


export async function makeRound(
  t: TestContext,
  options: { jurisdiction: OrgNode; fiscalYear?: number; cutoffMonth?: number; deadline?: Date; status?: 'opening' | 'open' | 'closed'; name?: string },
) {
  const cutoffMonth = options.cutoffMonth ?? 6
  return t.db
    .insertInto('monitoringRound')
    .values({
      jurisdictionCode: options.jurisdiction.code,
      fiscalYear: options.fiscalYear ?? 2026,
      cutoffMonth,
      name: options.name ?? fresh(`1—${cutoffMonth}月绩效运行监控`),
      deadline: options.deadline ?? new Date(t.clock.now().getTime() + 7 * 86_400_000),
      status: options.status ?? 'open',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export interface FormIndicatorSeed {
  name?: string
  level1?: string
  level2?: string
  nature?: IndicatorNature
  target?: string
  unit?: string
  progress?: string | null
  likelihood?: Likelihood | null
  causeCategory?: CauseCategory | null
  deviationAnalysis?: string
  measures?: string
  light?: Light | null
}

/** A project form of the round (a fresh budgeted project of the unit unless given) with its funds and lights. */
export async function makeForm(
  t: TestContext,
  options: {
    round: { id: string; jurisdictionCode: string; fiscalYear: number; cutoffMonth: number }
    unit: OrgNode
    project?: Project
    status?: MonitoringFormStatus
    projectLight?: Light | null
    budgetLight?: Light | null
    budgetInitial?: string
    budgetAdjusted?: string
    executed?: string
    unitForecast?: string | null
    isKey?: boolean
    extensionUntil?: Date | null
    remindCount?: number
    agencyUserId?: string | null
    indicators?: FormIndicatorSeed[]
  },
) {
  const project = options.project ?? (await t.make.project({ unit: options.unit, status: 'executing', code: fresh('MD'), fiscalYear: options.round.fiscalYear, amountGeneral: options.budgetInitial ?? '1000000.00' }))
  const budgetInitial = options.budgetInitial ?? project.amountFiscal
  const budgetAdjusted = options.budgetAdjusted ?? budgetInitial
  const executed = options.executed ?? '0.00'
  const rate = new Decimal(budgetAdjusted).isZero() ? null : new Decimal(executed).dividedBy(budgetAdjusted).times(100).toFixed(2)
  const form = await t.db
    .insertInto('monitoringForm')
    .values({
      roundId: options.round.id,
      kind: 'project',
      projectId: project.id,
      jurisdictionCode: options.round.jurisdictionCode,
      departmentCode: options.unit.departmentCode!,
      unitCode: options.unit.code,
      fiscalYear: options.round.fiscalYear,
      cutoffMonth: options.round.cutoffMonth,
      status: options.status ?? 'draft',
      isKey: options.isKey ?? false,
      keyReasons: options.isKey ? ['manual'] : [],
      budgetInitial,
      budgetAdjusted,
      executed,
      executionRate: rate,
      unitForecast: options.unitForecast ?? null,
      budgetLight: options.budgetLight === undefined ? 'green' : options.budgetLight,
      projectLight: options.projectLight === undefined ? 'green' : options.projectLight,
      extensionUntil: options.extensionUntil ?? null,
      agencyUserId: options.agencyUserId ?? null,
      remindCount: options.remindCount ?? 0,
      remindedAt: options.remindCount ? t.clock.now() : null,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const indicators = options.indicators ?? [{}]
  if (indicators.length) {
    await t.db
      .insertInto('monitoringFormIndicator')
      .values(
        indicators.map((i, index) => ({
          formId: form.id,
          fiscalYear: form.fiscalYear,
          sortOrder: index + 1,
          level1: i.level1 ?? '产出指标',
          level2: i.level2 ?? '数量指标',
          name: i.name ?? `监控指标${index + 1}`,
          nature: i.nature ?? '>=',
          target: i.target ?? '100',
          unit: i.unit ?? '个',
          progress: i.progress === undefined ? '50' : i.progress,
          likelihood: i.likelihood === undefined ? 'certain' : i.likelihood,
          causeCategory: i.causeCategory ?? null,
          deviationAnalysis: i.deviationAnalysis ?? '',
          measures: i.measures ?? '',
          light: i.light === undefined ? (options.projectLight === undefined ? 'green' : options.projectLight) : i.light,
        })),
      )
      .execute()
  }
  return { form, project }
}

/** A 部门整体 form of the round for the department. */
export async function makeDepartmentForm(t: TestContext, options: { round: { id: string; jurisdictionCode: string; fiscalYear: number; cutoffMonth: number }; department: OrgNode; status?: MonitoringFormStatus; projectLight?: Light | null }) {
  return t.db
    .insertInto('monitoringForm')
    .values({
      roundId: options.round.id,
      kind: 'department',
      projectId: null,
      jurisdictionCode: options.round.jurisdictionCode,
      departmentCode: options.department.code,
      unitCode: null,
      fiscalYear: options.round.fiscalYear,
      cutoffMonth: options.round.cutoffMonth,
      status: options.status ?? 'draft',
      projectLight: options.projectLight ?? null,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A corrective action on a form's project, issued by the round's bureau. */
export async function makeAction(
  t: TestContext,
  options: { form: { id: string; roundId: string; projectId: string | null; jurisdictionCode: string; departmentCode: string; unitCode: string | null }; kind?: CorrectiveActionKind; status?: CorrectiveActionStatus; amount?: string | null; title?: string },
) {
  const kind = options.kind ?? 'notice'
  return t.db
    .insertInto('correctiveAction')
    .values({
      jurisdictionCode: options.form.jurisdictionCode,
      departmentCode: options.form.departmentCode,
      unitCode: options.form.unitCode,
      projectId: options.form.projectId,
      formId: options.form.id,
      roundId: options.form.roundId,
      kind,
      title: options.title ?? fresh('纠偏事项'),
      amount: options.amount ?? null,
      status: options.status ?? 'open',
      issuerOrgCode: options.form.jurisdictionCode,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}
