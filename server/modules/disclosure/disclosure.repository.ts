import { type ExpressionBuilder, sql } from 'kysely'
import type { PublicRecordKind } from '../../../domain/disclosure.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import type { DisclosureListFilter } from './disclosure.schemas.ts'

/**
 * The records a disclosure decision is taken on, as one list: project goals (the version in force, or a superseded
 * one whose copy is still live), 自评表 (project and department overall), key evaluations and 考核 results. Each
 * arm applies the data scope of its table: a unit sees its own, a department its own and its units', a bureau its
 * jurisdiction's and those below. 考核 results are the bureaus' and the assessed department's.
 */
type Owned = { jurisdiction: string; department: string; unit: string | null }

function scoped(eb: ExpressionBuilder<Database, any>, actor: Actor, cols: Owned) {
  if (actor.org.kind === 'unit') return cols.unit ? eb(eb.ref(cols.unit), '=', actor.org.code) : eb.val(false)
  if (actor.org.kind === 'department') return eb(eb.ref(cols.department), '=', actor.org.code)
  return eb(eb.ref(cols.jurisdiction), 'in', jurisdictionsUnder(eb, actor))
}

const liveCopyOf = (kind: PublicRecordKind, ref: string) =>
  sql<boolean>`exists (select 1 from public_record pr where pr.kind = ${kind} and pr.source_id = ${sql.ref(ref)} and pr.withdrawn_at is null and pr.superseded_at is null)`

function records(db: Db | Trx, actor: Actor) {
  const goals = db
    .selectFrom('goal')
    .leftJoin('project', 'project.id', 'goal.projectId')
    .where((eb) => scoped(eb, actor, { jurisdiction: 'goal.jurisdictionCode', department: 'goal.departmentCode', unit: 'goal.unitCode' }))
    .where((eb) => eb.or([eb('goal.status', '!=', 'superseded'), liveCopyOf('goal', 'goal.id')]))
    .select([
      sql<PublicRecordKind>`'goal'`.as('kind'),
      'goal.id as sourceId',
      'goal.jurisdictionCode',
      'goal.fiscalYear',
      sql<string | null>`goal.department_code`.as('departmentCode'),
      'goal.unitCode',
      // A department-overall goal is known by its department's code, as its self-evaluation is.
      sql<string>`coalesce(project.code, goal.department_code)`.as('recordKey'),
      sql<string>`coalesce(project.name, goal.name)`.as('title'),
      sql<string>`goal.status`.as('sourceStatus'),
    ])
  const selfEvaluations = db
    .selectFrom('selfEvalForm')
    .leftJoin('project', 'project.id', 'selfEvalForm.projectId')
    .innerJoin('orgNode as formDepartment', 'formDepartment.code', 'selfEvalForm.departmentCode')
    .where((eb) => scoped(eb, actor, { jurisdiction: 'selfEvalForm.jurisdictionCode', department: 'selfEvalForm.departmentCode', unit: 'selfEvalForm.unitCode' }))
    .select([
      sql<PublicRecordKind>`'self_evaluation'`.as('kind'),
      'selfEvalForm.id as sourceId',
      'selfEvalForm.jurisdictionCode',
      'selfEvalForm.fiscalYear',
      sql<string | null>`self_eval_form.department_code`.as('departmentCode'),
      'selfEvalForm.unitCode',
      sql<string>`coalesce(project.code, self_eval_form.department_code)`.as('recordKey'),
      sql<string>`coalesce(project.name, form_department.name || '部门整体支出')`.as('title'),
      sql<string>`self_eval_form.status`.as('sourceStatus'),
    ])
  const keyEvaluations = db
    .selectFrom('keyEvaluation')
    .leftJoin('project', 'project.id', 'keyEvaluation.projectId')
    .where((eb) => scoped(eb, actor, { jurisdiction: 'keyEvaluation.jurisdictionCode', department: 'keyEvaluation.departmentCode', unit: 'keyEvaluation.unitCode' }))
    .select([
      sql<PublicRecordKind>`'key_evaluation_report'`.as('kind'),
      'keyEvaluation.id as sourceId',
      'keyEvaluation.jurisdictionCode',
      'keyEvaluation.fiscalYear',
      'keyEvaluation.departmentCode',
      'keyEvaluation.unitCode',
      sql<string>`coalesce(project.code, key_evaluation.department_code, cast(key_evaluation.id as varchar))`.as('recordKey'),
      'keyEvaluation.name as title',
      sql<string>`key_evaluation.stage`.as('sourceStatus'),
    ])
  const assessments = db
    .selectFrom('assessment')
    .innerJoin('orgNode as assessed', 'assessed.code', 'assessment.orgCode')
    .where((eb) => scoped(eb, actor, { jurisdiction: 'assessment.jurisdictionCode', department: 'assessment.orgCode', unit: null }))
    .select([
      sql<PublicRecordKind>`'assessment'`.as('kind'),
      'assessment.id as sourceId',
      'assessment.jurisdictionCode',
      'assessment.fiscalYear',
      sql<string | null>`case when assessment.org_kind = 'department' then assessment.org_code end`.as('departmentCode'),
      sql<string | null>`null`.as('unitCode'),
      'assessment.orgCode as recordKey',
      sql<string>`assessed.name || '考核结果'`.as('title'),
      sql<string>`assessment.status`.as('sourceStatus'),
    ])
  return db
    .selectFrom(goals.unionAll(selfEvaluations).unionAll(keyEvaluations).unionAll(assessments).as('r'))
    .leftJoin('disclosureDecision as d', (j) => j.onRef('d.kind', '=', 'r.kind').onRef('d.sourceId', '=', 'r.sourceId'))
    .leftJoin('orgNode as department', 'department.code', 'r.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'r.unitCode')
    .leftJoin('appUser as decider', 'decider.id', 'd.decidedBy')
}

const state = sql<string>`coalesce(d.state, 'undecided')`

const columns = [
  'r.kind',
  'r.sourceId',
  'r.jurisdictionCode',
  'r.fiscalYear',
  'r.departmentCode',
  'department.name as departmentName',
  'r.unitCode',
  'unit.name as unitName',
  'r.recordKey',
  'r.title',
  'r.sourceStatus',
  'd.reasonCode',
  'd.reasonText',
  'd.decidedAt',
  'decider.displayName as decidedByName',
  'd.approvedAt',
  'd.withdrawnAt',
  'd.withdrawalReason',
] as const

function matching(db: Db | Trx, actor: Actor, filter: DisclosureListFilter) {
  let query = records(db, actor)
  if (filter.fiscalYear !== undefined) query = query.where('r.fiscalYear', '=', filter.fiscalYear)
  if (filter.kind) query = query.where('r.kind', '=', filter.kind)
  if (filter.departmentCode) query = query.where('r.departmentCode', '=', filter.departmentCode)
  if (filter.state) query = query.where(state, '=', filter.state)
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('r.title', 'ilike', pattern), eb('r.recordKey', 'ilike', pattern)]))
  }
  return query
}

