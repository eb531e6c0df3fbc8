import Decimal from 'decimal.js'
import { sql } from 'kysely'
import { chooseProfile, type Forecast, forecastYearEnd, profileFromShareSums, type SpendingProfile } from '../../../domain/forecast.ts'
import type { Db, Trx } from '../../db/database.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { projectTotals } from './execution.funds.ts'

/** Prior fiscal years whose payments make the spending profiles. */
export const PROFILE_YEARS = 3
const CHUNK = 5000

interface PeerGroup {
  departmentCode: string
  budgetKind: string
  peers: number
  peerYears: number
  shareSums: Decimal[]
}

/** A jurisdiction's peer groups for one fiscal year, and the profile chosen for each department and budget kind. */
interface JurisdictionProfiles {
  groups: PeerGroup[]
  minPeers: number
  chosen: Map<string, SpendingProfile>
}

/**
 * Profiles already read, by jurisdiction and fiscal year: a sweep over a round's thousands of forms reads each
 * jurisdiction's prior payments once and chooses each department's profile once, not once per chunk or project.
 */
export type ForecastCache = Map<string, Promise<JurisdictionProfiles>>

function profilesOf(db: Db | Trx, cache: ForecastCache, jurisdictionCode: string, fiscalYear: number) {
  const key = `${jurisdictionCode}/${fiscalYear}`
  let found = cache.get(key)
  if (!found) {
    found = (async () => {
      const { rules } = await effectiveRules(db, jurisdictionCode, fiscalYear)
      return { groups: await peerGroups(db, jurisdictionCode, fiscalYear), minPeers: rules.monitoring.forecastMinPeers, chosen: new Map() }
    })()
    cache.set(key, found)
  }
  return found
}

/**
 * The system's 全年预计执行数 for many projects at one cut-off (domain/forecast.ts says how): each project's
 * payments to the end of `month`, extrapolated along the cumulative monthly profile of the prior PROFILE_YEARS
 * years' payments of similar projects in its jurisdiction — same budget kind and department when at least
 * `rules.monitoring.forecastMinPeers` such projects paid anything, else same budget kind in the jurisdiction, else
 * even spending. Two queries per jurisdiction for the profiles (once per `cache`), and, unless the caller has the
 * projects' funds already (`funds`), three per CHUNK projects for them.
 */
export async function forecastFor(
  db: Db | Trx,
  input: { projectIds: readonly string[]; fiscalYear: number; month: number; funds?: ReadonlyMap<string, { executed: string; budgetAdjusted: string }> },
  cache: ForecastCache = new Map(),
): Promise<Map<string, Forecast>> {
  const result = new Map<string, Forecast>()
  for (let start = 0; start < input.projectIds.length; start += CHUNK) {
    const ids = input.projectIds.slice(start, start + CHUNK)
    const projects = await db.selectFrom('project').select(['id', 'jurisdictionCode', 'departmentCode', 'budgetKind']).where('id', 'in', ids).execute()
    const funds = input.funds ?? (await projectTotals(db, { projectIds: ids, fiscalYear: input.fiscalYear, month: input.month }))
    for (const project of projects) {
      const profiles = await profilesOf(db, cache, project.jurisdictionCode, input.fiscalYear)
      const key = `${project.departmentCode}|${project.budgetKind}`
      let profile = profiles.chosen.get(key)
      if (!profile) {
        profile = profileFor(profiles.groups, project.departmentCode, project.budgetKind, profiles.minPeers)
        profiles.chosen.set(key, profile)
      }
      const f = funds.get(project.id)
      if (f) result.set(project.id, forecastYearEnd({ executed: f.executed, month: input.month, budget: f.budgetAdjusted, profile }))
    }
  }
  return result
}

function profileFor(groups: PeerGroup[], departmentCode: string, budgetKind: string, minPeers: number): SpendingProfile {
  const candidates: SpendingProfile[] = []
  const own = groups.find((g) => g.departmentCode === departmentCode && g.budgetKind === budgetKind)
  if (own && own.peerYears > 0) candidates.push(profileFromShareSums('department', own.shareSums, own.peers, own.peerYears))
  const sameKind = groups.filter((g) => g.budgetKind === budgetKind)
  const peerYears = sameKind.reduce((n, g) => n + g.peerYears, 0)
  if (peerYears > 0) {
    const sums = Array.from({ length: 12 }, (_, i) => sameKind.reduce((s, g) => s.plus(g.shareSums[i]!), new Decimal(0)))
    candidates.push(profileFromShareSums('jurisdiction', sums, sameKind.reduce((n, g) => n + g.peers, 0), peerYears))
  }
  return chooseProfile(candidates, minPeers)
}

/**
 * Per department and budget kind of the jurisdiction's projects: how many projects and project-years paid anything
 * in the prior years, and for each month the sum over those project-years of that month's share of the year.
 * Sums add up across departments, so the jurisdiction-wide profile of a budget kind comes from the same rows.
 */
async function peerGroups(db: Db | Trx, jurisdictionCode: string, fiscalYear: number): Promise<PeerGroup[]> {
  const from = fiscalYear - PROFILE_YEARS
  const { rows } = await sql<{ departmentCode: string; budgetKind: string; month: number; shareSum: string }>`
    with paid as (
      select project_id, fiscal_year, month, sum(amount) as amount
      from execution_payment
      where jurisdiction_code = ${jurisdictionCode} and fiscal_year >= ${from} and fiscal_year < ${fiscalYear}
      group by project_id, fiscal_year, month
    ), yearly as (
      select project_id, fiscal_year, sum(amount) as total from paid group by project_id, fiscal_year having sum(amount) > 0
    )
    select p.department_code, p.budget_kind, paid.month, sum(paid.amount / yearly.total)::text as share_sum
    from paid
    join yearly on yearly.project_id = paid.project_id and yearly.fiscal_year = paid.fiscal_year
    join project p on p.id = paid.project_id
    group by p.department_code, p.budget_kind, paid.month
  `.execute(db)
  const { rows: counts } = await sql<{ departmentCode: string; budgetKind: string; peers: number; peerYears: number }>`
    select p.department_code, p.budget_kind, count(distinct y.project_id)::int as peers, count(*)::int as peer_years
    from (
      select project_id, fiscal_year from execution_payment
      where jurisdiction_code = ${jurisdictionCode} and fiscal_year >= ${from} and fiscal_year < ${fiscalYear}
      group by project_id, fiscal_year having sum(amount) > 0
    ) y
    join project p on p.id = y.project_id
    group by p.department_code, p.budget_kind
  `.execute(db)
  const groups = new Map<string, PeerGroup>()
  for (const c of counts) {
    groups.set(`${c.departmentCode}|${c.budgetKind}`, { ...c, peers: Number(c.peers), peerYears: Number(c.peerYears), shareSums: Array.from({ length: 12 }, () => new Decimal(0)) })
  }
  for (const r of rows) {
    const group = groups.get(`${r.departmentCode}|${r.budgetKind}`)
    if (group) group.shareSums[Number(r.month) - 1] = new Decimal(r.shareSum)
  }
  return [...groups.values()]
}
