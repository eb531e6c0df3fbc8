import { type ExpressionBuilder, type Insertable, sql, type Updateable } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database, RectificationEventTable, RectificationTable } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import type { RectificationTodo } from '../../../domain/results.ts'
import type { RectificationListFilter } from './rectifications.schemas.ts'

type Eb = ExpressionBuilder<Database, 'rectification'>

/** What waits on the actor, as the item pages would offer it (rule 43); the home to-dos count these, the list filters by them. */
export function waitingOn(actor: Actor, todo: RectificationTodo) {
  return (eb: Eb) => {
    // 整改待答复: items the actor's own org owns, still open (new or sent back).
    if (todo === 'answer') return eb.and([eb('rectification.ownerCode', '=', actor.org.code), eb('rectification.status', '=', 'open')])
    // 待核实: a department's units' answered items (a department's own items go to finance directly).
    if (todo === 'verify')
      return eb.and([eb('rectification.departmentCode', '=', actor.org.code), eb('rectification.status', '=', 'responded'), eb('rectification.ownerCode', '<>', eb.ref('rectification.departmentCode'))])
    // 待销号: the bureau's own jurisdiction's verified items, and answered items a department owns.
    return eb.and([
      eb('rectification.jurisdictionCode', '=', actor.org.jurisdictionCode),
      eb.or([eb('rectification.status', '=', 'verified'), eb.and([eb('rectification.status', '=', 'responded'), eb('rectification.ownerCode', '=', eb.ref('rectification.departmentCode'))])]),
    ])
  }
}

/**
 * An item follows the org tree: a unit sees the items it owns, a department its units' and its own, a bureau its
 * jurisdiction's and those below it (the city supervises its districts, read-only).
 */
export function rectificationVisibleTo(actor: Actor) {
  return (eb: Eb) => {
    if (!actor.permissions.has('results.read')) return eb.val(false)
    if (actor.org.kind === 'unit') return eb('rectification.ownerCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('rectification.departmentCode', '=', actor.org.code)
    return eb('rectification.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}

const columns = [
  'rectification.id',
  'rectification.jurisdictionCode',
  'jurisdictionNode.name as jurisdictionName',
  'rectification.fiscalYear',
  'rectification.sourceType',
  'rectification.sourceId',
  'sourceItem.spotCheckId as sourceSpotCheckId',
  'rectification.origin',
  'rectification.projectId',
  'project.code as projectCode',
  'project.name as projectName',
  'rectification.ownerCode as ownerUnitCode',
  'ownerNode.name as ownerName',
  'rectification.departmentCode',
  'departmentNode.name as departmentName',
  'rectification.problem',
  'rectification.requiredMeasure',
  'rectification.dueOn',
  'rectification.status',
  'rectification.response',
  'rectification.respondedAt',
  'rectification.verifiedAt',
  'rectification.closedAt',
  'creator.displayName as createdByName',
  'rectification.version',
  'rectification.createdAt',
  'rectification.updatedAt',
] as const

function visible(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('rectification')
    .where(rectificationVisibleTo(actor))
    .innerJoin('orgNode as ownerNode', 'ownerNode.code', 'rectification.ownerCode')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'rectification.departmentCode')
    .innerJoin('orgNode as jurisdictionNode', 'jurisdictionNode.code', 'rectification.jurisdictionCode')
    .leftJoin('project', 'project.id', 'rectification.projectId')
    .leftJoin('appUser as creator', 'creator.id', 'rectification.createdBy')
    // A spot-check item's page sits under its sample: the link back needs the sample's id.
    .leftJoin('spotCheckItem as sourceItem', (join) => join.onRef('sourceItem.id', '=', 'rectification.sourceId').on('rectification.sourceType', '=', 'spot_check'))
}

function matching(db: Db, actor: Actor, filter: RectificationListFilter, today: string) {
  let query = whereEquals(visible(db, actor), filter, {
    status: 'rectification.status',
    sourceType: 'rectification.sourceType',
    sourceId: 'rectification.sourceId',
    projectId: 'rectification.projectId',
    departmentCode: 'rectification.departmentCode',
    unitCode: 'rectification.ownerCode',
    fiscalYear: 'rectification.fiscalYear',
  })
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('rectification.problem', 'ilike', pattern), eb('project.name', 'ilike', pattern), eb('project.code', 'ilike', pattern), eb('ownerNode.name', 'ilike', pattern)]))
  }
  if (filter.todo) query = query.where(waitingOn(actor, filter.todo))
  if (filter.overdue !== undefined) {
    query = query.where((eb) => {
      const late = eb.and([eb('rectification.status', '!=', 'closed'), eb('rectification.dueOn', '<', today)])
      return filter.overdue ? late : eb.not(late)
    })
  }
  return query
}

