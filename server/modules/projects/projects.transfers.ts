import { z } from 'zod'
import { transferAllocationProblems } from '../../../domain/transfers.ts'
import type { App, Deps } from '../../app.ts'
import type { Db, Trx } from '../../db/database.ts'
import { type ActorCtx, authorize } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { getProject, type ProjectView } from './projects.service.ts'
import { transferRollUp, transferSourcesFor } from './projects.transfer-rollup.ts'

const ProjectParams = z.strictObject({ id: z.uuid() })
const AllocationsBody = z.strictObject({
  /** The allocation set's version (0 before the first save): 409 when someone saved in between. */
  version: z.int().min(0).max(1_000_000),
  items: z.array(z.strictObject({ districtCode: z.string().min(1).max(32), amount: z.string().min(1).max(24) })).max(200),
})
type AllocationsInput = z.infer<typeof AllocationsBody>

/** Allocations change while the money is being planned or spent; a closed or cancelled project keeps its record. */
const ALLOCATING_STATUSES = ['reserve', 'library', 'budgeted', 'executing'] as const

function districtsBelow(db: Db | Trx, jurisdictionCode: string) {
  return db.selectFrom('orgNode').select(['code', 'name']).where('kind', '=', 'jurisdiction').where('parentCode', '=', jurisdictionCode).orderBy('code').execute()
}

/**
 * A 转移支付 project's allocation to the districts below, with the set's version, the districts it may name, and what
 * each district made of its share, rolled up to this project's goal.
 */
export async function transferAllocations(db: Db | Trx, project: Pick<ProjectView, 'id' | 'jurisdictionCode' | 'fiscalYear'>) {
  const plan = await db.selectFrom('transferAllocationPlan').select(['version', 'updatedAt']).where('projectId', '=', project.id).executeTakeFirst()
  const rows = await db
    .selectFrom('transferAllocation as a')
    .innerJoin('orgNode as d', 'd.code', 'a.districtCode')
    .select(['a.districtCode', 'd.name as districtName', 'a.amount', 'a.districtProjectId'])
    .where('a.projectId', '=', project.id)
    .orderBy('a.districtCode')
    .execute()
  const { districts, rollUp } = await transferRollUp(db, project, rows)
  const items = rows.map((row, i) => ({ ...row, ...districts[i]! }))
  return { version: plan?.version ?? 0, updatedAt: plan?.updatedAt ?? null, items, rollUp, districts: await districtsBelow(db, project.jurisdictionCode) }
}

async function allocatableProject(db: Db, ctx: ActorCtx, id: string) {
  const project = await getProject(db, ctx, id)
  assertOwnJurisdiction(ctx.actor, project)
  if (project.objectKind !== 'transfer') throw new AppError('RULE_VIOLATION', [{ path: 'id', message: ctx.lang === 'zh' ? '只有转移支付项目可以分配到下级' : 'Only a transfer-payment project is allocated to districts' }], { zh: '只有转移支付项目可以分配到下级', en: 'Only a transfer-payment project is allocated to districts' })
  if (!(ALLOCATING_STATUSES as readonly string[]).includes(project.status)) throw new AppError('NOT_EDITABLE', undefined, { zh: '项目已结项或撤销，不能再调整分配', en: 'A closed or cancelled project keeps its allocation' })
  return project
}

/** Replaces the project's allocation set as a whole, checked against its fiscal budget and the districts below. */
export async function saveTransferAllocations(db: Db, ctx: ActorCtx, id: string, input: AllocationsInput) {
  const project = await allocatableProject(db, ctx, id)
  return db.transaction().execute(async (trx) => {
    const plan = await trx.selectFrom('transferAllocationPlan').select('version').where('projectId', '=', id).forUpdate().executeTakeFirst()
    assertVersion({ version: plan?.version ?? 0 }, input.version)
    const districts = new Set((await districtsBelow(trx, project.jurisdictionCode)).map((d) => d.code))
    const problems = transferAllocationProblems(input.items, project.amountFiscal, districts)
    if (problems.length) throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
    const before = await transferAllocations(trx, project)
    if (plan) await trx.updateTable('transferAllocationPlan').set((eb) => ({ version: eb('version', '+', 1), updatedBy: ctx.actor.userId, updatedAt: ctx.now })).where('projectId', '=', id).execute()
    else await trx.insertInto('transferAllocationPlan').values({ projectId: id, updatedBy: ctx.actor.userId, updatedAt: ctx.now }).execute()
    // A district keeps the project it named for its share while it stays in the set.
    const named = new Map(before.items.map((i) => [i.districtCode, i.districtProjectId]))
    await trx.deleteFrom('transferAllocation').where('projectId', '=', id).execute()
    if (input.items.length) await trx.insertInto('transferAllocation').values(input.items.map((i) => ({ projectId: id, districtCode: i.districtCode, amount: i.amount, districtProjectId: named.get(i.districtCode) ?? null }))).execute()
    const after = await transferAllocations(trx, project)
    const audited = (set: typeof before) => ({ version: set.version, items: set.items.map((i) => ({ districtCode: i.districtCode, districtName: i.districtName, amount: i.amount, districtProjectId: i.districtProjectId })) })
    await recordAudit(trx, ctx, { action: 'project.allocate_transfer', entityType: 'project', entityId: id, before: audited(before), after: audited(after) })
    return after
  })
}

