import { type ExpressionBuilder, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import type { InterviewListFilter } from './interviews.schemas.ts'

/**
 * 约谈 and 问责 records follow their owner in the org tree: a unit sees its own, a department its own and its
 * units', a bureau its jurisdiction's and those below (a city its districts', read-only). A district bureau
 * interviewed by the city also sees the record about itself.
 */
export function interviewVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'interview'>) => {
    if (!actor.permissions.has('results.read')) return eb.val(false)
    if (actor.org.kind === 'unit') return eb('interview.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('interview.departmentCode', '=', actor.org.code)
    return eb.or([eb('interview.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor)), eb('interview.orgCode', '=', actor.org.code)])
  }
}

export function accountabilityVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'accountability'>) => {
    if (!actor.permissions.has('results.read')) return eb.val(false)
    if (actor.org.kind === 'unit') return eb('accountability.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('accountability.departmentCode', '=', actor.org.code)
    return eb('accountability.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}

function visible(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('interview')
    .where(interviewVisibleTo(actor))
    .innerJoin('orgNode as interviewed', 'interviewed.code', 'interview.orgCode')
    .leftJoin('orgNode as departmentNode', 'departmentNode.code', 'interview.departmentCode')
    .leftJoin('project', 'project.id', 'interview.projectId')
    .leftJoin('appUser as creator', 'creator.id', 'interview.createdBy')
    .leftJoin('selfEvalRound', (j) => j.onRef('selfEvalRound.id', '=', 'interview.sourceId').on('interview.sourceType', '=', 'self_round'))
    .leftJoin('monitoringRound', (j) => j.onRef('monitoringRound.id', '=', 'interview.sourceId').on('interview.sourceType', '=', 'monitoring_round'))
    .leftJoin('keyEvaluation', (j) => j.onRef('keyEvaluation.id', '=', 'interview.sourceId').on('interview.sourceType', '=', 'key_evaluation'))
    .leftJoin('assessment', (j) => j.onRef('assessment.id', '=', 'interview.sourceId').on('interview.sourceType', '=', 'assessment'))
    .leftJoin('project as sourceProject', (j) => j.onRef('sourceProject.id', '=', 'interview.sourceId').on('interview.sourceType', '=', 'project'))
}

const columns = [
  'interview.id',
  'interview.jurisdictionCode',
  'interview.fiscalYear',
  'interview.orgCode',
  'interviewed.name as orgName',
  'interviewed.kind as orgKind',
  'interview.departmentCode',
  'departmentNode.name as departmentName',
  'interview.unitCode',
  'interview.personTitle',
  'interview.interviewedOn',
  'interview.interviewer',
  'interview.reason',
  'interview.sourceType',
  'interview.sourceId',
  'interview.projectId',
  'project.name as projectName',
  'project.code as projectCode',
  'interview.outcome',
  'creator.displayName as createdByName',
  'interview.version',
  'interview.createdAt',
  'interview.updatedAt',
] as const

const sourceName = sql<string | null>`coalesce(self_eval_round.name, monitoring_round.name, key_evaluation.name, case when assessment.id is not null then assessment.fiscal_year || '年度考核' end, source_project.name)`

function matching(db: Db | Trx, actor: Actor, filter: InterviewListFilter) {
  let query = whereEquals(visible(db, actor), filter, {
    fiscalYear: 'interview.fiscalYear',
    sourceType: 'interview.sourceType',
    sourceId: 'interview.sourceId',
    orgCode: 'interview.orgCode',
    departmentCode: 'interview.departmentCode',
    projectId: 'interview.projectId',
  })
  if (filter.from) query = query.where('interview.interviewedOn', '>=', filter.from)
  if (filter.to) query = query.where('interview.interviewedOn', '<=', filter.to)
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('interviewed.name', 'ilike', pattern), eb('interview.reason', 'ilike', pattern), eb('interview.personTitle', 'ilike', pattern), eb('project.name', 'ilike', pattern)]))
  }
  return query
}

/** The actor's 约谈 records, newest first unless sorted. */
export function listInterviews(db: Db | Trx, actor: Actor, filter: InterviewListFilter) {
  const sortColumn = { interviewedOn: 'interview.interviewedOn', createdAt: 'interview.createdAt' } as const
  const direction = filter.sort ? filter.order : 'desc'
  return matching(db, actor, filter)
    .select(columns)
    .select(sourceName.as('sourceName'))
    .orderBy(sortColumn[filter.sort ?? 'interviewedOn'], direction)
    .orderBy('interview.id')
}

export function countInterviews(db: Db | Trx, actor: Actor, filter: InterviewListFilter) {
  return matching(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('total'))
}

export function findInterview(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(columns).select(sourceName.as('sourceName')).where('interview.id', '=', id).executeTakeFirst()
}
export type InterviewRow = NonNullable<Awaited<ReturnType<typeof findInterview>>>

export async function lockInterview(trx: Trx, actor: Actor, id: string) {
  const locked = await trx.selectFrom('interview').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return locked ? findInterview(trx, actor, id) : undefined
}
