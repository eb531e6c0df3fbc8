import { sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Grade } from '../../../domain/scoring.ts'
import type { SelfEvalInput, SelfEvalNature } from '../../../domain/self-evaluation.ts'
import type { SelfEvalStatus } from '../../../domain/evaluation.ts'

/**
 * The one place the spot-check reads the 自评表 tables (owned by the self-evaluation module): raw SQL by the column
 * names the issue and `self.schemas.ts` name, so the spot-check tables need no foreign key to them.
 *   self_eval_form: id, fiscal_year, jurisdiction_code, department_code, unit_code, project_id, kind, status,
 *                   budget, executed, execution_weight, execution_reason, total, grade
 *   self_eval_indicator: form_id, sort_order, level1, level2, name, nature, target, unit, weight, actual, applicable,
 *                   proposed_score, score (the score that counts), override_score (a person's score, null keeps the
 *                   proposal), override_reason, deviation_reason
 */

export interface SelfEvalForScoring {
  id: string
  fiscalYear: number
  jurisdictionCode: string
  departmentCode: string | null
  unitCode: string | null
  projectId: string | null
  status: SelfEvalStatus
  title: string
  total: string | null
  grade: Grade | null
  input: SelfEvalInput
  /** Per indicator, in position order: its labels and the unit's stored proposal and score. */
  indicators: { position: number; level1: string; level2: string; name: string; proposedScore: string | null; score: string | null }[]
}

const money = (v: unknown) => (v === null || v === undefined ? '0.00' : String(v))
const dec = (v: unknown) => (v === null || v === undefined ? null : String(v))

export async function readSelfEvalForScoring(db: Db | Trx, formId: string): Promise<SelfEvalForScoring | undefined> {
  const form = (
    await sql<Record<string, unknown>>`
      select f.id, f.fiscal_year, f.jurisdiction_code, f.department_code, f.unit_code, f.project_id, f.status,
             f.budget, f.executed, f.execution_weight, f.execution_reason, f.total, f.grade,
             coalesce(p.name, d.name, '') as title
        from self_eval_form f
        left join project p on p.id = f.project_id
        left join org_node d on d.code = f.department_code
       where f.id = ${formId}`.execute(db)
  ).rows[0]
  if (!form) return undefined
  const rows = (
    await sql<Record<string, unknown>>`
      select sort_order as position, level1, level2, name, nature, target, unit, weight, actual, applicable, proposed_score,
             score, override_score, override_reason, deviation_reason
        from self_eval_indicator where form_id = ${formId} order by sort_order`.execute(db)
  ).rows
  const pick = (row: Record<string, unknown>, snake: string, camel: string) => row[camel] ?? row[snake]
  return {
    id: String(form.id),
    fiscalYear: Number(pick(form, 'fiscal_year', 'fiscalYear')),
    jurisdictionCode: String(pick(form, 'jurisdiction_code', 'jurisdictionCode')),
    departmentCode: dec(pick(form, 'department_code', 'departmentCode')),
    unitCode: dec(pick(form, 'unit_code', 'unitCode')),
    projectId: dec(pick(form, 'project_id', 'projectId')),
    status: String(form.status) as SelfEvalStatus,
    title: String(form.title ?? ''),
    total: dec(form.total),
    grade: (form.grade ?? null) as Grade | null,
    input: {
      budget: money(form.budget),
      executed: money(form.executed),
      executionWeight: money(pick(form, 'execution_weight', 'executionWeight')),
      executionReason: dec(pick(form, 'execution_reason', 'executionReason')),
      indicators: rows.map((r) => ({
        name: String(r.name ?? ''),
        level1: String(r.level1 ?? ''),
        nature: String(r.nature) as SelfEvalNature,
        target: String(r.target ?? ''),
        unit: String(r.unit ?? ''),
        weight: money(r.weight),
        actual: dec(r.actual),
        applicable: r.applicable !== false,
        score: dec(pick(r, 'override_score', 'overrideScore')),
        overrideReason: dec(pick(r, 'override_reason', 'overrideReason')),
        deviationReason: dec(pick(r, 'deviation_reason', 'deviationReason')),
      })),
    },
    indicators: rows.map((r) => ({
      position: Number(r.position),
      level1: String(r.level1 ?? ''),
      level2: String(r.level2 ?? ''),
      name: String(r.name ?? ''),
      proposedScore: dec(pick(r, 'proposed_score', 'proposedScore')),
      score: dec(r.score),
    })),
  }
}

/** The pool a sample is drawn from: submitted 自评表 of the year in the jurisdictions given, ordered by id. */
export async function submittedFormIds(db: Db | Trx, fiscalYear: number, jurisdictionCodes: readonly string[], statuses: readonly string[]): Promise<string[]> {
  if (!jurisdictionCodes.length) return []
  const rows = (
    await sql<{ id: string }>`
      select id from self_eval_form
       where fiscal_year = ${fiscalYear}
         and jurisdiction_code in (${sql.join(jurisdictionCodes.map((c) => sql`${c}`))})
         and status in (${sql.join(statuses.map((s) => sql`${s}`))})
       order by id`.execute(db)
  ).rows
  return rows.map((r) => String(r.id))
}

/** Whether the self-evaluation tables exist yet (a fresh database before that module's migration has none). */
export async function selfEvalTablesExist(db: Db | Trx): Promise<boolean> {
  const row = (await sql<{ t: string | null }>`select to_regclass('self_eval_form')::text as t`.execute(db)).rows[0]
  return !!row?.t
}