const sortColumns = { title: 'r.title', recordKey: 'r.recordKey', departmentCode: 'r.departmentCode', decidedAt: 'd.decidedAt' } as const

/** The actor's records of the filter with their decision state; by kind, department and key unless sorted. */
export function listRecords(db: Db | Trx, actor: Actor, filter: DisclosureListFilter) {
  let query = matching(db, actor, filter).select(columns).select([state.as('state'), sql<number>`coalesce(d.version, 0)`.as('version')])
  if (filter.sort) query = query.orderBy(sortColumns[filter.sort], filter.order)
  return query.orderBy('r.kind').orderBy('r.departmentCode').orderBy('r.recordKey').orderBy('r.sourceId')
}

export function countRecords(db: Db | Trx, actor: Actor, filter: DisclosureListFilter) {
  return matching(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('total'))
}

export function findRecord(db: Db | Trx, actor: Actor, kind: PublicRecordKind, sourceId: string) {
  return records(db, actor)
    .select(columns)
    .select([state.as('state'), sql<number>`coalesce(d.version, 0)`.as('version')])
    .where('r.kind', '=', kind)
    .where('r.sourceId', '=', sourceId)
    .executeTakeFirst()
}
export type DisclosureRecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>

/** Locks the decision row of a record (if it has one) for a change. */
export function lockDecision(trx: Trx, kind: PublicRecordKind, sourceId: string) {
  return trx.selectFrom('disclosureDecision').selectAll().where('kind', '=', kind).where('sourceId', '=', sourceId).forUpdate().executeTakeFirst()
}
