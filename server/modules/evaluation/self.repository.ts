import { type ExpressionBuilder, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import type { SelfFormListFilter, SelfRoundListFilter } from './self.schemas.ts'

type FormEb = ExpressionBuilder<Database, 'selfEvalForm' | 'selfEvalRound'>
type RoundEb = ExpressionBuilder<Database, 'selfEvalRound'>

/**
 * 自评表 follow the org tree: a unit its own, a department its units' and its overall form, a bureau its
 * jurisdiction's and those below (a city its districts', read-only). Nothing of a round still opening is visible.
 */
export function selfFormVisibleTo(actor: Actor) {
  return (eb: FormEb) => {
    const opened = eb('selfEvalRound.status', '!=', 'opening')
    const scope =
      actor.org.kind === 'unit'
        ? eb('selfEvalForm.unitCode', '=', actor.org.code)
        : actor.org.kind === 'department'
          ? eb('selfEvalForm.departmentCode', '=', actor.org.code)
          : eb('selfEvalForm.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
    return eb.and([opened, scope])
  }
}

/** Rounds: a bureau its own and those below (also while opening); departments and units the opened rounds of their jurisdiction. */
export function selfRoundVisibleTo(actor: Actor) {
  return (eb: RoundEb) => {
    if (actor.org.kind === 'jurisdiction') return eb('selfEvalRound.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
    return eb.and([eb('selfEvalRound.status', '!=', 'opening'), eb('selfEvalRound.jurisdictionCode', '=', actor.org.jurisdictionCode)])
  }
}

const roundColumns = [
  'selfEvalRound.id',
  'selfEvalRound.jurisdictionCode',
  'jurisdiction.name as jurisdictionName',
  'selfEvalRound.fiscalYear',
  'selfEvalRound.name',
  'selfEvalRound.deadline',
  'selfEvalRound.status',
  'selfEvalRound.formCount',
  'selfEvalRound.jobId',
  'selfEvalRound.version',
  'selfEvalRound.createdAt',
] as const

function roundsQuery(db: Db | Trx, actor: Actor, filter: SelfRoundListFilter) {
  return whereEquals(db.selectFrom('selfEvalRound').innerJoin('orgNode as jurisdiction', 'jurisdiction.code', 'selfEvalRound.jurisdictionCode').where(selfRoundVisibleTo(actor)), filter, {
    fiscalYear: 'selfEvalRound.fiscalYear',
    status: 'selfEvalRound.status',
  })
}

export function listRounds(db: Db | Trx, actor: Actor, filter: SelfRoundListFilter) {
  const sortColumn = { createdAt: 'selfEvalRound.createdAt', deadline: 'selfEvalRound.deadline', fiscalYear: 'selfEvalRound.fiscalYear' } as const
  const direction = filter.sort ? (filter.order ?? 'asc') : 'desc'
  return roundsQuery(db, actor, filter).select(roundColumns).orderBy(sortColumn[filter.sort ?? 'createdAt'], direction).orderBy('selfEvalRound.id', direction)
}

export function countRounds(db: Db | Trx, actor: Actor, filter: SelfRoundListFilter) {
  return roundsQuery(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('total'))
}

export function findRound(db: Db | Trx, actor: Actor, id: string) {
  return db.selectFrom('selfEvalRound').innerJoin('orgNode as jurisdiction', 'jurisdiction.code', 'selfEvalRound.jurisdictionCode').where(selfRoundVisibleTo(actor)).select(roundColumns).where('selfEvalRound.id', '=', id).executeTakeFirst()
}
export type SelfRoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>

/** Forms by status per round, over the forms the actor sees. */
export async function roundCounts(db: Db | Trx, actor: Actor, roundIds: string[]) {
  const result = new Map<string, Record<string, number>>()
  if (roundIds.length === 0) return result
  const rows = await db
    .selectFrom('selfEvalForm')
    .innerJoin('selfEvalRound', 'selfEvalRound.id', 'selfEvalForm.roundId')
    .select(['selfEvalForm.roundId', 'selfEvalForm.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('selfEvalForm.roundId', 'in', roundIds)
    .where((eb) => {
      if (actor.org.kind === 'unit') return eb('selfEvalForm.unitCode', '=', actor.org.code)
      if (actor.org.kind === 'department') return eb('selfEvalForm.departmentCode', '=', actor.org.code)
      return eb('selfEvalForm.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
    })
    .groupBy(['selfEvalForm.roundId', 'selfEvalForm.status'])
    .execute()
  for (const row of rows) {
    const entry = result.get(row.roundId) ?? {}
    entry[row.status] = Number(row.n)
    result.set(row.roundId, entry)
  }
  return result
}

function visible(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('selfEvalForm')
    .innerJoin('selfEvalRound', 'selfEvalRound.id', 'selfEvalForm.roundId')
    .leftJoin('project', 'project.id', 'selfEvalForm.projectId')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'selfEvalForm.departmentCode')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'selfEvalForm.unitCode')
    .where(selfFormVisibleTo(actor))
}

export const listColumns = [
  'selfEvalForm.id',
  'selfEvalForm.roundId',
  'selfEvalForm.fiscalYear',
  'selfEvalForm.kind',
  'selfEvalForm.projectId',
  'project.code as projectCode',
  'project.name as projectName',
  'selfEvalForm.jurisdictionCode',
  'selfEvalForm.departmentCode',
  'departmentNode.name as departmentName',
  'selfEvalForm.unitCode',
  'unitNode.name as unitName',
  'selfEvalForm.status',
  'selfEvalForm.executionRate',
  'selfEvalForm.total',
  'selfEvalForm.grade',
  'selfEvalForm.version',
  'selfEvalForm.submittedAt',
  'selfEvalForm.updatedAt',
] as const

const detailColumns = [
  ...listColumns,
  'selfEvalRound.name as roundName',
  'selfEvalRound.status as roundStatus',
  'selfEvalRound.deadline',
  'selfEvalForm.extensionUntil',
  'selfEvalForm.goalId',
  'selfEvalForm.budgetInitial',
  'selfEvalForm.budget',
  'selfEvalForm.executed',
  'selfEvalForm.executionWeight',
  'selfEvalForm.executionScore',
  'selfEvalForm.executionReason',
  'selfEvalForm.overallTarget',
  'selfEvalForm.overallActual',
  'selfEvalForm.problems',
  'selfEvalForm.measures',
  'selfEvalForm.explanations',
  'selfEvalForm.monitoringSummary',
  'selfEvalForm.acceptedAt',
] as const

function matching(db: Db | Trx, actor: Actor, filter: SelfFormListFilter) {
  let query = whereEquals(visible(db, actor), filter, {
    roundId: 'selfEvalForm.roundId',
    projectId: 'selfEvalForm.projectId',
    kind: 'selfEvalForm.kind',
    status: 'selfEvalForm.status',
    grade: 'selfEvalForm.grade',
    departmentCode: 'selfEvalForm.departmentCode',
    unitCode: 'selfEvalForm.unitCode',
    fiscalYear: 'selfEvalForm.fiscalYear',
  })
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('project.name', 'ilike', pattern), eb('project.code', 'ilike', pattern), eb('departmentNode.name', 'ilike', pattern), eb('unitNode.name', 'ilike', pattern)]))
  }
  return query
}