const LinkBody = z.strictObject({
  /** The 转移支付 project of the bureau above whose allocation to this district this project receives. */
  sourceProjectId: z.uuid(),
  /** That allocation set's version (from the sources list): 409 when the bureau above changed it meanwhile. */
  version: z.int().min(1).max(1_000_000),
  /** true names this project as the receiver (leaving any other share it received); false removes it. */
  link: z.boolean(),
})

/** The shares the bureau above allocated to this district project's jurisdiction, and which one this project receives. */
export async function transferSources(db: Db, ctx: ActorCtx, id: string) {
  const project = await getProject(db, ctx, id)
  const items = await transferSourcesFor(db, project).execute()
  return { items, receiving: items.find((i) => i.districtProjectId === id)?.sourceProjectId ?? null }
}

/** The district names (or stops naming) its project as the receiver of a share: its sub-goal under the city's goal. */
export async function linkTransferSource(db: Db, ctx: ActorCtx, id: string, input: z.infer<typeof LinkBody>) {
  const project = await getProject(db, ctx, id)
  assertOwnJurisdiction(ctx.actor, project)
  if (project.status === 'cancelled') throw new AppError('NOT_EDITABLE', undefined, { zh: '已撤销的项目不能承接转移支付', en: 'A cancelled project receives no transfer' })
  return db.transaction().execute(async (trx) => {
    const share = await transferSourcesFor(trx, project).where('a.projectId', '=', input.sourceProjectId).executeTakeFirst()
    if (!share) throw new AppError('RULE_VIOLATION', [{ path: 'sourceProjectId', message: ctx.lang === 'zh' ? '上级没有把该转移支付分配给本区本年度' : 'The bureau above allocated no such transfer to this district for the year' }], { zh: '上级没有把该转移支付分配给本区本年度', en: 'The bureau above allocated no such transfer to this district for the year' })
    await trx.selectFrom('transferAllocationPlan').select('version').where('projectId', '=', input.sourceProjectId).forUpdate().executeTakeFirstOrThrow()
    assertVersion({ version: share.version }, input.version)
    if (!input.link && share.districtProjectId !== id) throw new AppError('RULE_VIOLATION', [{ path: 'link', message: ctx.lang === 'zh' ? '本项目并未承接该转移支付' : 'This project does not receive that transfer' }], { zh: '本项目并未承接该转移支付', en: 'This project does not receive that transfer' })
    // A project receives one share: naming it here leaves the share it received before, which the district names anew.
    const left = await trx.updateTable('transferAllocation').set({ districtProjectId: null }).where('districtProjectId', '=', id).returning('projectId').execute()
    if (input.link) await trx.updateTable('transferAllocation').set({ districtProjectId: id }).where('projectId', '=', input.sourceProjectId).where('districtCode', '=', project.jurisdictionCode).execute()
    const touched = [...new Set([input.sourceProjectId, ...left.map((l) => l.projectId)])]
    await trx.updateTable('transferAllocationPlan').set((eb) => ({ version: eb('version', '+', 1), updatedAt: ctx.now })).where('projectId', 'in', touched).execute()
    await recordAudit(trx, ctx, { action: 'project.link_transfer', entityType: 'project', entityId: id, before: { receiving: share.districtProjectId === id ? input.sourceProjectId : null, left: left.map((l) => l.projectId) }, after: { sourceProjectId: input.sourceProjectId, link: input.link } })
    return transferSourcesFor(trx, project).execute().then((items) => ({ items, receiving: items.find((i) => i.districtProjectId === id)?.sourceProjectId ?? null }))
  })
}

export async function transferRoutes(app: App, { db }: Deps) {
  const tags = ['projects']
  app.get('/api/projects/:id/transfer-allocations', { schema: { tags, summary: '转移支付项目对下级的分配', params: ProjectParams } }, async (req) => {
    const project = await getProject(db, authorize(req, 'project.read'), req.params.id)
    return transferAllocations(db, project)
  })
  app.put('/api/projects/:id/transfer-allocations', { schema: { tags, summary: '保存转移支付分配（整体替换，带 version）', params: ProjectParams, body: AllocationsBody } }, async (req) =>
    saveTransferAllocations(db, authorize(req, 'project.edit'), req.params.id, req.body),
  )
  app.get('/api/projects/:id/transfer-sources', { schema: { tags, summary: '本区可承接的上级转移支付分配', params: ProjectParams } }, async (req) =>
    transferSources(db, authorize(req, 'project.read'), req.params.id),
  )
  app.put('/api/projects/:id/transfer-source', { schema: { tags, summary: '指定本项目承接的上级转移支付（区级子目标）', params: ProjectParams, body: LinkBody } }, async (req) =>
    linkTransferSource(db, authorize(req, 'project.edit'), req.params.id, req.body),
  )
}
