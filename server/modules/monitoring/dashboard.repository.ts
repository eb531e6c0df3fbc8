import { type ExpressionBuilder, sql } from 'kysely'
import type { Light } from '../../../domain/lights.ts'
import type { Db } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import { formVisibleTo } from './dashboard.scope.ts'

/** Figures of the forms the caller sees in a round, grouped by one column. Money sums only project forms. */

type FormEb = ExpressionBuilder<Database, 'monitoringForm' | 'monitoringRound'>

/** Not yet reported (being filled or returned) after the deadline, or after the form's own extension. */
const lateWhen = (eb: FormEb, now: Date) =>
  eb.and([
    eb('monitoringForm.status', 'in', ['draft', 'returned']),
    eb(eb.fn.coalesce('monitoringForm.extensionUntil', 'monitoringRound.deadline'), '<', now),
  ])

function figures(eb: FormEb, now: Date) {
  const count = () => eb.fn.countAll<number>()
  const light = (column: 'projectLight' | 'budgetLight', value: Light) => count().filterWhere(`monitoringForm.${column}`, '=', value)
  return [
    count().as('forms'),
    count().filterWhere('monitoringForm.status', 'in', ['submitted', 'dept_accepted', 'accepted']).as('reported'),
    count().filterWhere('monitoringForm.status', '=', 'accepted').as('accepted'),
    count().filterWhere('monitoringForm.status', '=', 'submitted').as('awaitingDepartment'),
    count().filterWhere((e) => lateWhen(e as FormEb, now)).as('late'),
    count().filterWhere('monitoringForm.isKey', '=', true).as('key'),
    light('projectLight', 'red').as('red'),
    light('projectLight', 'yellow').as('yellow'),
    light('projectLight', 'green').as('green'),
    light('projectLight', 'blue').as('blue'),
    count().filterWhere('monitoringForm.projectLight', 'is', null).as('unlit'),
    light('budgetLight', 'red').as('budgetRed'),
    light('budgetLight', 'yellow').as('budgetYellow'),
    light('budgetLight', 'green').as('budgetGreen'),
    eb.fn.coalesce(eb.fn.sum<string>('monitoringForm.budgetInitial').filterWhere('monitoringForm.kind', '=', 'project'), sql<string>`0`).as('budgetInitial'),
    eb.fn.coalesce(eb.fn.sum<string>('monitoringForm.budgetAdjusted').filterWhere('monitoringForm.kind', '=', 'project'), sql<string>`0`).as('budgetAdjusted'),
    eb.fn.coalesce(eb.fn.sum<string>('monitoringForm.executed').filterWhere('monitoringForm.kind', '=', 'project'), sql<string>`0`).as('executed'),
  ] as const
}

/** The forms of a round the caller sees, optionally of one department only. */
export function formsOfRound(db: Db, actor: Actor, roundId: string, departmentCode?: string | null) {
  let query = db
    .selectFrom('monitoringForm')
    .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId')
    .where('monitoringForm.roundId', '=', roundId)
    .where(formVisibleTo(actor))
  if (departmentCode) query = query.where('monitoringForm.departmentCode', '=', departmentCode)
  return query
}

export async function figuresByDepartment(db: Db, actor: Actor, roundId: string, now: Date) {
  return formsOfRound(db, actor, roundId)
    .innerJoin('orgNode as department', 'department.code', 'monitoringForm.departmentCode')
    .select((eb) => ['monitoringForm.departmentCode', 'department.name as departmentName', ...figures(eb, now)])
    .groupBy(['monitoringForm.departmentCode', 'department.name'])
    .orderBy('monitoringForm.departmentCode')
    .execute()
}
export type FigureRow = Awaited<ReturnType<typeof figuresByDepartment>>[number]

/** Figures by unit of one department (its 部门整体 form counted under the department itself, unit null). */
export async function figuresByUnit(db: Db, actor: Actor, roundId: string, departmentCode: string, now: Date) {
  return formsOfRound(db, actor, roundId, departmentCode)
    .leftJoin('orgNode as unit', 'unit.code', 'monitoringForm.unitCode')
    .select((eb) => ['monitoringForm.unitCode', 'unit.name as unitName', ...figures(eb, now)])
    .groupBy(['monitoringForm.unitCode', 'unit.name'])
    .orderBy('monitoringForm.unitCode')
    .execute()
}

