import { sql } from 'kysely'
import { addMoney } from '../../../domain/money.ts'
import type { Grade } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'

/**
 * The other two subjects of rule 42's budget linkage (REFERENCE §8): a department's overall result sets its next
 * budget, a district's result sets the transfer payments it gets from the bureau above.
 */
export interface OrgSubject {
  subjectKind: 'department' | 'district'
  orgCode: string
  departmentCode: string | null
  sourceType: 'self_evaluation' | 'key_evaluation' | 'assessment'
  sourceId: string
  grade: Grade
}

/**
 * Each department of the jurisdiction graded for `evaluatedYear` as a whole: its 部门整体自评 accepted by finance, or
 * a reported finance evaluation of the department — the finance evaluation wins when both exist.
 */
export async function gradedDepartments(db: Db, jurisdictionCode: string, evaluatedYear: number): Promise<OrgSubject[]> {
  const result = new Map<string, OrgSubject>()
  const forms = await db
    .selectFrom('selfEvalForm')
    .select(['id', 'departmentCode', 'grade'])
    .where('jurisdictionCode', '=', jurisdictionCode)
    .where('fiscalYear', '=', evaluatedYear)
    .where('kind', '=', 'department')
    .where('status', '=', 'accepted')
    .where('grade', 'is not', null)
    .orderBy('id')
    .execute()
  for (const f of forms) result.set(f.departmentCode, { subjectKind: 'department', orgCode: f.departmentCode, departmentCode: f.departmentCode, sourceType: 'self_evaluation', sourceId: f.id, grade: f.grade! })
  const keys = await db
    .selectFrom('keyEvaluation')
    .select(['id', 'departmentCode', 'grade'])
    .where('jurisdictionCode', '=', jurisdictionCode)
    .where('fiscalYear', '=', evaluatedYear)
    .where('objectKind', '=', 'department')
    .where('stage', '=', 'reported')
    .where('departmentCode', 'is not', null)
    .where('grade', 'is not', null)
    .orderBy('id')
    .execute()
  for (const k of keys) result.set(k.departmentCode!, { subjectKind: 'department', orgCode: k.departmentCode!, departmentCode: k.departmentCode!, sourceType: 'key_evaluation', sourceId: k.id, grade: k.grade! })
  return [...result.values()]
}

/** Each district directly below the bureau whose 考核 of `evaluatedYear` the bureau has published. */
export async function gradedDistricts(db: Db, jurisdictionCode: string, evaluatedYear: number): Promise<OrgSubject[]> {
  const rows = await db
    .selectFrom('assessment')
    .select(['id', 'orgCode', 'grade'])
    .where('jurisdictionCode', '=', jurisdictionCode)
    .where('fiscalYear', '=', evaluatedYear)
    .where('orgKind', '=', 'jurisdiction')
    .where('status', '=', 'published')
    .where('grade', 'is not', null)
    .orderBy('orgCode')
    .execute()
  return rows.map((r) => ({ subjectKind: 'district', orgCode: r.orgCode, departmentCode: null, sourceType: 'assessment', sourceId: r.id, grade: r.grade! }))
}

/** The money each subject's proposal starts from, and the items it has not closed, for one evaluated year. */
export interface SubjectFigures {
  base: Map<string, string>
  open: Map<string, number>
}

/**
 * A department's budget of the year: the full-year budget (年初 + 调整) of its projects budgeted that year. Open items:
 * the department-overall findings (those without a project) not yet closed.
 */
export async function departmentFigures(db: Db | Trx, jurisdictionCode: string, evaluatedYear: number, codes: readonly string[]): Promise<SubjectFigures> {
  if (codes.length === 0) return { base: new Map(), open: new Map() }
  const projectsOf = () =>
    db
      .selectFrom('project')
      .where('project.jurisdictionCode', '=', jurisdictionCode)
      .where('project.fiscalYear', '=', evaluatedYear)
      .where('project.departmentCode', 'in', [...codes])
      .where('project.status', 'in', ['budgeted', 'executing', 'closed'])
  const initial = await projectsOf().select(['project.departmentCode', sql<string>`sum(project.amount_fiscal)::text`.as('amount')]).groupBy('project.departmentCode').execute()
  const adjusted = await projectsOf()
    .innerJoin('budgetAdjustment as a', (join) => join.onRef('a.projectId', '=', 'project.id').on('a.fiscalYear', '=', evaluatedYear))
    .select(['project.departmentCode', sql<string>`sum(a.amount)::text`.as('amount')])
    .groupBy('project.departmentCode')
    .execute()
  const base = new Map(initial.map((b) => [b.departmentCode, addMoney(b.amount)]))
  for (const a of adjusted) base.set(a.departmentCode, addMoney(base.get(a.departmentCode) ?? '0', a.amount))
  const open = await db
    .selectFrom('rectification')
    .select(['departmentCode', sql<number>`count(*)::int`.as('open')])
    .where('departmentCode', 'in', [...codes])
    .where('projectId', 'is', null)
    .where('status', '<>', 'closed')
    .groupBy('departmentCode')
    .execute()
  return { base, open: new Map(open.map((o) => [o.departmentCode, Number(o.open)])) }
}

/**
 * A district's transfers: what the bureau's 转移支付 projects of the year (not cancelled) allocate to it. Open items:
 * those the district owns as a bureau, not yet closed.
 */
export async function districtFigures(db: Db | Trx, jurisdictionCode: string, evaluatedYear: number, codes: readonly string[]): Promise<SubjectFigures> {
  if (codes.length === 0) return { base: new Map(), open: new Map() }
  const transfers = await db
    .selectFrom('transferAllocation as a')
    .innerJoin('project', 'project.id', 'a.projectId')
    .select(['a.districtCode', sql<string>`sum(a.amount)::text`.as('amount')])
    .where('project.jurisdictionCode', '=', jurisdictionCode)
    .where('project.fiscalYear', '=', evaluatedYear)
    .where('project.objectKind', '=', 'transfer')
    .where('project.status', '<>', 'cancelled')
    .where('a.districtCode', 'in', [...codes])
    .groupBy('a.districtCode')
    .execute()
  const open = await db
    .selectFrom('rectification')
    .select(['ownerCode', sql<number>`count(*)::int`.as('open')])
    .where('ownerCode', 'in', [...codes])
    .where('status', '<>', 'closed')
    .groupBy('ownerCode')
    .execute()
  return { base: new Map(transfers.map((t) => [t.districtCode, t.amount])), open: new Map(open.map((o) => [o.ownerCode, Number(o.open)])) }
}
