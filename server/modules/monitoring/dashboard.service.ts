import Decimal from 'decimal.js'
import { deviationFromTime, type Drill, executionRate, timeProgress as timeProgressOf } from '../../../domain/monitoring-dashboard.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { type FigureRow, districtRounds, figuresByDepartment, figuresByUnit, figuresOfRound, largestDeviations, lateByUnit } from './dashboard.repository.ts'
import { mustFindRound, type RoundRow, visibleRounds } from './dashboard.scope.ts'

/**
 * 监控看板: lights by department and by district, execution against time progress (m/12), the largest deviations and
 * the late reporters of one round, each figure with the filter of the forms list (`/monitoring/forms?…`) that shows
 * the forms behind it.
 */

const DEVIATIONS = 10
const money = (value: string | number | null | undefined) => new Decimal(value ?? 0).toFixed(2)

type Figures = Omit<FigureRow, 'departmentCode' | 'departmentName'>

export function summarize(row: Figures) {
  const n = (v: unknown) => Number(v ?? 0)
  const budgetAdjusted = money(row.budgetAdjusted)
  const executed = money(row.executed)
  return {
    forms: n(row.forms),
    reported: n(row.reported),
    accepted: n(row.accepted),
    awaitingDepartment: n(row.awaitingDepartment),
    late: n(row.late),
    key: n(row.key),
    lights: { red: n(row.red), yellow: n(row.yellow), green: n(row.green), blue: n(row.blue), unlit: n(row.unlit) },
    budgetLights: { red: n(row.budgetRed), yellow: n(row.budgetYellow), green: n(row.budgetGreen) },
    budgetInitial: money(row.budgetInitial),
    budgetAdjusted,
    executed,
    executionRate: executionRate(executed, budgetAdjusted),
  }
}
export type Summary = ReturnType<typeof summarize>

const figureKeys = ['forms', 'reported', 'accepted', 'awaitingDepartment', 'late', 'key', 'red', 'yellow', 'green', 'blue', 'unlit', 'budgetRed', 'budgetYellow', 'budgetGreen'] as const
const moneyKeys = ['budgetInitial', 'budgetAdjusted', 'executed'] as const

/** The totals of several groups' figures (money added as decimals). */
export function addFigures(rows: readonly Figures[]): Figures {
  const total = Object.fromEntries([...figureKeys.map((k) => [k, 0]), ...moneyKeys.map((k) => [k, '0'])]) as Record<string, number | string>
  for (const row of rows) {
    for (const k of figureKeys) total[k] = Number(total[k]) + Number(row[k] ?? 0)
    for (const k of moneyKeys) total[k] = new Decimal(total[k]!).plus(row[k] ?? 0).toFixed(2)
  }
  return total as unknown as Figures
}

async function roundFor(db: Db, ctx: ActorCtx, query: { roundId?: string; fiscalYear?: number }): Promise<RoundRow | null> {
  if (query.roundId) return mustFindRound(db, ctx.actor, query.roundId)
  const own = ctx.actor.org.jurisdictionCode
  return (
    (await visibleRounds(db, ctx.actor)
      .where('monitoringRound.fiscalYear', '=', query.fiscalYear!)
      .orderBy((eb) => eb.case().when('monitoringRound.jurisdictionCode', '=', own).then(0).else(1).end())
      .orderBy('monitoringRound.cutoffMonth', 'desc')
      .orderBy('monitoringRound.createdAt', 'desc')
      .executeTakeFirst()) ?? null
  )
}

export async function dashboardOf(db: Db, ctx: ActorCtx, query: { roundId?: string; fiscalYear?: number }) {
  const round = await roundFor(db, ctx, query)
  const fiscalYear = round?.fiscalYear ?? query.fiscalYear!
  const rounds = await visibleRounds(db, ctx.actor).where('monitoringRound.fiscalYear', '=', fiscalYear).orderBy('monitoringRound.jurisdictionCode').orderBy('monitoringRound.cutoffMonth').execute()
  if (!round) return { round: null, rounds, fiscalYear, timeProgress: null, totals: null, byDepartment: [], byUnit: [], byDistrict: [], largestDeviations: [], late: { units: [], departments: [] } }

  const { actor, now } = ctx
  const timeProgress = timeProgressOf(round.cutoffMonth)
  const roundId = round.id
  const departments = await figuresByDepartment(db, actor, roundId, now)
  const byDepartment = departments.map((d) => ({ departmentCode: d.departmentCode, departmentName: d.departmentName, ...summarize(d), drill: { roundId, departmentCode: d.departmentCode } satisfies Drill }))

  // A department looks one level down, at its units (its own 部门整体 form under the department itself).
  const units = actor.org.kind === 'department' ? await figuresByUnit(db, actor, roundId, actor.org.code, now) : []
  const byUnit = units.map((u) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    ...summarize(u),
    drill: (u.unitCode ? { roundId, unitCode: u.unitCode } : { roundId, departmentCode: actor.org.code }) satisfies Drill,
  }))

  // A bureau rolls up the districts below it, each by its round of the year nearest this cut-off.
  const districts = actor.org.kind === 'jurisdiction' ? await districtRounds(db, actor, round) : []
  const byDistrict = await Promise.all(
    districts.map(async (d) => ({
      jurisdictionCode: d.jurisdictionCode,
      jurisdictionName: d.jurisdictionName,
      roundId: d.id,
      roundName: d.name,
      cutoffMonth: d.cutoffMonth,
      timeProgress: timeProgressOf(d.cutoffMonth),
      ...summarize(await figuresOfRound(db, actor, d.id, now)),
      drill: { roundId: d.id } satisfies Drill,
    })),
  )

  const deviations = (await largestDeviations(db, actor, roundId, timeProgress, DEVIATIONS)).map((f) => ({
    ...f,
    redIndicators: Number(f.redIndicators ?? 0),
    deviation: deviationFromTime(f.executionRate!, timeProgress),
    drill: { roundId, projectId: f.projectId! } satisfies Drill,
  }))
  const lateUnits = (await lateByUnit(db, actor, roundId, now)).map((u) => ({
    ...u,
    late: Number(u.late),
    remindCount: Number(u.remindCount ?? 0),
    drill: (u.unitCode ? { roundId, unitCode: u.unitCode } : { roundId, departmentCode: u.departmentCode }) satisfies Drill,
  }))
  const lateDepartments = byDepartment
    .filter((d) => d.late > 0 || d.awaitingDepartment > 0)
    .map((d) => ({ departmentCode: d.departmentCode, departmentName: d.departmentName, late: d.late, awaitingDepartment: d.awaitingDepartment, drill: d.drill }))
    .sort((a, b) => b.late - a.late || b.awaitingDepartment - a.awaitingDepartment)

  return {
    round,
    rounds,
    fiscalYear,
    timeProgress,
    totals: { ...summarize(addFigures(departments)), drill: { roundId } satisfies Drill },
    byDepartment,
    byUnit,
    byDistrict,
    largestDeviations: deviations,
    late: { units: lateUnits, departments: lateDepartments },
  }
}
export type Dashboard = Awaited<ReturnType<typeof dashboardOf>>
