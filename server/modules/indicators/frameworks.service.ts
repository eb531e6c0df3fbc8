import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { isWithinScope, jurisdictionChainOf, jurisdictionsUnder } from '../../platform/scope.ts'
import type { FrameworkSeed } from './frameworks.data.ts'
import { insertFrameworkNodes } from './indicators.seed.ts'

type NodesInput = FrameworkSeed['nodes']

function visibleFrameworks(db: Db | Trx, ctx: ActorCtx) {
  return db.selectFrom('indicatorFramework').where((eb) => {
    const owners = [eb('indicatorFramework.jurisdictionCode', 'is', null), eb('indicatorFramework.jurisdictionCode', 'in', jurisdictionChainOf(ctx.actor))]
    if (ctx.actor.org.kind === 'jurisdiction') owners.push(eb('indicatorFramework.jurisdictionCode', 'in', jurisdictionsUnder(eb, ctx.actor)))
    return eb.or(owners)
  })
}

export async function listFrameworks(db: Db, ctx: ActorCtx) {
  return visibleFrameworks(db, ctx)
    .leftJoin('orgNode', 'orgNode.code', 'indicatorFramework.jurisdictionCode')
    .selectAll('indicatorFramework')
    .select('orgNode.name as jurisdictionName')
    .orderBy('indicatorFramework.jurisdictionCode', (ob) => ob.nullsFirst())
    .orderBy('indicatorFramework.fiscalYearFrom')
    .execute()
}

async function nodesOf(db: Db | Trx, code: string) {
  const rows = await db.selectFrom('frameworkNode').selectAll().where('frameworkCode', '=', code).orderBy('sortOrder').execute()
  return rows
    .filter((r) => r.level === 1)
    .map((r) => ({ ...r, children: rows.filter((c) => c.parentId === r.id) }))
}

export async function getFramework(db: Db | Trx, ctx: ActorCtx, code: string) {
  const framework = await visibleFrameworks(db, ctx).selectAll().where('code', '=', code).executeTakeFirst()
  if (!framework) throw new AppError('NOT_FOUND')
  return { ...framework, editable: await canEdit(db, ctx, framework.jurisdictionCode), nodes: await nodesOf(db, code) }
}

/** National templates are read-only; a bureau edits its own jurisdiction's frameworks and those below it. */
async function canEdit(db: Db | Trx, ctx: ActorCtx, owner: string | null) {
  if (!owner || !ctx.actor.permissions.has('indicator.manage')) return false
  const node = await db.selectFrom('orgNode').select('path').where('code', '=', owner).executeTakeFirst()
  return Boolean(node && isWithinScope(ctx.actor, node.path))
}

function assertNodes(nodes: NodesInput) {
  const names = nodes.map((n) => n.name)
  const duplicate = names.find((n, i) => names.indexOf(n) !== i) ?? nodes.flatMap((n) => n.children.map((c) => c.name).filter((c, i, all) => all.indexOf(c) !== i))[0]
  if (duplicate) throw new AppError('RULE_VIOLATION', [{ path: 'nodes', message: duplicate }], { zh: `指标名称「${duplicate}」重复`, en: `${duplicate} appears twice` })
}

/** A jurisdiction's own framework, starting as a copy of one it can see. */
export async function createFramework(db: Db, ctx: ActorCtx, input: { code: string; name: string; description: string; fiscalYearFrom: number; copyFrom: string }) {
  const source = await getFramework(db, ctx, input.copyFrom).catch(() => {
    throw new AppError('NOT_FOUND', [{ path: 'copyFrom', message: input.copyFrom }])
  })
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('indicatorFramework').select('code').where('code', '=', input.code).executeTakeFirst()) {
      throw new AppError('DUPLICATE', [{ path: 'code', message: input.code }], { zh: `指标体系编码 ${input.code} 已存在`, en: `Framework ${input.code} exists` })
    }
    const { copyFrom: _c, ...fields } = input
    await trx.insertInto('indicatorFramework').values({ ...fields, jurisdictionCode: ctx.actor.org.jurisdictionCode, createdAt: ctx.now, updatedAt: ctx.now }).execute()
    await insertFrameworkNodes(trx, input.code, source.nodes.map((n) => ({ name: n.name, mapsFrom: n.mapsFrom, children: n.children.map((c) => ({ name: c.name, mapsFrom: c.mapsFrom })) })))
    const created = await getFramework(trx, ctx, input.code)
    await recordAudit(trx, ctx, { action: 'framework.create', entityType: 'indicator_framework', entityId: input.code, after: created })
    return created
  })
}

/** Replaces a framework's header and tree in one go (the editor saves the whole tree). */
export async function updateFramework(
  db: Db,
  ctx: ActorCtx,
  code: string,
  input: { version: number; name: string; description: string; fiscalYearFrom: number; status: 'active' | 'disabled'; nodes: NodesInput },
) {
  assertNodes(input.nodes)
  return db.transaction().execute(async (trx) => {
    const before = await getFramework(trx, ctx, code)
    if (!before.editable) throw new AppError('FORBIDDEN')
    const locked = await trx.selectFrom('indicatorFramework').select('version').where('code', '=', code).forUpdate().executeTakeFirstOrThrow()
    assertVersion(locked, input.version)
    const { nodes, version: _v, ...header } = input
    await trx.updateTable('indicatorFramework').set({ ...header, version: locked.version + 1, updatedAt: ctx.now }).where('code', '=', code).execute()
    await trx.deleteFrom('frameworkNode').where('frameworkCode', '=', code).execute()
    await insertFrameworkNodes(trx, code, nodes)
    const after = await getFramework(trx, ctx, code)
    await recordAudit(trx, ctx, { action: 'framework.update', entityType: 'indicator_framework', entityId: code, before, after })
    return after
  })
}
