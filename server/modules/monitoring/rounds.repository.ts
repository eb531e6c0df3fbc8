import { type ExpressionBuilder, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import type { RoundListFilter } from './rounds.schemas.ts'

type RoundEb = ExpressionBuilder<Database, 'monitoringRound'>
type FormEb = ExpressionBuilder<Database, 'monitoringForm'>

const isAgency = (actor: Actor) => actor.permissions.has('monitoring.verify') && !actor.permissions.has('project.read')

/**
 * The forms an actor sees: a unit its own, a department its units' and its overall form, a bureau those of its
 * jurisdiction and the ones below; a third-party agency only the forms assigned to it.
 */
export function formVisibleTo(actor: Actor) {
  return (eb: FormEb) => {
    if (isAgency(actor)) return eb('monitoringForm.agencyUserId', '=', actor.userId)
    if (actor.org.kind === 'unit') return eb('monitoringForm.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('monitoringForm.departmentCode', '=', actor.org.code)
    return eb('monitoringForm.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}

/**
 * Rounds: a bureau sees its own and those of the jurisdictions below (a city its districts', read-only), also while
 * they are still opening; departments and units the open and closed rounds of their jurisdiction; an agency the
 * rounds in which it has an assignment.
 */
export function roundVisibleTo(actor: Actor) {
  return (eb: RoundEb) => {
    if (actor.org.kind === 'jurisdiction' && !isAgency(actor)) return eb('monitoringRound.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
    const ready = eb('monitoringRound.status', '!=', 'opening')
    if (isAgency(actor)) {
      return eb.and([ready, eb.exists(eb.selectFrom('monitoringForm as af').select('af.id').whereRef('af.roundId', '=', 'monitoringRound.id').where('af.agencyUserId', '=', actor.userId))])
    }
    return eb.and([ready, eb('monitoringRound.jurisdictionCode', '=', actor.org.jurisdictionCode)])
  }
}

const roundColumns = [
  'monitoringRound.id',
  'monitoringRound.jurisdictionCode',
  'jurisdiction.name as jurisdictionName',
  'monitoringRound.fiscalYear',
  'monitoringRound.cutoffMonth',
  'monitoringRound.name',
  'monitoringRound.adhoc',
  'monitoringRound.deadline',
  'monitoringRound.status',
  'monitoringRound.formCount',
  'monitoringRound.keyCount',
  'monitoringRound.jobId',
  'monitoringRound.openedBy',
  'monitoringRound.version',
  'monitoringRound.createdAt',
  'monitoringRound.updatedAt',
] as const

function roundsQuery(db: Db | Trx, actor: Actor) {
  return db.selectFrom('monitoringRound').innerJoin('orgNode as jurisdiction', 'jurisdiction.code', 'monitoringRound.jurisdictionCode').where(roundVisibleTo(actor))
}

export function listRounds(db: Db, actor: Actor, filter: RoundListFilter) {
  let q = whereEquals(roundsQuery(db, actor).select(roundColumns), filter, { fiscalYear: 'monitoringRound.fiscalYear', jurisdictionCode: 'monitoringRound.jurisdictionCode', status: 'monitoringRound.status' })
  const direction = filter.order ?? 'asc'
  const sort = filter.sort ?? 'createdAt'
  // Newest first unless asked otherwise: the round people work on is the latest.
  q = q.orderBy(`monitoringRound.${sort}`, filter.sort ? direction : 'desc').orderBy('monitoringRound.id')
  return q
}

export function countRounds(db: Db, actor: Actor, filter: RoundListFilter) {
  return whereEquals(roundsQuery(db, actor).select((eb) => eb.fn.countAll<number>().as('total')), filter, {
    fiscalYear: 'monitoringRound.fiscalYear',
    jurisdictionCode: 'monitoringRound.jurisdictionCode',
    status: 'monitoringRound.status',
  })
}

export type RoundRow = Awaited<ReturnType<ReturnType<typeof listRounds>['executeTakeFirstOrThrow']>>

export function findRound(db: Db | Trx, actor: Actor, id: string) {
  return roundsQuery(db, actor).select(roundColumns).where('monitoringRound.id', '=', id).executeTakeFirst()
}

export async function findRoundForUpdate(trx: Trx, actor: Actor, id: string) {
  const visible = await findRound(trx, actor, id)
  if (!visible) return undefined
  await trx.selectFrom('monitoringRound').select('id').where('id', '=', id).forUpdate().execute()
  return findRound(trx, actor, id)
}

/** Figures of each round over the forms the actor sees: by status, key, late (still with the unit after its deadline). */
export async function roundStats(db: Db | Trx, actor: Actor, roundIds: string[], now: Date) {
  if (roundIds.length === 0) return new Map<string, RoundStats>()
  const rows = await db
    .selectFrom('monitoringForm')
    .innerJoin('monitoringRound as r', 'r.id', 'monitoringForm.roundId')
    .where('monitoringForm.roundId', 'in', roundIds)
    .where(formVisibleTo(actor))
    .select([
      'monitoringForm.roundId',
      sql<number>`count(*)`.as('forms'),
      sql<number>`count(*) filter (where monitoring_form.is_key)`.as('key'),
      sql<number>`count(*) filter (where monitoring_form.status in ('draft', 'returned'))`.as('unreported'),
      sql<number>`count(*) filter (where monitoring_form.status in ('draft', 'returned') and greatest(r.deadline, coalesce(monitoring_form.extension_until, r.deadline)) < ${now})`.as('late'),
      sql<number>`count(*) filter (where monitoring_form.status = 'submitted')`.as('submitted'),
      sql<number>`count(*) filter (where monitoring_form.status = 'dept_accepted')`.as('deptAccepted'),
      sql<number>`count(*) filter (where monitoring_form.status = 'accepted')`.as('accepted'),
      sql<number>`count(*) filter (where monitoring_form.project_light = 'red')`.as('red'),
      sql<number>`count(*) filter (where monitoring_form.project_light = 'yellow')`.as('yellow'),
      sql<number>`count(*) filter (where monitoring_form.project_light = 'green')`.as('green'),
      sql<number>`count(*) filter (where monitoring_form.project_light = 'blue')`.as('blue'),
    ])
    .groupBy('monitoringForm.roundId')
    .execute()
  const result = new Map<string, RoundStats>()
  for (const { roundId, ...counts } of rows) result.set(roundId, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as RoundStats)
  return result
}

export const emptyStats = { forms: 0, key: 0, unreported: 0, late: 0, submitted: 0, deptAccepted: 0, accepted: 0, red: 0, yellow: 0, green: 0, blue: 0 }
export type RoundStats = typeof emptyStats

/** Late forms of a round in scope, with project, unit and department names: the "not yet reported" view. */
export function unreportedForms(db: Db | Trx, actor: Actor, roundId: string) {
  return db
    .selectFrom('monitoringForm')
    .innerJoin('monitoringRound as r', 'r.id', 'monitoringForm.roundId')
    .innerJoin('orgNode as dept', 'dept.code', 'monitoringForm.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'monitoringForm.unitCode')
    .leftJoin('project', 'project.id', 'monitoringForm.projectId')
    .where('monitoringForm.roundId', '=', roundId)
    .where('monitoringForm.status', 'in', ['draft', 'returned'])
    .where(formVisibleTo(actor))
    .select([
      'monitoringForm.id',
      'monitoringForm.kind',
      'monitoringForm.status',
      'monitoringForm.departmentCode',
      'dept.name as departmentName',
      'monitoringForm.unitCode',
      'unit.name as unitName',
      'monitoringForm.projectId',
      'project.code as projectCode',
      'project.name as projectName',
      'monitoringForm.isKey',
      'monitoringForm.extensionUntil',
      'monitoringForm.remindedAt',
      'monitoringForm.remindCount',
      sql<Date>`greatest(r.deadline, coalesce(monitoring_form.extension_until, r.deadline))`.as('dueAt'),
    ])
    .orderBy('monitoringForm.departmentCode')
    .orderBy('monitoringForm.unitCode')
    .orderBy('project.code')
}

/** Forms of the round among the given ids (or matching units/departments) that the actor sees. */
export function formsOfRound(db: Db | Trx, actor: Actor, roundId: string) {
  return db.selectFrom('monitoringForm').where('monitoringForm.roundId', '=', roundId).where(formVisibleTo(actor))
}

/** Active third-party agency users a bureau may assign: those at its node or below, or in the jurisdictions above it. */
export function agencyUsersFor(db: Db | Trx, actor: Actor) {
  const chain = actor.org.path.split('/').filter(Boolean)
  return db
    .selectFrom('appUser')
    .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
    .select(['appUser.id', 'appUser.username', 'appUser.displayName', 'appUser.orgCode', 'orgNode.name as orgName'])
    .where('appUser.status', '=', 'active')
    .where((eb) => eb(eb.val('agency_user'), '=', eb.fn.any('appUser.roles')))
    .where((eb) => eb.or([eb('orgNode.path', 'like', `${actor.org.path}%`), eb('orgNode.code', 'in', chain)]))
    .orderBy('appUser.displayName')
}

/** The project forms of a round for the 重点监控 view: project, unit, amount, execution, reasons and the agency. */
export function keyForms(db: Db | Trx, actor: Actor, roundId: string, filter: { only: 'key' | 'all'; q?: string }) {
  let q = db
    .selectFrom('monitoringForm')
    .innerJoin('project', 'project.id', 'monitoringForm.projectId')
    .innerJoin('orgNode as unit', 'unit.code', 'monitoringForm.unitCode')
    .leftJoin('appUser as agency', 'agency.id', 'monitoringForm.agencyUserId')
    .where('monitoringForm.roundId', '=', roundId)
    .where('monitoringForm.kind', '=', 'project')
    .where(formVisibleTo(actor))
  if (filter.only === 'key') q = q.where('monitoringForm.isKey', '=', true)
  if (filter.q) q = q.where((eb) => eb.or([eb('project.name', 'like', likeContains(filter.q!)), eb('project.code', 'like', likeContains(filter.q!))]))
  return q
}

export const keyFormColumns = [
  'monitoringForm.id',
  'monitoringForm.projectId',
  'project.code as projectCode',
  'project.name as projectName',
  'project.amountTotal',
  'project.isMajorNew',
  'unit.name as unitName',
  'monitoringForm.status',
  'monitoringForm.executionRate',
  'monitoringForm.projectLight',
  'monitoringForm.isKey',
  'monitoringForm.keyReasons',
  'monitoringForm.agencyUserId',
  'agency.displayName as agencyName',
] as const
