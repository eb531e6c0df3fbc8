import { z } from 'zod'
import { editableStatuses, projectStatusLabels } from '../../../domain/projects.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { localizeIssue } from '../../http/validation-messages.ts'
import { onlySupervises } from '../../platform/supervision.ts'
import { keyOf, type ProjectKey, type ScopedNode } from './projects.bulk.repository.ts'
import type { ProjectField } from './projects.excel.ts'
import type { FileShape, ParsedRow, Problem } from './projects.import.read.ts'
import { findStoredProjects, findVisibleUnits, type StagedProject } from './projects.import.repository.ts'
import { NewProjectBody, type NewProjectInput } from './projects.schemas.ts'
import { inputOf, projectProblems } from './projects.service.ts'

export type RowAction = 'create' | 'update' | 'unchanged' | 'error'

export interface PlannedRow {
  row: number
  action: RowAction
  input: NewProjectInput | null
  values: ParsedRow['values']
  unit: ScopedNode | undefined
  existing: StagedProject | undefined
  problems: Problem[]
}

const localize = (issue: z.core.$ZodIssue, lang: 'zh' | 'en') => localizeIssue(issue as never, lang)

const asInt = (n: unknown) => (typeof n === 'number' && Number.isSafeInteger(n) && Math.abs(n) < 2 ** 31 ? n : null)
const textOf = (v: unknown) => (typeof v === 'string' ? v : null)

/**
 * Decides each row's fate against the database — scope, stored projects, codes repeated in the file, the form's
 * validation — a chunk at a time. Across chunks it keeps only the units already looked up and, per key, the row that
 * first used it: never the rows.
 */
export class RowChecker {
  /** The units the file names: the org node when the actor can see it, null when not (or unknown). */
  readonly units = new Map<string, ScopedNode | null>()
  private readonly firstRowOf = new Map<string, number>()

  constructor(
    private readonly db: Db,
    private readonly ctx: ActorCtx,
    private readonly shape: FileShape,
  ) {}

  async check(rows: ParsedRow[]): Promise<PlannedRow[]> {
    const unseen = [...new Set(rows.map((r) => textOf(r.values.unitCode)).filter((c): c is string => c !== null && !this.units.has(c)))]
    const found = await findVisibleUnits(this.db, this.ctx.actor, unseen)
    for (const code of unseen) this.units.set(code, null)
    for (const unit of found) this.units.set(unit.code, unit)
    const keys = rows.map((r) => this.keyOfRow(r))
    const existing = await findStoredProjects(this.db, this.ctx.actor, keys.filter((k): k is ProjectKey => k !== null))
    return rows.map((r, i) => this.planRow(r, keys[i] ? existing.get(keyOf(keys[i])) : undefined))
  }

  /** Once the file is checked: the key of each row is not needed while the rows are written. */
  forgetKeys() {
    this.firstRowOf.clear()
  }

  private unitOf(r: ParsedRow) {
    const code = textOf(r.values.unitCode)
    return (code !== null && this.units.get(code)) || undefined
  }

  private keyOfRow(r: ParsedRow): ProjectKey | null {
    const unit = this.unitOf(r)
    const code = textOf(r.values.code)
    const fiscalYear = asInt(r.values.fiscalYear)
    return unit && code !== null && fiscalYear !== null ? { jurisdictionCode: unit.jurisdictionCode, fiscalYear, code } : null
  }

  /**
   * The earlier row with the same key: the jurisdiction, year and code when the unit is known and the year read,
   * otherwise the unit code as written, the year and the code.
   */
  private repeated(r: ParsedRow): number | undefined {
    const code = textOf(r.values.code)
    if (code === null) return undefined
    const unit = this.unitOf(r)
    const fiscalYear = asInt(r.values.fiscalYear)
    const where = unit && fiscalYear !== null ? `j:${unit.jurisdictionCode}` : `?:${textOf(r.values.unitCode) ?? ''}`
    const key = JSON.stringify([where, fiscalYear, code])
    const first = this.firstRowOf.get(key)
    if (first === undefined) this.firstRowOf.set(key, r.row)
    return first
  }

  private planRow(r: ParsedRow, stored: StagedProject | undefined): PlannedRow {
    const { ctx } = this
    const problems = [...r.problems]
    const column = (field: string | null) => (field ? (this.shape.headers.get(field) ?? null) : null)
    const add = (field: string, zh: string, en: string) => problems.push({ row: r.row, column: column(field), field, zh, en })
    const unit = this.unitOf(r)
    if (unit && onlySupervises(ctx.actor, unit)) {
      add('unitCode', `预算单位 ${unit.name} 属于下级行政区划，其项目由该区划的财政部门办理，上级财政部门只能查看`, `Unit ${unit.name} belongs to a jurisdiction below yours: its own finance bureau files its projects, yours may only look`)
    }
    const first = this.repeated(r)
    if (first !== undefined) add('code', `项目编码 ${r.values.code} 与第 ${first} 行重复（同一预算年度内编码唯一）`, `Code ${r.values.code} repeats row ${first} (codes are unique within a fiscal year)`)
    if (stored && !stored.visible) {
      add('code', `${stored.fiscalYear} 年度编码为 ${stored.code} 的项目已存在，且不在您的权限范围内`, `A ${stored.fiscalYear} project with code ${stored.code} exists outside your scope`)
    } else if (stored && !editableStatuses.includes(stored.status)) {
      const label = projectStatusLabels[stored.status]
      add('code', `项目 ${stored.code} 处于“${label.zh}”状态，不能通过导入修改`, `Project ${stored.code} is ${label.en} and cannot be changed by an import`)
    }
    // Columns the file leaves out keep the stored values; the merged project is checked like the form's.
    const merged = stored?.visible ? { ...inputOf(stored), ...r.values } : r.values
    const failed = new Set(r.problems.map((p) => p.field))
    const result = NewProjectBody.safeParse(merged)
    let input: NewProjectInput | null = null
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '')
        if (!failed.has(field)) add(field, localize(issue, 'zh'), localize(issue, 'en'))
      }
    } else if (r.problems.length === 0) {
      for (const p of projectProblems({ ...result.data, code: result.data.code ?? '' }, unit)) add(p.path, p.zh, p.en)
      input = result.data
    }
    const action: RowAction = problems.length ? 'error' : !stored ? 'create' : sameInput(stored, input!) ? 'unchanged' : 'update'
    return { row: r.row, action, input: action === 'error' ? null : input, values: r.values, unit, existing: stored, problems }
  }
}

function sameInput(stored: StagedProject, input: NewProjectInput): boolean {
  const before = inputOf(stored)
  return (Object.keys(input) as ProjectField[]).every((f) => (before[f] ?? null) === (input[f] ?? null))
}
