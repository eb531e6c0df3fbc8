import { sql } from 'kysely'
import { goalInForceStatuses, type PeerTargets } from '../../../domain/goals.ts'
import type { Db, Trx } from '../../db/database.ts'

/** How many fiscal years back similar goals count as peers. */
const PEER_YEARS = 3

/**
 * What similar approved goals set for each library indicator: the median and range of their targets in one base
 * unit, over the goals in force in the last few years. Only aggregates leave this function, so every unit may see
 * them whoever the peers belong to. A goal is not its own peer: `excludeLineageId` leaves out every version of it
 * (an approved goal, or the one an adjustment replaces, would otherwise confirm its own target).
 */
export async function peerTargets(db: Db | Trx, codes: string[], fiscalYear: number, excludeLineageId?: string): Promise<Map<string, PeerTargets>> {
  if (!codes.length) return new Map()
  let query = db
    .selectFrom('goalIndicator')
    .innerJoin('goal', 'goal.id', 'goalIndicator.goalId')
    .select([
      'goalIndicator.indicatorCode',
      'goalIndicator.targetBaseUnit',
      sql<string>`count(*)`.as('count'),
      sql<string>`percentile_cont(0.5) within group (order by goal_indicator.target_number)`.as('median'),
      sql<string>`min(goal_indicator.target_number)`.as('min'),
      sql<string>`max(goal_indicator.target_number)`.as('max'),
    ])
    .where('goalIndicator.indicatorCode', '=', sql<string>`any(${codes}::text[])`)
    .where('goalIndicator.targetNumber', 'is not', null)
    .where('goal.status', 'in', goalInForceStatuses)
    .where('goal.fiscalYear', '<=', fiscalYear)
    .where('goal.fiscalYear', '>', fiscalYear - PEER_YEARS)
    .groupBy(['goalIndicator.indicatorCode', 'goalIndicator.targetBaseUnit'])
  if (excludeLineageId) query = query.where('goal.lineageId', '!=', excludeLineageId)
  const rows = await query.execute()
  // An indicator written in two base units (rare): the unit most goals used.
  const byCode = new Map<string, PeerTargets>()
  for (const row of rows) {
    const count = Number(row.count)
    const previous = byCode.get(row.indicatorCode!)
    if (previous && previous.count >= count) continue
    byCode.set(row.indicatorCode!, { indicatorCode: row.indicatorCode!, count, unit: row.targetBaseUnit ?? '', median: trim(row.median), min: trim(row.min), max: trim(row.max) })
  }
  return byCode
}

/** numeric → "95", "12.5": no trailing zeros for people to read. */
function trim(value: string | number) {
  const text = String(value)
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text
}

/** What the quality check needs of a goal's project: its period and its annual budget (元). */
export async function projectFactsOf(db: Db | Trx, projectId: string) {
  const row = await db.selectFrom('project').select(['periodStartYear', 'periodEndYear', 'amountTotal']).where('id', '=', projectId).executeTakeFirst()
  return row ? { periodStartYear: row.periodStartYear, periodEndYear: row.periodEndYear, budget: row.amountTotal } : undefined
}

/**
 * Last year's targets of the same project (same code in the same jurisdiction), by library code and by name:
 * the history a new target is compared with.
 */
export async function historyTargets(db: Db | Trx, project: { code: string; jurisdictionCode: string; fiscalYear: number }) {
  const rows = await db
    .selectFrom('goalIndicator')
    .innerJoin('goal', 'goal.id', 'goalIndicator.goalId')
    .innerJoin('project', 'project.id', 'goal.projectId')
    .select(['goalIndicator.indicatorCode', 'goalIndicator.name', 'goalIndicator.target', 'goalIndicator.unit'])
    .where('project.code', '=', project.code)
    .where('project.jurisdictionCode', '=', project.jurisdictionCode)
    .where('goal.fiscalYear', '=', project.fiscalYear - 1)
    .where('goal.status', 'in', goalInForceStatuses)
    .execute()
  const history = new Map<string, { target: string; unit: string }>()
  for (const row of rows) {
    history.set(row.name, { target: row.target, unit: row.unit })
    if (row.indicatorCode) history.set(row.indicatorCode, { target: row.target, unit: row.unit })
  }
  return history
}

/** How many goals in force of these projects used each library indicator (the recommendation's usage signal). */
export async function indicatorUsageAmong(db: Db | Trx, projectIds: string[]): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map()
  const rows = await db
    .selectFrom('goalIndicator')
    .innerJoin('goal', 'goal.id', 'goalIndicator.goalId')
    .select(['goalIndicator.indicatorCode', sql<string>`count(distinct goal.id)`.as('uses')])
    .where('goal.projectId', '=', sql<string>`any(${projectIds}::uuid[])`)
    .where('goal.status', 'in', goalInForceStatuses)
    .where('goalIndicator.indicatorCode', 'is not', null)
    .groupBy('goalIndicator.indicatorCode')
    .execute()
  return new Map(rows.map((r) => [r.indicatorCode!, Number(r.uses)]))
}
