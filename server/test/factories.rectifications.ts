import type { RectificationStatus } from '../../domain/results.ts'
import type { OrgNode } from '../db/schema.ts'
import type { TestContext } from './context.ts'

/**
 * Rectification items written straight to the tables (no audit rows), for the rectification tests and the endpoint
 * table: an item entered by hand, owned by the unit, in the status asked for, with one piece of evidence if asked.
 */
export async function makeRectification(t: TestContext, options: { owner: OrgNode; status?: RectificationStatus; dueOn?: string; evidence?: boolean; projectId?: string; fiscalYear?: number }) {
  const now = t.clock.now()
  const row = await t.db
    .insertInto('rectification')
    .values({
      jurisdictionCode: options.owner.jurisdictionCode,
      fiscalYear: options.fiscalYear ?? 2025,
      sourceType: 'manual',
      sourceId: null,
      origin: 'audit',
      projectId: options.projectId ?? null,
      ownerCode: options.owner.code,
      departmentCode: options.owner.departmentCode ?? options.owner.code,
      problem: '审计发现项目资金支出进度缓慢，部分资金闲置。',
      requiredMeasure: '加快支出进度，清理闲置资金。',
      dueOn: options.dueOn ?? '2099-12-31',
      status: options.status ?? 'open',
      response: options.status && options.status !== 'open' ? '已加快支出进度并清理闲置资金。' : '',
      respondedAt: null,
      verifiedAt: null,
      closedAt: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  if (options.evidence) await addEvidence(t, row.id)
  return row
}

/** One stored file linked to the item as evidence. */
export async function addEvidence(t: TestContext, rectificationId: string) {
  const file = await t.db.insertInto('storedFile').values({ sha256: '0'.repeat(64), fileName: '整改佐证.pdf', contentType: 'application/pdf', sizeBytes: 3, content: Buffer.from('pdf') }).returning('id').executeTakeFirstOrThrow()
  return t.db.insertInto('rectificationEvidence').values({ rectificationId, fileId: file.id, uploadedAt: t.clock.now() }).returning('id').executeTakeFirstOrThrow()
}
