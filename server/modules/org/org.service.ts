import type { Db } from '../../db/database.ts'
import type { ActiveStatus, JurisdictionLevel, OrgKind, OrgNode } from '../../db/schema.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import * as repo from './org.repository.ts'

export interface NewJurisdiction {
  code: string
  name: string
  level: JurisdictionLevel
  parentCode: string
  financeBureauName: string
}
export interface NewDepartment {
  code: string
  name: string
  jurisdictionCode: string
}
export interface NewUnit {
  code: string
  name: string
  departmentCode: string
}
export interface OrgNodeChanges {
  name?: string
  financeBureauName?: string
  status?: ActiveStatus
  version: number
}

const invalidParent = (zh: string, en: string) => new AppError('INVALID_ORG', undefined, { zh, en })

/** A parent the actor can see, of the kind the child needs; anything else is refused. */
async function parentFor(db: Db, ctx: ActorCtx, code: string, kind: OrgKind): Promise<OrgNode> {
  const parent = await repo.findVisibleOrgNode(db, ctx.actor, code)
  if (!parent) {
    throw new AppError('NOT_FOUND', [{ path: 'parent', message: ctx.lang === 'zh' ? `上级机构 ${code} 不存在或不在您的权限范围内` : `Parent ${code} not found or outside your scope` }])
  }
  if (parent.kind !== kind) {
    throw invalidParent(`上级机构 ${code} 不是${kindLabel[kind]}`, `The parent ${code} is not a ${kind}`)
  }
  if (parent.status !== 'active') throw invalidParent(`上级机构 ${code} 已停用`, `The parent ${code} is disabled`)
  return parent
}

const kindLabel: Record<OrgKind, string> = { jurisdiction: '行政区划', department: '主管部门', unit: '预算单位' }

async function createNode(db: Db, ctx: ActorCtx, node: Parameters<typeof repo.insertOrgNode>[1]) {
  return db.transaction().execute(async (trx) => {
    if (await repo.findOrgNode(trx, node.code)) {
      const message = { zh: `机构编码 ${node.code} 已存在`, en: `The org code ${node.code} already exists` }
      throw new AppError('DUPLICATE', [{ path: 'code', message: message[ctx.lang] }], message)
    }
    const created = await repo.insertOrgNode(trx, { ...node, createdAt: ctx.now, updatedAt: ctx.now })
    await recordAudit(trx, ctx, { action: `org.create_${node.kind}`, entityType: 'org_node', entityId: created.code, after: created })
    return created
  })
}

/** sys_admin adds a district (or functional area) under a jurisdiction it manages. */
export async function createJurisdiction(db: Db, ctx: ActorCtx, input: NewJurisdiction) {
  const parent = await parentFor(db, ctx, input.parentCode, 'jurisdiction')
  return createNode(db, ctx, {
    ...input,
    kind: 'jurisdiction',
    jurisdictionCode: input.code,
    departmentCode: null,
    path: `${parent.path}${input.code}/`,
  })
}

/** sys_admin adds a budget department (主管部门) to a jurisdiction. */
export async function createDepartment(db: Db, ctx: ActorCtx, input: NewDepartment) {
  const parent = await parentFor(db, ctx, input.jurisdictionCode, 'jurisdiction')
  return createNode(db, ctx, {
    code: input.code,
    name: input.name,
    kind: 'department',
    level: null,
    parentCode: parent.code,
    jurisdictionCode: parent.code,
    departmentCode: input.code,
    financeBureauName: null,
    path: `${parent.path}${input.code}/`,
  })
}

/** sys_admin adds a budget unit (预算单位) to a department. */
export async function createUnit(db: Db, ctx: ActorCtx, input: NewUnit) {
  const parent = await parentFor(db, ctx, input.departmentCode, 'department')
  return createNode(db, ctx, {
    code: input.code,
    name: input.name,
    kind: 'unit',
    level: null,
    parentCode: parent.code,
    jurisdictionCode: parent.jurisdictionCode,
    departmentCode: parent.code,
    financeBureauName: null,
    path: `${parent.path}${input.code}/`,
  })
}

/** Renames, or disables/enables, one org node the actor manages. Its own node is not theirs to disable. */
export async function updateOrgNode(db: Db, ctx: ActorCtx, kind: OrgKind, code: string, changes: OrgNodeChanges) {
  return db.transaction().execute(async (trx) => {
    const node = await repo.findOrgNodeForUpdate(trx, ctx.actor, code)
    if (!node || node.kind !== kind) throw new AppError('NOT_FOUND')
    assertVersion(node, changes.version)
    if (changes.status === 'disabled' && node.code === ctx.actor.org.code) {
      throw invalidParent('不能停用本人所在的机构', 'You cannot disable your own organisation')
    }
    if (changes.financeBureauName !== undefined && kind !== 'jurisdiction') {
      throw invalidParent('只有行政区划有财政局名称', 'Only a jurisdiction has a finance bureau name')
    }
    const { version: _v, ...set } = changes
    const updated = await repo.updateOrgNode(trx, code, { ...set, updatedAt: ctx.now })
    await recordAudit(trx, ctx, { action: `org.update_${kind}`, entityType: 'org_node', entityId: code, before: node, after: updated })
    return updated
  })
}

export async function getOrgNode(db: Db, ctx: ActorCtx, kind: OrgKind, code: string) {
  const node = await repo.findVisibleOrgNode(db, ctx.actor, code)
  if (!node || node.kind !== kind) throw new AppError('NOT_FOUND')
  return node
}

export interface OrgTreeNode {
  code: string
  name: string
  kind: OrgKind
  status: ActiveStatus
  children: OrgTreeNode[]
}

/** The actor's part of the org tree, rooted at the top of their scope. */
export async function orgTree(db: Db, ctx: ActorCtx): Promise<OrgTreeNode[]> {
  const rows = await repo.listVisibleTree(db, ctx.actor)
  const byCode = new Map<string, OrgTreeNode>()
  for (const row of rows) byCode.set(row.code, { code: row.code, name: row.name, kind: row.kind, status: row.status, children: [] })
  const roots: OrgTreeNode[] = []
  for (const row of rows) {
    const node = byCode.get(row.code)!
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  // Jurisdictions before departments before units under each parent, then by code.
  const order: Record<OrgKind, number> = { jurisdiction: 0, department: 1, unit: 2 }
  const sortChildren = (nodes: OrgTreeNode[]) => {
    nodes.sort((a, b) => order[a.kind] - order[b.kind] || a.code.localeCompare(b.code))
    for (const n of nodes) sortChildren(n.children)
  }
  sortChildren(roots)
  return roots
}
