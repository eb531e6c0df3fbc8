import { sql } from 'kysely'
import { goalInForceStatuses } from '../../../domain/goals.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains } from '../../http/paging.ts'
import { orgNodeVisibleTo } from '../../platform/scope.ts'
import type { NpcDepartment } from './npc.data.ts'
import type { NpcPackageListFilter } from './npc.schemas.ts'

/** Departments (with their jurisdiction's name) the actor sees: its own, or a bureau's and those of the districts below. */
export function visibleDepartments(db: Db, actor: Actor) {
  return db
    .selectFrom('orgNode')
    .innerJoin('orgNode as jurisdictionNode', 'jurisdictionNode.code', 'orgNode.jurisdictionCode')
    .where('orgNode.kind', '=', 'department')
    .where(orgNodeVisibleTo(actor))
}

const departmentColumns = ['orgNode.code', 'orgNode.name', 'orgNode.jurisdictionCode', 'jurisdictionNode.name as jurisdictionName'] as const

export async function findDepartment(db: Db, actor: Actor, code: string): Promise<NpcDepartment | undefined> {
  return visibleDepartments(db, actor).select([...departmentColumns]).where('orgNode.code', '=', code).executeTakeFirst()
}

/** Every department of one jurisdiction (not those of the districts below): what a bundle holds. */
export function departmentsOf(db: Db | Trx, jurisdictionCode: string): Promise<NpcDepartment[]> {
  return db
    .selectFrom('orgNode')
    .innerJoin('orgNode as jurisdictionNode', 'jurisdictionNode.code', 'orgNode.jurisdictionCode')
    .select([...departmentColumns])
    .where('orgNode.kind', '=', 'department')
    .where('orgNode.jurisdictionCode', '=', jurisdictionCode)
    .orderBy('orgNode.code')
    .execute()
}

/**
 * The list's rows: each department with what its package will hold for `fiscalYear` — the department goal in force,
 * last year's concluded key evaluations and submitted self-evaluations, the open rectification items. Major projects
 * are counted by the caller (their threshold is the jurisdiction's rule set).
 */
export function listPackageRows(db: Db, actor: Actor, filter: NpcPackageListFilter) {
  let query = visibleDepartments(db, actor)
  if (filter.jurisdictionCode) query = query.where('orgNode.jurisdictionCode', '=', filter.jurisdictionCode)
  if (filter.departmentCode) query = query.where('orgNode.code', '=', filter.departmentCode)
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('orgNode.name', 'ilike', pattern), eb('orgNode.code', 'ilike', pattern)]))
  }
  const lastYear = filter.fiscalYear - 1
  const count = sql<number>`count(*)::int`.as('n')
  const rows = query
    .select((eb) => [
      ...departmentColumns,
      eb.selectFrom('goal').select(count).whereRef('goal.departmentCode', '=', 'orgNode.code').where('goal.kind', '=', 'department').where('goal.fiscalYear', '=', filter.fiscalYear).where('goal.status', 'in', [...goalInForceStatuses]).as('departmentGoals'),
      eb.selectFrom('keyEvaluation').select(count).whereRef('keyEvaluation.departmentCode', '=', 'orgNode.code').where('keyEvaluation.fiscalYear', '=', lastYear).where('keyEvaluation.stage', 'in', ['final', 'reported']).as('keyEvaluations'),
      eb.selectFrom('selfEvalForm').select(count).whereRef('selfEvalForm.departmentCode', '=', 'orgNode.code').where('selfEvalForm.fiscalYear', '=', lastYear).where('selfEvalForm.kind', '=', 'project').where('selfEvalForm.status', 'in', ['submitted', 'dept_accepted', 'accepted']).as('selfEvaluations'),
      eb.selectFrom('rectification').select(count).whereRef('rectification.departmentCode', '=', 'orgNode.code').where('rectification.status', '<>', 'closed').as('openRectifications'),
    ])
    .orderBy('orgNode.jurisdictionCode')
    .orderBy('orgNode.code')
  return { rows, counted: query.select((eb) => eb.fn.countAll<number>().as('total')) }
}

/** Per department of the list: its projects of the year at or above the threshold (or flagged), and how many have a goal in force. */
export async function majorProjectCounts(db: Db, departmentCodes: string[], fiscalYear: number, majorAmount: string) {
  if (!departmentCodes.length) return new Map<string, { major: number; withGoal: number }>()
  const rows = await db
    .selectFrom('project')
    .select((eb) => [
      'project.departmentCode',
      eb.fn.countAll<number>().as('major'),
      eb.fn
        .countAll<number>()
        .filterWhere((e) => e.exists(e.selectFrom('goal').select('goal.id').whereRef('goal.projectId', '=', 'project.id').where('goal.fiscalYear', '=', fiscalYear).where('goal.status', 'in', [...goalInForceStatuses])))
        .as('withGoal'),
    ])
    .where('project.departmentCode', 'in', departmentCodes)
    .where('project.fiscalYear', '=', fiscalYear)
    .where('project.status', '<>', 'cancelled')
    .where((eb) => eb.or([eb('project.isMajorNew', '=', true), eb('project.amountTotal', '>=', majorAmount)]))
    .groupBy('project.departmentCode')
    .execute()
  return new Map(rows.map((r) => [r.departmentCode, { major: Number(r.major), withGoal: Number(r.withGoal) }]))
}
