import { parseMoney } from '../../../domain/money.ts'
import type { ProjectCodeFacts } from '../../../domain/project-code.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { NewProject } from '../../db/schema.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { type AuditEntry, recordAuditBatch } from '../../platform/audit.ts'
import { type AuditSegment, reserveAuditSegment, writeAuditSegment } from '../../platform/audit-segment.ts'
import type { JsonSpill } from '../../platform/spill.ts'
import type { ScopedNode } from './projects.bulk.repository.ts'
import { nextProjectCodes } from './projects.codes.ts'
import { copyNewProjects, type StagedProject, updateStagedProjects } from './projects.import.repository.ts'
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

/** A value as it goes into a spill file and comes back: its dates written as Dates, read back as ISO strings. */
type Spilled<T> = { [K in keyof T]: T[K] extends Date ? Date | string : T[K] }

/**
 * A checked row to write, as it waits in the import's spill file. A new row left without a code names its place in
 * `CheckedWrites.uncoded`, whose codes are drawn in the write transaction.
 */
export type SpilledWrite =
  | { action: 'create'; id: string; input: NewProjectInput; totals: Totals; unitCode: string; codeIndex?: number }
  | { action: 'update'; id: string; input: NewProjectInput; totals: Totals; unitCode: string; existing: Spilled<StagedProject> }

/** What the check handed over: the rows to write in file order, their units, and the facts of the new ones without a code. */
export interface CheckedWrites {
  spill: JsonSpill<SpilledWrite>
  units: ReadonlyMap<string, ScopedNode | null>
  /** The facts of the new rows without a code, each row naming its index here. */
  uncoded: ProjectCodeFacts[]
  created: number
  updated: number
  unchanged: number
}

export type ImportProgress = { phase: 'read'; fraction: number; rows: number } | { phase: 'write'; done: number; total: number }

export const changedMeanwhile = () =>
  new AppError('VERSION_CONFLICT', undefined, { zh: '导入期间有项目被他人新增或修改，未写入任何数据，请重新导入', en: 'Projects were added or changed by someone else meanwhile; nothing was written; import again' })

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505'

// numeric(18,2) reads back with two places; amounts arrive that way from the file, defaults as "0".
const twoPlaces = (m: string) => (/^(0|[1-9]\d*)\.\d\d$/.test(m) ? m : parseMoney(m)!)

export type Totals = Pick<NewProject, 'amountFiscal' | 'amountTotal'>

/**
 * The project as stored and read back (projectColumns): amounts with two places, names of its unit and department,
 * and what the row itself holds (id, status, version, createdAt). One literal naming every field, as toProjectRow.
 */
function storedView(input: CreateProjectInput, totals: Totals, unit: ScopedNode, ctx: ActorCtx, stored: { id: string; status: string; version: number; createdAt: Date | string }) {
  return {
    code: input.code,
    name: input.name,
    fiscalYear: input.fiscalYear,
    unitCode: unit.code,
    budgetKind: input.budgetKind,
    attribute: input.attribute,
    projectType: input.projectType,
    objectKind: input.objectKind,
    periodStartYear: input.periodStartYear,
    periodEndYear: input.periodEndYear,
    mediumTermAmount: twoPlaces(input.mediumTermAmount),
    amountGeneral: twoPlaces(input.amountGeneral),
    amountFund: twoPlaces(input.amountFund),
    amountStateCapital: twoPlaces(input.amountStateCapital),
    amountSocialInsurance: twoPlaces(input.amountSocialInsurance),
    amountOther: twoPlaces(input.amountOther),
    isMajorNew: input.isMajorNew,
    description: input.description,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    amountFiscal: totals.amountFiscal,
    amountTotal: totals.amountTotal,
    jurisdictionCode: unit.jurisdictionCode,
    departmentCode: unit.departmentCode!,
    unitName: unit.name,
    departmentName: unit.departmentName,
    updatedAt: ctx.now,
    id: stored.id,
    status: stored.status,
    version: stored.version,
    createdAt: stored.createdAt,
  } satisfies Record<keyof CreateProjectInput, unknown> & Record<string, unknown>
}

export interface WriteOptions {
  /** AUDIT_SEGMENT_FROM unless given (tests make small segments). */
  auditSegmentFrom?: number
  onProgress?: (p: ImportProgress) => void
  onCommit?: (trx: Trx, result: { dryRun: false; created: number; updated: number; unchanged: number }) => Promise<void>
}

export async function writeImport(db: Db, ctx: ActorCtx, fileName: string, checked: CheckedWrites, { onProgress, onCommit, auditSegmentFrom }: WriteOptions = {}) {
  const { spill, units, created, updated, unchanged } = checked
  const total = created + updated
  if (total) onProgress?.({ phase: 'write', done: 0, total })
  const auditRows = total + 1
  const segment: AuditSegment | null = auditRows >= (auditSegmentFrom ?? AUDIT_SEGMENT_FROM) ? await reserveAuditSegment(db, ctx, auditRows, { for: 'project.import', fileName }) : null
  return db.transaction().execute(async (trx) => {
    const generated = await nextProjectCodes(trx, checked.uncoded, ctx.now)
    /** The spilled rows, each with its unit and — a new one left without — its generated code; read once per step. */
    const writes = async function* (): AsyncGenerator<Write> {
      for await (const w of spill.read() as AsyncIterable<Write>) {
        if (w.action === 'create' && w.codeIndex !== undefined) w.input.code = generated[w.codeIndex]!
        w.unit = units.get(w.unitCode)!
        yield w
      }
    }
    try {
      const copied = await copyNewProjects(trx, (async function* () {
        for await (const w of writes()) if (w.action === 'create') yield { id: w.id, row: toProjectRow(w.input, w.unit, ctx, w.totals) }
      })())
      if (copied !== created) throw changedMeanwhile()
    } catch (error) {
      throw isUniqueViolation(error) ? changedMeanwhile() : error
    }
    if (updated) {
      const count = await updateStagedProjects(trx, (async function* () {
        for await (const w of writes()) if (w.action === 'update') yield { id: w.id, expectedVersion: w.existing.version, row: toProjectRow(w.input, w.unit, ctx, w.totals) }
      })())
      if (count !== updated) throw changedMeanwhile()
    }
    if (total) onProgress?.({ phase: 'write', done: total, total })

    const entries = (async function* (): AsyncGenerator<AuditEntry> {
      for await (const w of writes()) yield auditEntryOf(w, ctx)
      yield { action: 'project.import', entityType: 'project', after: { fileName, created, updated, unchanged } }
    })()
    if (segment) await writeAuditSegment(trx, ctx, segment, entries)
    else {
      const batch: AuditEntry[] = []
      for await (const entry of entries) batch.push(entry)
      await recordAuditBatch(trx, ctx, batch)
    }
    const result = { dryRun: false as const, created, updated, unchanged }
    await onCommit?.(trx, result)
    return result
  })
}

type Write = SpilledWrite & { input: CreateProjectInput; unit: ScopedNode }

function auditEntryOf(w: Write, ctx: ActorCtx): AuditEntry {
  if (w.action === 'create') {
    return { action: 'project.create', entityType: 'project', entityId: w.id, after: storedView(w.input, w.totals, w.unit, ctx, { id: w.id, status: 'reserve', version: 1, createdAt: ctx.now }) }
  }
  const { visible: _v, ...before } = w.existing
  const after = storedView(w.input, w.totals, w.unit, ctx, { id: before.id, status: before.status, version: before.version + 1, createdAt: before.createdAt })
  return { action: 'project.update', entityType: 'project', entityId: before.id, before, after }
}
