import { randomUUID } from 'node:crypto'
import { parseMoney } from '../../../domain/money.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { NewProject } from '../../db/schema.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { type AuditEntry, recordAuditBatch } from '../../platform/audit.ts'
import { type AuditSegment, reserveAuditSegment, writeAuditSegment } from '../../platform/audit-segment.ts'
import type { ScopedNode } from './projects.bulk.repository.ts'
import { nextProjectCodes } from './projects.codes.ts'
import { copyNewProjects, type ProjectToCreate, type StagedProject, updateStagedProjects } from './projects.import.repository.ts'
import type { CreateProjectInput, NewProjectInput } from './projects.schemas.ts'
import { toProjectRow } from './projects.service.ts'

/**
 * The write phase of an import whose every row passed: one transaction. New projects go into the table with COPY,
 * known ones with one UPDATE from a staged table. A large import's audit rows go into a range of the chain
 * reserved just before (platform/audit-segment.ts), so the chain's head — which every other write needs — is held
 * only for the one row that seals them. Nothing is read-then-locked: a project created or changed by someone else
 * since the plan shows as a unique violation or a missing update, and rolls all back (the reserved range stays empty).
 */

/** From how many audit rows an import writes them as a segment; fewer are appended under the head as usual. */
export const AUDIT_SEGMENT_FROM = 1000

export interface ImportWrite {
  action: 'create' | 'update'
  input: NewProjectInput
  unit: ScopedNode
  existing: StagedProject | undefined
}

export type ImportProgress = { phase: 'read'; fraction: number; rows: number } | { phase: 'write'; done: number; total: number }

export const changedMeanwhile = () =>
  new AppError('VERSION_CONFLICT', undefined, { zh: '导入期间有项目被他人新增或修改，未写入任何数据，请重新导入', en: 'Projects were added or changed by someone else meanwhile; nothing was written; import again' })

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505'

const MONEY_FIELDS = ['mediumTermAmount', 'amountGeneral', 'amountFund', 'amountStateCapital', 'amountSocialInsurance', 'amountOther'] as const

// numeric(18,2) reads back with two places; amounts arrive that way from the file, defaults as "0".
const twoPlaces = (m: string) => (/^(0|[1-9]\d*)\.\d\d$/.test(m) ? m : parseMoney(m)!)

type Totals = Pick<NewProject, 'amountFiscal' | 'amountTotal'>

/** The project as stored and read back (projectColumns): amounts with two places, names of its unit and department. */
function storedView(input: CreateProjectInput, totals: Totals, unit: ScopedNode, ctx: ActorCtx) {
  const money = Object.fromEntries(MONEY_FIELDS.map((f) => [f, twoPlaces(input[f])]))
  const org = { jurisdictionCode: unit.jurisdictionCode, departmentCode: unit.departmentCode!, unitCode: unit.code, unitName: unit.name, departmentName: unit.departmentName }
  return { ...input, amountFiscal: totals.amountFiscal, amountTotal: totals.amountTotal, ...money, ...org, updatedAt: ctx.now }
}

export interface WriteOptions {
  /** AUDIT_SEGMENT_FROM unless given (tests make small segments). */
  auditSegmentFrom?: number
  onProgress?: (p: ImportProgress) => void
  onCommit?: (trx: Trx, result: { dryRun: false; created: number; updated: number; unchanged: number }) => Promise<void>
}

export async function writeImport(db: Db, ctx: ActorCtx, fileName: string, writes: ImportWrite[], unchanged: number, { onProgress, onCommit, auditSegmentFrom }: WriteOptions = {}) {
  const total = writes.length
  if (total) onProgress?.({ phase: 'write', done: 0, total })
  const auditRows = total + 1
  const segment: AuditSegment | null = auditRows >= (auditSegmentFrom ?? AUDIT_SEGMENT_FROM) ? await reserveAuditSegment(db, ctx, auditRows, { for: 'project.import', fileName }) : null
  return db.transaction().execute(async (trx) => {
    const uncoded = writes.filter((w) => !w.input.code)
    const generated = await nextProjectCodes(trx, uncoded.map((w) => ({ ...w.input, jurisdictionCode: w.unit.jurisdictionCode, departmentCode: w.unit.departmentCode!, unitCode: w.unit.code })), ctx.now)
    uncoded.forEach((w, i) => (w.input = { ...w.input, code: generated[i]! }))
    const ids = writes.map((w) => (w.action === 'create' ? randomUUID() : w.existing!.id))
    const inputOf = (w: ImportWrite) => w.input as CreateProjectInput
    // Each row is made once, for its COPY line; its totals are kept for its audit record.
    const totals: Totals[] = []
    const rowOf = (i: number) => {
      const row = toProjectRow(inputOf(writes[i]!), writes[i]!.unit, ctx)
      totals[i] = { amountFiscal: row.amountFiscal, amountTotal: row.amountTotal }
      return row
    }

    const creates = writes.flatMap((w, i) => (w.action === 'create' ? [i] : []))
    try {
      const copied = await copyNewProjects(trx, (function* () {
        for (const i of creates) yield { ...rowOf(i), id: ids[i]!, status: 'reserve' } satisfies ProjectToCreate
      })())
      if (copied !== creates.length) throw changedMeanwhile()
    } catch (error) {
      throw isUniqueViolation(error) ? changedMeanwhile() : error
    }
    const updates = writes.flatMap((w, i) => (w.action === 'update' ? [i] : []))
    const updated = await updateStagedProjects(trx, (function* () {
      for (const i of updates) yield { ...rowOf(i), id: ids[i]!, expectedVersion: writes[i]!.existing!.version }
    })())
    if (updated !== updates.length) throw changedMeanwhile()
    if (total) onProgress?.({ phase: 'write', done: total, total })

    // Each write is let go once its audit row is made: the inputs and the audit rows are not both live at once.
    const released = writes as (ImportWrite | undefined)[]
    const entries = (function* (): Generator<AuditEntry> {
      for (let i = 0; i < total; i++) {
        const w = released[i]!
        released[i] = undefined
        const view = storedView(inputOf(w), totals[i]!, w.unit, ctx)
        if (w.action === 'create') {
          yield { action: 'project.create', entityType: 'project', entityId: ids[i]!, after: { ...view, id: ids[i]!, status: 'reserve', version: 1, createdAt: ctx.now } }
          continue
        }
        const { visible: _v, ...before } = w.existing!
        const after = { ...view, id: before.id, status: before.status, version: before.version + 1, createdAt: before.createdAt }
        yield { action: 'project.update', entityType: 'project', entityId: before.id, before, after }
      }
      yield { action: 'project.import', entityType: 'project', after: { fileName, created: creates.length, updated: updates.length, unchanged } }
    })()
    if (segment) await writeAuditSegment(trx, ctx, segment, entries)
    else await recordAuditBatch(trx, ctx, [...entries])
    const result = { dryRun: false as const, created: creates.length, updated: updates.length, unchanged }
    await onCommit?.(trx, result)
    return result
  })
}
