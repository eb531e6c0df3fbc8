import type { OrgNode, Project } from '../db/schema.ts'
import type { TestContext } from './context.ts'

let serial = 0

/** Monitoring rounds and forms written straight to the tables (no audit rows), for the rounds tests and the endpoint table. */
export function roundFactories(t: TestContext) {
  async function round(options: { jurisdiction: OrgNode; deadline?: Date; status?: 'opening' | 'open' | 'closed'; cutoffMonth?: number; fiscalYear?: number; name?: string; createdAt?: Date }) {
    return t.db
      .insertInto('monitoringRound')
      .values({
        jurisdictionCode: options.jurisdiction.jurisdictionCode,
        fiscalYear: options.fiscalYear ?? 2026,
        cutoffMonth: options.cutoffMonth ?? 6,
        name: options.name ?? `测试监控批次${++serial}`,
        deadline: options.deadline ?? new Date(t.clock.now().getTime() + 7 * 86_400_000),
        status: options.status ?? 'open',
        createdAt: options.createdAt ?? t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  }

  /** A project form of the round for the project (a fresh budgeted project of the unit unless given). */
  async function form(options: { round: { id: string; jurisdictionCode: string; fiscalYear: number; cutoffMonth: number }; unit: OrgNode; project?: Project; isKey?: boolean; status?: 'draft' | 'submitted' | 'returned' | 'accepted' }) {
    const project = options.project ?? (await t.make.project({ unit: options.unit, status: 'budgeted', code: `MR${++serial}` }))
    return t.db
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
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  }

  /** A payment of the project in a month of its fiscal year. */
  async function payment(project: Project, month: number, amount: string) {
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

  return { round, form, payment }
}
