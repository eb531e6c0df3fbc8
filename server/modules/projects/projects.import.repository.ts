import { type SqlBool, sql } from 'kysely'
import { copyRows, copyChunks } from '../../db/copy.ts'
import type { Trx } from '../../db/database.ts'
import type { NewProject } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { orgNodeVisibleTo, projectVisibleTo } from '../../platform/scope.ts'
import { keyOf, type ScopedNode } from './projects.bulk.repository.ts'
import { projectColumns } from './projects.repository.ts'

/**
 * The set-based side of the project import: the file's keys are loaded with COPY into a temporary table and
 * checked against the org tree and the project table in a few statements; the rows are written with COPY
 * (new projects) and one UPDATE … FROM a staged table (known ones). Temporary tables live until the
 * transaction ends.
 */

/** What SQL needs of a file row to check it; null where the cell is missing or failed to read. */
export interface StagedKey {
  row: number
  code: string | null
  fiscalYear: number | null
  unitCode: string | null
}

const asInt = (n: number | null) => (n !== null && Number.isSafeInteger(n) && Math.abs(n) < 2 ** 31 ? n : null)

/** Loads the keys, then keeps the units among them the actor can see (import_unit). */
export async function stageImportKeys(trx: Trx, actor: Actor, keys: readonly StagedKey[]) {
  await sql`create temp table import_row (row_no integer primary key, code text, fiscal_year integer, unit_code text) on commit drop`.execute(trx)
  await copyRows(trx, 'import_row', ['row_no', 'code', 'fiscal_year', 'unit_code'], copyChunks(keys.map((k) => [k.row, k.code, asInt(k.fiscalYear), k.unitCode])))
  await sql`analyze import_row`.execute(trx)
  const visible = trx
    .selectFrom('orgNode')
    .select(['orgNode.code', 'orgNode.jurisdictionCode'])
    .where(orgNodeVisibleTo(actor))
    .where(sql<SqlBool>`org_node.code in (select unit_code from import_row)`)
  await sql`create temp table import_unit on commit drop as ${visible}`.execute(trx)
}

/** The visible org nodes the rows name, with their department's name. */
export async function findStagedUnits(trx: Trx): Promise<Map<string, ScopedNode>> {
  const rows = await trx
    .selectFrom('orgNode')
    .leftJoin('orgNode as dept', 'dept.code', 'orgNode.departmentCode')
    .selectAll('orgNode')
    .select('dept.name as departmentName')
    .where(sql<SqlBool>`org_node.code in (select code from import_unit)`)
    .execute()
  return new Map(rows.map((r) => [r.code, r]))
}

/**
 * Rows repeating an earlier row's key, with that row: the key is the jurisdiction, year and code when the unit is
 * known and the year read, otherwise the unit code as written, the year and the code.
 */
export async function findStagedDuplicates(trx: Trx): Promise<Map<number, number>> {
  const { rows } = await sql<{ rowNo: number; firstRow: number }>`
    select row_no, first_row from (
      select r.row_no, min(r.row_no) over (partition by
          case when u.code is not null and r.fiscal_year is not null then 'j:' || u.jurisdiction_code else '?:' || coalesce(r.unit_code, '') end,
          r.fiscal_year, r.code) as first_row
        from import_row r left join import_unit u on u.code = r.unit_code
       where r.code is not null
    ) keyed
    where first_row < row_no`.execute(trx)
  return new Map(rows.map((r) => [r.rowNo, r.firstRow]))
}

/** The stored projects under the rows' keys, in scope or not, with a flag saying whether the actor may see them. */
export async function findStagedProjects(trx: Trx, actor: Actor) {
  const rows = await trx
    .selectFrom('project')
    .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode')
    .select(projectColumns)
    .select((eb) => projectVisibleTo(actor)(eb).as('visible'))
    .where(
      sql<SqlBool>`(project.jurisdiction_code, project.fiscal_year, project.code) in (
        select u.jurisdiction_code, r.fiscal_year, r.code from import_row r join import_unit u on u.code = r.unit_code
         where r.code is not null and r.fiscal_year is not null)`,
    )
    .execute()
  return new Map(rows.map((r) => [keyOf(r), r]))
}

export type StagedProject = Awaited<ReturnType<typeof findStagedProjects>> extends Map<string, infer V> ? V : never

const WRITTEN = [
  'name', 'department_code', 'unit_code', 'budget_kind', 'attribute', 'project_type', 'object_kind', 'period_start_year', 'period_end_year',
  'medium_term_amount', 'amount_general', 'amount_fund', 'amount_state_capital', 'amount_social_insurance', 'amount_fiscal', 'amount_other',
  'amount_total', 'is_major_new', 'description', 'contact_name', 'contact_phone', 'search_text', 'updated_at',
] as const
const CREATED = ['id', 'code', 'fiscal_year', 'jurisdiction_code', 'status', 'created_by', 'created_at', ...WRITTEN] as const

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

export type ProjectToCreate = NewProject & { id: string; status: 'reserve' }

/** New projects, straight into the table with COPY; a code taken meanwhile fails it with a unique violation. */
export function copyNewProjects(trx: Trx, rows: Iterable<ProjectToCreate>): Promise<number> {
  const cells = (function* () {
    for (const row of rows) yield cellsOf(row, CREATED)
  })()
  return copyRows(trx, 'project', CREATED, copyChunks(cells))
}

/** Known projects, staged with the version they were read at; only those still at it are updated. Returns how many were. */
export async function updateStagedProjects(trx: Trx, rows: Iterable<NewProject & { id: string; expectedVersion: number }>): Promise<number> {
  await sql`create temp table import_update on commit drop as select id, version as expected_version, ${sql.raw(WRITTEN.join(', '))} from project with no data`.execute(trx)
  const cells = (function* () {
    for (const row of rows) yield [row.id, row.expectedVersion, ...cellsOf(row, WRITTEN)]
  })()
  const staged = await copyRows(trx, 'import_update', ['id', 'expected_version', ...WRITTEN], copyChunks(cells))
  if (staged === 0) return 0
  const result = await sql`
    update project p set ${sql.raw(WRITTEN.map((c) => `${c} = s.${c}`).join(', '))}, version = p.version + 1
      from import_update s where p.id = s.id and p.version = s.expected_version`.execute(trx)
  return Number(result.numAffectedRows ?? 0)
}
