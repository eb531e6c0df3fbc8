import { type ExpressionBuilder, type Insertable, sql, type Updateable } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { CorrectiveActionEventTable, CorrectiveActionTable, Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { jurisdictionsUnder } from '../../platform/scope.ts'
import { liftableActionKinds } from '../../../domain/corrective-actions.ts'
import type { ActionListFilter } from './actions.schemas.ts'

type Eb = ExpressionBuilder<Database, 'correctiveAction'>

/**
 * An action follows the org tree like a project: a unit sees those addressed to it, a department its units' and
 * its own, a bureau its jurisdiction's and those below. Agencies read no projects and see no actions.
 */
export function actionVisibleTo(actor: Actor) {
  return (eb: Eb) => {
    if (!actor.permissions.has('project.read')) return eb.val(false)
    if (actor.org.kind === 'unit') return eb('correctiveAction.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('correctiveAction.departmentCode', '=', actor.org.code)
    return eb('correctiveAction.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}

const columns = [
  'correctiveAction.id',
  'correctiveAction.kind',
  'correctiveAction.title',
  'correctiveAction.content',
  'correctiveAction.amount',
  'correctiveAction.dueOn',
  'correctiveAction.status',
  'correctiveAction.jurisdictionCode',
  'correctiveAction.departmentCode',
  'departmentNode.name as departmentName',
  'correctiveAction.unitCode',
  'unitNode.name as unitName',
  'correctiveAction.projectId',
  'project.code as projectCode',
  'project.name as projectName',
  'correctiveAction.formId',
  'correctiveAction.roundId',
  'monitoringRound.name as roundName',
  'correctiveAction.issuerOrgCode',
  'issuerNode.name as issuerOrgName',
  'issuerNode.kind as issuerOrgKind',
  'issuer.displayName as issuedByName',
  'correctiveAction.goalAdjustmentId',
  'correctiveAction.response',
  'correctiveAction.respondedAt',
  'correctiveAction.liftedAt',
  'correctiveAction.closedAt',
  'correctiveAction.version',
  'correctiveAction.createdAt',
  'correctiveAction.updatedAt',
] as const

function visible(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('correctiveAction')
    .where(actionVisibleTo(actor))
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'correctiveAction.departmentCode')
    .innerJoin('orgNode as issuerNode', 'issuerNode.code', 'correctiveAction.issuerOrgCode')
    .leftJoin('orgNode as unitNode', 'unitNode.code', 'correctiveAction.unitCode')
    .leftJoin('project', 'project.id', 'correctiveAction.projectId')
    .leftJoin('monitoringRound', 'monitoringRound.id', 'correctiveAction.roundId')
    .leftJoin('appUser as issuer', 'issuer.id', 'correctiveAction.issuedBy')
}

function matching(db: Db, actor: Actor, filter: ActionListFilter, today: string) {
  let query = whereEquals(visible(db, actor), filter, {
    kind: 'correctiveAction.kind',
    status: 'correctiveAction.status',
    projectId: 'correctiveAction.projectId',
    formId: 'correctiveAction.formId',
    roundId: 'correctiveAction.roundId',
    departmentCode: 'correctiveAction.departmentCode',
    unitCode: 'correctiveAction.unitCode',
  })
  if (filter.q) {
    const pattern = likeContains(filter.q)
    query = query.where((eb) => eb.or([eb('correctiveAction.title', 'ilike', pattern), eb('project.name', 'ilike', pattern), eb('project.code', 'ilike', pattern)]))
  }
  if (filter.inForce !== undefined) {
    query = query.where((eb) => {
      const held = eb.and([eb('correctiveAction.kind', 'in', liftableActionKinds), eb('correctiveAction.liftedAt', 'is', null)])
      return filter.inForce ? held : eb.not(held)
    })
  }
  if (filter.overdue !== undefined) {
    query = query.where((eb) => {
      const late = eb.and([eb('correctiveAction.status', '=', 'open'), eb('correctiveAction.dueOn', '<', today)])
      return filter.overdue ? late : eb.not(late)
    })
  }
  return query
}

/** The actor's actions, newest first unless sorted. */
export function listActions(db: Db, actor: Actor, filter: ActionListFilter, today: string) {
  const sortColumn = { createdAt: 'correctiveAction.createdAt', dueOn: 'correctiveAction.dueOn', amount: 'correctiveAction.amount' } as const
  const direction = filter.sort ? filter.order : 'desc'
  return matching(db, actor, filter, today)
    .select(columns)
    .orderBy(sortColumn[filter.sort ?? 'createdAt'], (ob) => (direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()))
    .orderBy('correctiveAction.id', direction)
}

export function countActions(db: Db, actor: Actor, filter: ActionListFilter, today: string) {
  return matching(db, actor, filter, today).select((eb) => eb.fn.countAll<number>().as('total'))
}

export function findVisibleAction(db: Db | Trx, actor: Actor, id: string) {
  return visible(db, actor).select(columns).where('correctiveAction.id', '=', id).executeTakeFirst()
}

export async function lockVisibleAction(trx: Trx, actor: Actor, id: string) {
  const locked = await trx.selectFrom('correctiveAction').select('id').where('id', '=', id).where(actionVisibleTo(actor)).forUpdate().executeTakeFirst()
  return locked ? findVisibleAction(trx, actor, id) : undefined
}

export type ActionRow = NonNullable<Awaited<ReturnType<typeof findVisibleAction>>>

export async function insertAction(trx: Trx, row: Insertable<CorrectiveActionTable>) {
  const { id } = await trx.insertInto('correctiveAction').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateAction(trx: Trx, id: string, changes: Omit<Updateable<CorrectiveActionTable>, 'id' | 'version'>) {
  await trx
    .updateTable('correctiveAction')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export async function insertEvent(trx: Trx, row: Insertable<CorrectiveActionEventTable>) {
  await trx.insertInto('correctiveActionEvent').values(row).execute()
}

/** The action's history, oldest first, with who did it and the files each step carried. */
export async function eventsOf(db: Db | Trx, actionId: string) {
  const events = await db
    .selectFrom('correctiveActionEvent as e')
    .leftJoin('appUser as u', 'u.id', 'e.actorId')
    .select(['e.id', 'e.event', 'e.note', 'e.attachmentIds', 'e.createdAt', 'u.displayName as actorName'])
    .where('e.actionId', '=', actionId)
    .orderBy('e.seq')
    .execute()
  const fileIds = [...new Set(events.flatMap((e) => e.attachmentIds))]
  const files = fileIds.length ? await db.selectFrom('storedFile').select(['id', 'fileName', 'sizeBytes', 'contentType']).where('id', 'in', fileIds).execute() : []
  const byId = new Map(files.map((f) => [f.id, f]))
  return events.map(({ attachmentIds, ...e }) => ({ ...e, attachments: attachmentIds.map((id) => byId.get(id)).filter((f) => !!f) }))
}

/** The ids among `ids` of files uploaded to this action (its 'update' events with a file). */
export async function filesOfAction(db: Db | Trx, actionId: string) {
  const rows = await db
    .selectFrom('correctiveActionEvent')
    .select(sql<string>`unnest(attachment_ids)`.as('fileId'))
    .where('actionId', '=', actionId)
    .execute()
  return new Set(rows.map((r) => r.fileId))
}
