import { bundleFileName, type NpcFormat, packageFileName } from '../../../domain/npc.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordAccess } from '../../platform/audit-access.ts'
import { recordAudit } from '../../platform/audit.ts'
import { requirePdfFonts } from '../../platform/pdf.ts'
import { readFileContent } from '../../platform/files.ts'
import { enqueueJob } from '../../platform/jobs.ts'
import { getJobRun } from '../jobs/jobs.service.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { npcPackageData } from './npc.data.ts'
import { npcPackageFile } from './npc.document.ts'
import { type NpcBundleResult, npcBundleJob } from './npc.jobs.ts'
import { departmentsOf, findDepartment, listPackageRows, majorProjectCounts } from './npc.repository.ts'
import type { NpcPackageListFilter } from './npc.schemas.ts'

/**
 * 人大材料 (issue 14): the finance bureau, the 人大/审计 reader and a department (its own) read a department's package
 * of a year; a bureau's reader or finance bundles every department of its jurisdiction in a background job. Out of
 * scope is 404. Every download leaves its audit row before the file is sent.
 */

/** The list: each department in scope with what its package holds, major projects counted by its jurisdiction's threshold. */
export async function listPackages(db: Db, ctx: ActorCtx, filter: NpcPackageListFilter, page: { page: number; pageSize: number }) {
  const { rows, counted } = listPackageRows(db, ctx.actor, filter)
  const result = await fetchPage(rows, page, counted)
  const counts = new Map<string, { major: number; withGoal: number }>()
  for (const jurisdictionCode of new Set(result.items.map((r) => r.jurisdictionCode))) {
    const threshold = (await effectiveRules(db, jurisdictionCode, filter.fiscalYear)).rules.exAnte.majorProjectAmount
    const codes = result.items.filter((r) => r.jurisdictionCode === jurisdictionCode).map((r) => r.code)
    for (const [code, c] of await majorProjectCounts(db, codes, filter.fiscalYear, threshold)) counts.set(code, c)
  }
  return {
    ...result,
    items: result.items.map((r) => {
      const major = counts.get(r.code) ?? { major: 0, withGoal: 0 }
      const figures = {
        majorProjects: major.major,
        majorWithGoal: major.withGoal,
        departmentGoal: Number(r.departmentGoals ?? 0) > 0,
        keyEvaluations: Number(r.keyEvaluations ?? 0),
        selfEvaluations: Number(r.selfEvaluations ?? 0),
        openRectifications: Number(r.openRectifications ?? 0),
      }
      const hasContent = figures.majorProjects + figures.keyEvaluations + figures.selfEvaluations + figures.openRectifications > 0 || figures.departmentGoal
      return { code: r.code, name: r.name, jurisdictionCode: r.jurisdictionCode, jurisdictionName: r.jurisdictionName, fiscalYear: filter.fiscalYear, ...figures, status: hasContent ? ('ready' as const) : ('empty' as const) }
    }),
  }
}

/** One department's package as Word or PDF; the read is audited before the bytes leave. */
export async function packageDocument(db: Db, ctx: ActorCtx, departmentCode: string, fiscalYear: number, format: NpcFormat) {
  const department = await findDepartment(db, ctx.actor, departmentCode)
  if (!department) throw new AppError('NOT_FOUND')
  if (format === 'pdf') requirePdfFonts()
  await recordAccess(db, ctx, { action: 'npc.package', entityType: 'npc_package', entityId: departmentCode, after: { departmentCode, fiscalYear, format } })
  const content = await npcPackageFile(await npcPackageData(db, department, fiscalYear, ctx.now), format)
  return { fileName: packageFileName(fiscalYear, department.name, format), content }
}

/** A bureau's packages of a year at once: the job builds the zip; its progress shows on the page. */
export async function startBundle(db: Db, ctx: ActorCtx, input: { fiscalYear: number; jurisdictionCode?: string; pdf?: boolean }) {
  const code = input.jurisdictionCode ?? ctx.actor.org.jurisdictionCode
  const node = await db.selectFrom('orgNode').select(['code', 'path', 'kind']).where('code', '=', code).executeTakeFirst()
  if (ctx.actor.org.kind !== 'jurisdiction' || !node || node.kind !== 'jurisdiction' || !node.path.startsWith(ctx.actor.org.path)) throw new AppError('NOT_FOUND')
  return db.transaction().execute(async (trx) => {
    if (input.pdf) requirePdfFonts()
    const payload = { jurisdictionCode: code, fiscalYear: input.fiscalYear, formats: input.pdf ? ['docx' as const, 'pdf' as const] : ['docx' as const] }
    const { jobRunId } = await enqueueJob(trx, npcBundleJob, payload, { createdBy: ctx.actor.userId, jurisdictionCode: code, entityType: 'npc_bundle' })
    await recordAudit(trx, ctx, { action: 'npc.bundle', entityType: 'npc_bundle', entityId: jobRunId, after: { ...payload, jobRunId } })
    return { jobRunId, ...payload, departments: (await departmentsOf(trx, code)).length }
  })
}

/** The zip a finished bundle job stored; anyone who may see the job may fetch it (audited), else 404. */
export async function bundleFile(db: Db, ctx: ActorCtx, jobId: string) {
  const job = await getJobRun(db, ctx, jobId)
  const result = job.result as NpcBundleResult | null
  if (job.kind !== npcBundleJob.kind || job.status !== 'done' || !result?.fileId) throw new AppError('NOT_FOUND')
  await recordAccess(db, ctx, { action: 'npc.bundle_download', entityType: 'npc_bundle', entityId: jobId, after: { jurisdictionCode: result.jurisdictionCode, fiscalYear: result.fiscalYear } })
  const file = await readFileContent(db, result.fileId)
  if (!file) throw new AppError('NOT_FOUND')
  return { fileName: bundleFileName(result.fiscalYear, result.jurisdictionName), content: Buffer.from(file.content) }
}