/** Figures of a whole round (the caller's share of it), e.g. a district's round as its city sees it. */
export async function figuresOfRound(db: Db, actor: Actor, roundId: string, now: Date, departmentCode?: string | null) {
  return formsOfRound(db, actor, roundId, departmentCode)
    .select((eb) => figures(eb, now))
    .executeTakeFirstOrThrow()
}

/** Project forms whose execution rate is furthest from the time progress, either way. */
export async function largestDeviations(db: Db, actor: Actor, roundId: string, timeProgress: string, limit: number, departmentCode?: string | null) {
  return formsOfRound(db, actor, roundId, departmentCode)
    .innerJoin('project', 'project.id', 'monitoringForm.projectId')
    .innerJoin('orgNode as unit', 'unit.code', 'monitoringForm.unitCode')
    .innerJoin('orgNode as department', 'department.code', 'monitoringForm.departmentCode')
    .where('monitoringForm.executionRate', 'is not', null)
    .select((eb) => [
      'monitoringForm.id as formId',
      'monitoringForm.projectId',
      'project.code as projectCode',
      'project.name as projectName',
      'monitoringForm.unitCode',
      'unit.name as unitName',
      'monitoringForm.departmentCode',
      'department.name as departmentName',
      'monitoringForm.status',
      'monitoringForm.isKey',
      'monitoringForm.budgetAdjusted',
      'monitoringForm.executed',
      'monitoringForm.executionRate',
      'monitoringForm.projectLight',
      'monitoringForm.budgetLight',
      eb
        .selectFrom('monitoringFormIndicator')
        .select((i) => i.fn.countAll<number>().as('n'))
        .whereRef('monitoringFormIndicator.formId', '=', 'monitoringForm.id')
        .where('monitoringFormIndicator.light', '=', 'red')
        .as('redIndicators'),
    ])
    .orderBy(sql`abs(${sql.ref('monitoringForm.executionRate')} - ${timeProgress}::numeric)`, 'desc')
    .orderBy('project.code')
    .limit(limit)
    .execute()
}

/** Late forms by unit (项目) and by department (部门整体), with the reminders sent so far. */
export async function lateByUnit(db: Db, actor: Actor, roundId: string, now: Date, departmentCode?: string | null) {
  return formsOfRound(db, actor, roundId, departmentCode)
    .innerJoin('orgNode as department', 'department.code', 'monitoringForm.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'monitoringForm.unitCode')
    .where((eb) => lateWhen(eb, now))
    .select((eb) => [
      'monitoringForm.departmentCode',
      'department.name as departmentName',
      'monitoringForm.unitCode',
      'unit.name as unitName',
      eb.fn.countAll<number>().as('late'),
      eb.fn.max('monitoringForm.remindCount').as('remindCount'),
      eb.fn.max('monitoringForm.remindedAt').as('remindedAt'),
    ])
    .groupBy(['monitoringForm.departmentCode', 'department.name', 'monitoringForm.unitCode', 'unit.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('monitoringForm.departmentCode')
    .orderBy('monitoringForm.unitCode')
    .execute()
}

/** The rounds a city rolls up: one per district below the round's jurisdiction, same year, the nearest cut-off. */
export async function districtRounds(db: Db, actor: Actor, round: { jurisdictionCode: string; fiscalYear: number; cutoffMonth: number }) {
  const rows = await db
    .selectFrom('monitoringRound')
    .innerJoin('orgNode', 'orgNode.code', 'monitoringRound.jurisdictionCode')
    .select(['monitoringRound.id', 'monitoringRound.name', 'monitoringRound.cutoffMonth', 'monitoringRound.jurisdictionCode', 'orgNode.name as jurisdictionName'])
    .where('orgNode.parentCode', '=', round.jurisdictionCode)
    .where('orgNode.kind', '=', 'jurisdiction')
    .where('monitoringRound.fiscalYear', '=', round.fiscalYear)
    .where('monitoringRound.status', '!=', 'opening')
    .where((eb) => eb('monitoringRound.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor)))
    .orderBy('monitoringRound.jurisdictionCode')
    .orderBy(sql`abs(${sql.ref('monitoringRound.cutoffMonth')} - ${round.cutoffMonth})`)
    .orderBy('monitoringRound.cutoffMonth', 'desc')
    .orderBy('monitoringRound.createdAt', 'desc')
    .execute()
  const seen = new Set<string>()
  return rows.filter((r) => !seen.has(r.jurisdictionCode) && seen.add(r.jurisdictionCode))
}