/** The actor's items, newest first unless sorted. */
export function listRectifications(db: Db, actor: Actor, filter: RectificationListFilter, today: string) {
  const sortColumn = { createdAt: 'rectification.createdAt', dueOn: 'rectification.dueOn' } as const
  const direction = filter.sort ? filter.order : 'desc'
  return matching(db, actor, filter, today)
    .select(columns)
    .orderBy(sortColumn[filter.sort ?? 'createdAt'], direction)
    .orderBy('rectification.id', direction)
}

export function countRectifications(db: Db, actor: Actor, filter: RectificationListFilter, today: string) {
  return matching(db, actor, filter, today).select((eb) => eb.fn.countAll<number>().as('total'))
}

export function findVisibleRectification(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(columns).where('rectification.id', '=', id).executeTakeFirst()
}

export async function lockVisibleRectification(trx: Trx, actor: Actor, id: string) {
  const locked = await trx.selectFrom('rectification').select('id').where('id', '=', id).where(rectificationVisibleTo(actor)).forUpdate().executeTakeFirst()
  return locked ? findVisibleRectification(trx, actor, id) : undefined
}

export type RectificationRow = NonNullable<Awaited<ReturnType<typeof findVisibleRectification>>>

export async function insertRectification(trx: Trx, row: Insertable<RectificationTable>) {
  const inserted = await trx
    .insertInto('rectification')
    .values(row)
    .onConflict((oc) => oc.columns(['sourceType', 'sourceId']).where('sourceId', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted?.id ?? null
}

export async function updateRectification(trx: Trx, id: string, changes: Omit<Updateable<RectificationTable>, 'id' | 'version'>) {
  await trx
    .updateTable('rectification')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export async function insertEvent(trx: Trx, row: Insertable<RectificationEventTable>) {
  await trx.insertInto('rectificationEvent').values(row).execute()
}

/** The item's history, oldest first, with who did it. */
export function eventsOf(db: Db | Trx, id: string) {
  return db
    .selectFrom('rectificationEvent as e')
    .leftJoin('appUser as u', 'u.id', 'e.byUser')
    .select(['e.id', 'e.action', 'e.fromStatus', 'e.toStatus', 'e.opinion', 'e.createdAt', 'u.displayName as actorName'])
    .where('e.rectificationId', '=', id)
    // seq (migration 2026_12_09_21) keeps the order of events sharing a timestamp.
    .orderBy(sql`e.seq`)
    .execute()
}

/** The evidence uploaded to the item, oldest first. */
export function evidenceOf(db: Db | Trx, id: string) {
  return db
    .selectFrom('rectificationEvidence as v')
    .innerJoin('storedFile as f', 'f.id', 'v.fileId')
    .leftJoin('appUser as u', 'u.id', 'v.uploadedBy')
    .select(['v.id', 'v.fileId', 'f.fileName', 'f.contentType', 'f.sizeBytes', 'v.note', 'v.uploadedAt', 'u.displayName as uploadedByName'])
    .where('v.rectificationId', '=', id)
    .orderBy('v.uploadedAt')
    .orderBy('v.id')
    .execute()
}
