import type { MonitoringFormStatus } from '../../domain/monitoring.ts'
import type { OrgNode, Project } from '../db/schema.ts'
import type { TestContext } from './context.ts'
import { goodGoalIndicators } from './factories.ts'

/**
 * Monitoring rounds and forms written straight to the tables (no audit rows, no opening job): the forms helper's
 * tests need forms in every state without the rounds module. Money is decimal strings.
 */

let serial = 0
const fresh = (prefix: string) => `${prefix}${++serial}`

export async function makeRound(
  t: TestContext,
  options: { jurisdiction: OrgNode; fiscalYear?: number; cutoffMonth?: number; deadline?: Date; status?: 'opening' | 'open' | 'closed' },
) {
  return t.db
    .insertInto('monitoringRound')
    .values({
      jurisdictionCode: options.jurisdiction.jurisdictionCode,
      fiscalYear: options.fiscalYear ?? 2026,
      cutoffMonth: options.cutoffMonth ?? 6,
      name: fresh('2026年1–6月绩效监控'),
      deadline: options.deadline ?? new Date(t.clock.now().getTime() + 30 * 86_400_000),
      status: options.status ?? 'open',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export interface FormIndicatorSeed {
  level1?: string
  level2: string
  name: string
  nature: '>=' | '>' | '=' | '<=' | '<' | 'qualitative'
  target: string
  unit: string
  progress?: string | null
  likelihood?: 'certain' | 'possible' | 'impossible' | null
}

/** The test goal's indicators as a form has them (progress empty). */
export const seedIndicators = (): FormIndicatorSeed[] =>
  goodGoalIndicators().map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, nature: i.nature, target: i.target, unit: i.unit }))

type Round = Awaited<ReturnType<typeof makeRound>>

/**
 * A project form of the round (a fresh budgeted project of the unit unless one is given), or a department form
 * with `department`. Its funds start as the project's fiscal funds with nothing spent.
 */
export async function makeForm(
  t: TestContext,
  options: {
    round: Round
    unit?: OrgNode
    project?: Project
    department?: OrgNode
    status?: MonitoringFormStatus
    indicators?: FormIndicatorSeed[]
    isKey?: boolean
    agencyUserId?: string
    unitForecast?: string | null
    amount?: string
  },
) {
  const { round } = options
  const project = options.department ? null : (options.project ?? (await t.make.project({ unit: options.unit!, status: 'budgeted', code: fresh('MF'), amountGeneral: options.amount ?? '1000000.00', fiscalYear: round.fiscalYear })))
  const budget = project?.amountFiscal ?? '0.00'
  const form = await t.db
    .insertInto('monitoringForm')
    .values({
      roundId: round.id,
      kind: project ? 'project' : 'department',
      projectId: project?.id ?? null,
      goalId: null,
      jurisdictionCode: round.jurisdictionCode,
      departmentCode: project?.departmentCode ?? options.department!.code,
      unitCode: project?.unitCode ?? null,
      fiscalYear: round.fiscalYear,
      cutoffMonth: round.cutoffMonth,
      status: options.status ?? 'draft',
      isKey: options.isKey ?? false,
      budgetInitial: budget,
      budgetAdjusted: budget,
      executed: '0.00',
      unitForecast: options.unitForecast ?? null,
      agencyUserId: options.agencyUserId ?? null,
      submittedAt: options.status && options.status !== 'draft' ? t.clock.now() : null,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const indicators = options.indicators ?? seedIndicators()
  if (indicators.length) {
    await t.db
      .insertInto('monitoringFormIndicator')
      .values(indicators.map((i, index) => ({ formId: form.id, fiscalYear: form.fiscalYear, sortOrder: index + 1, level1: i.level1 ?? '产出指标', level2: i.level2, name: i.name, nature: i.nature, target: i.target, unit: i.unit, progress: i.progress ?? null, likelihood: i.likelihood ?? null })))
      .execute()
  }
  return { ...form, project }
}

/** A treasury payment of the project in the given month of its fiscal year. */
export async function makePayment(t: TestContext, options: { project: Project; month: number; amount: string }) {
  const paidOn = `${options.project.fiscalYear}-${String(options.month).padStart(2, '0')}-15`
  await t.db
    .insertInto('executionPayment')
    .values({
      jurisdictionCode: options.project.jurisdictionCode,
      projectId: options.project.id,
      fiscalYear: options.project.fiscalYear,
      paidOn,
      month: options.month,
      amount: options.amount,
      fundSource: '一般公共预算',
      voucherNo: fresh('V'),
      source: 'demo',
      createdAt: t.clock.now(),
    })
    .execute()
}

/** Every indicator of the seed with its progress (half the target by mid-year), without the likelihood unless asked. */
export const completeIndicators = (likelihood: FormIndicatorSeed['likelihood'] = null): FormIndicatorSeed[] =>
  seedIndicators().map((i) => ({ ...i, likelihood, progress: i.nature === 'qualitative' ? '达成' : String(Number(i.target) / 2) }))