export function listForms(db: Db | Trx, actor: Actor, filter: SelfFormListFilter) {
  const sortColumn = { updatedAt: 'selfEvalForm.updatedAt', total: 'selfEvalForm.total', projectName: 'project.name', executionRate: 'selfEvalForm.executionRate' } as const
  const direction = filter.sort ? (filter.order ?? 'asc') : 'desc'
  return matching(db, actor, filter).select(listColumns).orderBy(sortColumn[filter.sort ?? 'updatedAt'], direction).orderBy('selfEvalForm.id', direction)
}

export function countForms(db: Db | Trx, actor: Actor, filter: SelfFormListFilter) {
  return matching(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('total'))
}

export function findForm(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(detailColumns).where('selfEvalForm.id', '=', id).executeTakeFirst()
}

/** The forms of a round the actor sees (to extend them). */
export function formsOfRound(db: Db | Trx, actor: Actor, roundId: string) {
  return visible(db, actor).where('selfEvalForm.roundId', '=', roundId)
}

export function findFormForUpdate(trx: Trx, actor: Actor, id: string) {
  return visible(trx, actor).select(detailColumns).where('selfEvalForm.id', '=', id).forUpdate('selfEvalForm').executeTakeFirst()
}
export type SelfFormRow = NonNullable<Awaited<ReturnType<typeof findForm>>>

export function formIndicators(db: Db | Trx, formId: string) {
  return db.selectFrom('selfEvalIndicator').selectAll().where('formId', '=', formId).orderBy('sortOrder').orderBy('id').execute()
}
export type SelfIndicatorRow = Awaited<ReturnType<typeof formIndicators>>[number]

export function formOpinions(db: Db | Trx, formId: string) {
  return db
    .selectFrom('selfEvalOpinion')
    .leftJoin('appUser', 'appUser.id', 'selfEvalOpinion.actorId')
    .select(['selfEvalOpinion.id', 'selfEvalOpinion.action', 'selfEvalOpinion.fromStatus', 'selfEvalOpinion.toStatus', 'selfEvalOpinion.opinion', 'selfEvalOpinion.createdAt', 'appUser.displayName as byName'])
    .where('selfEvalOpinion.formId', '=', formId)
    .orderBy('selfEvalOpinion.seq')
    .execute()
}

/** Rule 38: per department, the year's projects that should have a 自评表 and whether one was handed in. */
export function coverageRows(db: Db | Trx, actor: Actor, fiscalYear: number, jurisdictionCode: string, statuses: readonly string[], submitted: readonly string[]) {
  return db
    .selectFrom('project')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode')
    .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .leftJoin('selfEvalForm', (join) =>
      join
        .onRef('selfEvalForm.projectId', '=', 'project.id')
        .on('selfEvalForm.fiscalYear', '=', fiscalYear)
        .on('selfEvalForm.roundId', 'in', (eb) => eb.selectFrom('selfEvalRound').select('selfEvalRound.id').where('selfEvalRound.status', '!=', 'opening')),
    )
    .where((eb) => {
      if (actor.org.kind === 'unit') return eb('project.unitCode', '=', actor.org.code)
      if (actor.org.kind === 'department') return eb('project.departmentCode', '=', actor.org.code)
      return eb('project.jurisdictionCode', '=', jurisdictionCode)
    })
    .where('project.fiscalYear', '=', fiscalYear)
    .where('project.status', 'in', [...statuses] as never)
    .select([
      'project.id as projectId',
      'project.code as projectCode',
      'project.name as projectName',
      'project.departmentCode',
      'departmentNode.name as departmentName',
      'project.unitCode',
      'unitNode.name as unitName',
      'selfEvalForm.id as formId',
      'selfEvalForm.status',
      'selfEvalForm.grade',
      sql<boolean>`coalesce(self_eval_form.status in (${sql.join(submitted.map((s) => sql.lit(s)))}), false)`.as('isSubmitted'),
    ])
    .orderBy('project.departmentCode')
    .orderBy('project.code')
}
