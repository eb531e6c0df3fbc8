import { z } from 'zod'
import { transferAllocationProblems } from '../../../domain/transfers.ts'
import type { App, Deps } from '../../app.ts'
import type { Db, Trx } from '../../db/database.ts'
import { type ActorCtx, authorize } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { getProject, type ProjectView } from './projects.service.ts'

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

/** A 转移支付 project's allocation to the districts below, with the set's version and the districts it may name. */
export async function transferAllocations(db: Db | Trx, project: Pick<ProjectView, 'id' | 'jurisdictionCode'>) {
  const plan = await db.selectFrom('transferAllocationPlan').select(['version', 'updatedAt']).where('projectId', '=', project.id).executeTakeFirst()
  const items = await db
    .selectFrom('transferAllocation as a')
    .innerJoin('orgNode as d', 'd.code', 'a.districtCode')
    .select(['a.districtCode', 'd.name as districtName', 'a.amount'])
    .where('a.projectId', '=', project.id)
    .orderBy('a.districtCode')
    .execute()
  return { version: plan?.version ?? 0, updatedAt: plan?.updatedAt ?? null, items, districts: await districtsBelow(db, project.jurisdictionCode) }
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
    await trx.deleteFrom('transferAllocation').where('projectId', '=', id).execute()
    if (input.items.length) await trx.insertInto('transferAllocation').values(input.items.map((i) => ({ projectId: id, districtCode: i.districtCode, amount: i.amount }))).execute()
    const after = await transferAllocations(trx, project)
    await recordAudit(trx, ctx, { action: 'project.allocate_transfer', entityType: 'project', entityId: id, before: { version: before.version, items: before.items }, after: { version: after.version, items: after.items } })
    return after
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
}
