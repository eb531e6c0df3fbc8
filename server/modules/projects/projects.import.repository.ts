import { type SqlBool, sql } from 'kysely'
import { copyRows, copyChunks } from '../../db/copy.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { NewProject } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { orgNodeVisibleTo, projectVisibleTo } from '../../platform/scope.ts'
import { keyOf, type ProjectKey, type ScopedNode } from './projects.bulk.repository.ts'
import { projectColumns } from './projects.repository.ts'

/**
 * The database side of the project import. The file is checked a chunk of rows at a time: the units they name
 * (those the actor can see) and the stored projects under their keys are read with one query each. The rows are
 * written with COPY (new projects) and one UPDATE … FROM a staged table (known ones); the temporary table lives
 * until the transaction ends.
 */

/** The org nodes among `codes` the actor can see, with their department's name. */
export async function findVisibleUnits(db: Db | Trx, actor: Actor, codes: readonly string[]): Promise<ScopedNode[]> {
  if (codes.length === 0) return []
  return db
    .selectFrom('orgNode')
    .leftJoin('orgNode as dept', 'dept.code', 'orgNode.departmentCode')
    .selectAll('orgNode')
    .select('dept.name as departmentName')
    .where(orgNodeVisibleTo(actor))
    .where('orgNode.code', 'in', codes)
    .execute()
}

/** The stored projects under the keys, in scope or not, with a flag saying whether the actor may see them. */
export async function findStoredProjects(db: Db | Trx, actor: Actor, keys: readonly ProjectKey[]) {
  if (keys.length === 0) return new Map<string, never>()
  const rows = await db
    .selectFrom('project')
    .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode')
    .select(projectColumns)
    .select((eb) => projectVisibleTo(actor)(eb).as('visible'))
    .where(
      sql<SqlBool>`(project.jurisdiction_code, project.fiscal_year, project.code) in (
        select * from unnest(${keys.map((k) => k.jurisdictionCode)}::text[], ${keys.map((k) => k.fiscalYear)}::integer[], ${keys.map((k) => k.code)}::text[]))`,
    )
    .execute()
  return new Map(rows.map((r) => [keyOf(r), r]))
}

export type StagedProject = Awaited<ReturnType<typeof findStoredProjects>> extends Map<string, infer V> ? V : never

const WRITTEN = [
  'name', 'department_code', 'unit_code', 'budget_kind', 'attribute', 'project_type', 'object_kind', 'period_start_year', 'period_end_year',
  'medium_term_amount', 'amount_general', 'amount_fund', 'amount_state_capital', 'amount_social_insurance', 'amount_fiscal', 'amount_other',
  'amount_total', 'is_major_new', 'description', 'contact_name', 'contact_phone', 'search_text', 'updated_at',
] as const
// A new project's columns after its id and status, which the import gives.
const CREATED = ['code', 'fiscal_year', 'jurisdiction_code', 'created_by', 'created_at', ...WRITTEN] as const

type Cell = string | number | boolean | null
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
const cell = (v: unknown): Cell => (v instanceof Date ? v.toISOString() : v === undefined ? null : (v as Cell))
const keysOf = new Map<readonly string[], string[]>()
/** The row's values in the columns' order; the columns' property names worked out once per list, not per row. */
function cellsOf(row: Record<string, unknown>, columns: readonly string[]) {
  let keys = keysOf.get(columns)
  if (!keys) keysOf.set(columns, (keys = columns.map(camel)))
  return keys.map((k) => cell(row[k]))
}

/** New projects, straight into the table with COPY; a code taken meanwhile fails it with a unique violation. */
export function copyNewProjects(trx: Trx, projects: AsyncIterable<{ id: string; row: NewProject }>): Promise<number> {
  const cells = (async function* () {
    for await (const { id, row } of projects) yield [id, 'reserve', ...cellsOf(row, CREATED)]
  })()
  return copyRows(trx, 'project', ['id', 'status', ...CREATED], copyChunks(cells))
}

/** Known projects, staged with the version they were read at; only those still at it are updated. Returns how many were. */
export async function updateStagedProjects(trx: Trx, projects: AsyncIterable<{ id: string; expectedVersion: number; row: NewProject }>): Promise<number> {
  await sql`create temp table import_update on commit drop as select id, version as expected_version, ${sql.raw(WRITTEN.join(', '))} from project with no data`.execute(trx)
  const cells = (async function* () {
    for await (const { id, expectedVersion, row } of projects) yield [id, expectedVersion, ...cellsOf(row, WRITTEN)]
  })()
  const staged = await copyRows(trx, 'import_update', ['id', 'expected_version', ...WRITTEN], copyChunks(cells))
  if (staged === 0) return 0
  const result = await sql`
    update project p set ${sql.raw(WRITTEN.map((c) => `${c} = s.${c}`).join(', '))}, version = p.version + 1
      from import_update s where p.id = s.id and p.version = s.expected_version`.execute(trx)
  return Number(result.numAffectedRows ?? 0)
}
