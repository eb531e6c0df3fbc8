import type { RectificationStatus } from '../../../domain/results.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { storeFile } from '../../platform/files.ts'
import { itemOfRedForm, itemOfSelfForm, raiseRectification } from './rectifications.service.ts'

/** Where each raised item is left, by its position: every status occurs, and every third open one is overdue. */
const statuses: RectificationStatus[] = ['open', 'responded', 'verified', 'closed', 'open', 'responded', 'open']
const dayMs = 86_400_000

/**
 * 整改 for the demo (rule 43): the items that 深圳市's 中/差 self-evaluations and red monitoring lights raise, left in
 * every status with evidence where answered, some past due. Runs after the self-evaluations and the monitoring
 * rounds; a second run adds nothing (one item per source).
 */
export async function seedDemoRectifications(db: Db, ctx: Ctx) {
  return db.transaction().execute(async (trx) => {
    const finance = await trx
      .selectFrom('appUser')
      .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
      .select(['appUser.id', 'orgNode.jurisdictionCode'])
      .where('username', '=', 'sz_finance_admin')
      .executeTakeFirst()
    if (!finance) return { rectifications: 0 }
    const already = await trx.selectFrom('rectification').select('id').where('jurisdictionCode', '=', finance.jurisdictionCode).executeTakeFirst()
    if (already) return { rectifications: 0 }
    const by = { userId: finance.id, now: ctx.now }
    const ids: string[] = []
    // Ordered by natural keys, not ids (random UUIDs): every demo database gets the same items.
    const forms = await trx
      .selectFrom('selfEvalForm')
      .leftJoin('project', 'project.id', 'selfEvalForm.projectId')
      .select(['selfEvalForm.id', 'selfEvalForm.jurisdictionCode', 'selfEvalForm.departmentCode', 'selfEvalForm.unitCode', 'selfEvalForm.projectId', 'selfEvalForm.fiscalYear', 'grade', 'total', 'problems'])
      .where('selfEvalForm.jurisdictionCode', '=', finance.jurisdictionCode)
      .where('grade', 'in', ['中', '差'])
      .orderBy('selfEvalForm.fiscalYear')
      .orderBy('selfEvalForm.unitCode')
      .orderBy('project.code')
      .limit(6)
      .execute()
    for (const form of forms) {
      const id = await raiseRectification(trx, by, itemOfSelfForm(form))
      if (id) ids.push(id)
    }
    const red = await trx
      .selectFrom('monitoringForm')
      .leftJoin('project', 'project.id', 'monitoringForm.projectId')
      .select(['monitoringForm.id', 'monitoringForm.jurisdictionCode', 'monitoringForm.departmentCode', 'monitoringForm.unitCode', 'monitoringForm.projectId', 'monitoringForm.fiscalYear', 'cutoffMonth', 'executionRate'])
      .where('monitoringForm.jurisdictionCode', '=', finance.jurisdictionCode)
      .where('projectLight', '=', 'red')
      .orderBy('monitoringForm.fiscalYear')
      .orderBy('cutoffMonth')
      .orderBy('monitoringForm.unitCode')
      .orderBy('project.code')
      .limit(4)
      .execute()
    for (const form of red) {
      const id = await raiseRectification(trx, by, itemOfRedForm(form))
      if (id) ids.push(id)
    }
    for (const [n, id] of ids.entries()) await leaveAt(trx, id, statuses[n % statuses.length]!, n, by)
    return { rectifications: ids.length }
  })
}

/** Moves a fresh item on to `status` as its people would have: evidence and an answer, a verification, a closing. */
async function leaveAt(trx: Trx, id: string, status: RectificationStatus, n: number, by: { userId: string; now: Date }) {
  const at = (daysAgo: number) => new Date(by.now.getTime() - daysAgo * dayMs)
  // Raised some weeks ago, so the answers that follow come after it.
  await trx.updateTable('rectification').set({ createdAt: at(30) }).where('id', '=', id).execute()
  await trx.updateTable('rectificationEvent').set({ createdAt: at(30) }).where('rectificationId', '=', id).where('action', '=', 'raise').execute()
  if (status === 'open') {
    // Every other open item is past due: some by days (the department's), one by months (finance's).
    if (n % 2 === 0) await trx.updateTable('rectification').set({ dueOn: at(n === 0 ? 75 : 12).toISOString().slice(0, 10) }).where('id', '=', id).execute()
    return
  }
  const file = await storeFile(trx, { fileName: '整改情况报告.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 整改情况报告（演示）') }, null, at(20))
  await trx.insertInto('rectificationEvidence').values({ rectificationId: id, fileId: file.id, uploadedAt: at(20) }).execute()
  const response = '已查明原因，调整实施计划并加快支出进度；相关制度已修订，整改情况报告见附件。'
  const steps: { action: 'respond' | 'verify' | 'close'; from: RectificationStatus; to: RectificationStatus; daysAgo: number; opinion: string }[] = [
    { action: 'respond', from: 'open', to: 'responded', daysAgo: 20, opinion: response },
    { action: 'verify', from: 'responded', to: 'verified', daysAgo: 10, opinion: '经核实已整改到位' },
    { action: 'close', from: 'verified', to: 'closed', daysAgo: 3, opinion: '同意销号' },
  ]
  const upTo = steps.findIndex((s) => s.to === status)
  for (const step of steps.slice(0, upTo + 1)) {
    await trx.insertInto('rectificationEvent').values({ rectificationId: id, action: step.action, fromStatus: step.from, toStatus: step.to, opinion: step.opinion, byUser: null, createdAt: at(step.daysAgo) }).execute()
  }
  await trx
    .updateTable('rectification')
    .set((eb) => ({
      status,
      response,
      respondedAt: at(20),
      verifiedAt: upTo >= 1 ? at(10) : null,
      closedAt: upTo >= 2 ? at(3) : null,
      version: eb('version', '+', upTo + 1),
    }))
    .where('id', '=', id)
    .execute()
}
