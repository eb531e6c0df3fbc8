import type { PublicPayloads, PublicRecordKind } from '../../../domain/disclosure.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'

/**
 * The frozen public copies (信息公开). Disclosure writes them when finance approves a record for publication and
 * withdraws them; the public portal reads only the live ones. A copy is never updated in place: republishing
 * supersedes it, so what the public saw stays on record.
 */
export interface PublicCopy<K extends PublicRecordKind = PublicRecordKind> {
  kind: K
  jurisdictionCode: string
  fiscalYear: number
  departmentCode: string | null
  /** What the portal's URL names: the project code (goals, self-evaluations, reports) or the org code (考核). */
  recordKey: string
  sourceType: string
  sourceId: string
  title: string
  payload: PublicPayloads[K]
  fileId?: string | null
}

/** Publishes a frozen copy of a record, superseding the live copy of the same source. Returns the new copy's id. */
export async function publishCopy<K extends PublicRecordKind>(trx: Trx, ctx: Ctx, copy: PublicCopy<K>): Promise<string> {
  const superseded = await trx
    .updateTable('publicRecord')
    .set({ supersededAt: ctx.now })
    .where('kind', '=', copy.kind)
    .where((eb) => eb.or([eb('sourceId', '=', copy.sourceId), eb.and([eb('jurisdictionCode', '=', copy.jurisdictionCode), eb('fiscalYear', '=', copy.fiscalYear), eb('recordKey', '=', copy.recordKey)])]))
    .where('withdrawnAt', 'is', null)
    .where('supersededAt', 'is', null)
    .returning('id')
    .execute()
  const { id } = await trx
    .insertInto('publicRecord')
    .values({
      kind: copy.kind,
      jurisdictionCode: copy.jurisdictionCode,
      fiscalYear: copy.fiscalYear,
      departmentCode: copy.departmentCode,
      recordKey: copy.recordKey,
      sourceType: copy.sourceType,
      sourceId: copy.sourceId,
      title: copy.title,
      payload: JSON.stringify(copy.payload),
      fileId: copy.fileId ?? null,
      publishedAt: ctx.now,
      publishedBy: ctx.actor?.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(trx, ctx, {
    action: 'public_record.publish',
    entityType: 'public_record',
    entityId: id,
    after: { kind: copy.kind, sourceType: copy.sourceType, sourceId: copy.sourceId, recordKey: copy.recordKey, superseded: superseded.map((r) => r.id) },
  })
  return id
}

/** Withdraws the live copy of a source, with the reason; returns false when nothing was live. */
export async function withdrawCopy(trx: Trx, ctx: Ctx, source: { kind: PublicRecordKind; sourceId: string }, reason: string): Promise<boolean> {
  const row = await trx
    .updateTable('publicRecord')
    .set({ withdrawnAt: ctx.now, withdrawnBy: ctx.actor?.userId ?? null, withdrawalReason: reason })
    .where('kind', '=', source.kind)
    .where('sourceId', '=', source.sourceId)
    .where('withdrawnAt', 'is', null)
    .where('supersededAt', 'is', null)
    .returning(['id', 'recordKey'])
    .executeTakeFirst()
  if (!row) return false
  await recordAudit(trx, ctx, { action: 'public_record.withdraw', entityType: 'public_record', entityId: row.id, after: { ...source, recordKey: row.recordKey, reason } })
  return true
}

/** The live (published, not withdrawn, not superseded) copies: the only rows the portal may read. */
export function liveCopies(db: Db | Trx) {
  return db.selectFrom('publicRecord').where('publicRecord.withdrawnAt', 'is', null).where('publicRecord.supersededAt', 'is', null)
}

/** Every copy ever made of one source, newest first, for the disclosure history shown to staff. */
export function copyHistory(db: Db | Trx, source: { kind: PublicRecordKind; sourceId: string }) {
  return db
    .selectFrom('publicRecord')
    .leftJoin('appUser as publisher', 'publisher.id', 'publicRecord.publishedBy')
    .leftJoin('appUser as withdrawer', 'withdrawer.id', 'publicRecord.withdrawnBy')
    .select(['publicRecord.id', 'publicRecord.publishedAt', 'publicRecord.supersededAt', 'publicRecord.withdrawnAt', 'publicRecord.withdrawalReason', 'publisher.displayName as publishedByName', 'withdrawer.displayName as withdrawnByName'])
    .where('publicRecord.kind', '=', source.kind)
    .where('publicRecord.sourceId', '=', source.sourceId)
    .orderBy('publicRecord.publishedAt', 'desc')
    .execute()
}
