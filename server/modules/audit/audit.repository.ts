import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { likeContains } from '../../http/paging.ts'

export interface AuditFilter {
  username?: string
  entityType?: string
  entityId?: string
  action?: string
  from?: Date
  to?: Date
}

/**
 * Audit rows of actors in the audit administrator's part of the org tree. Attempts by unknown usernames
 * belong to nobody's tree; every audit administrator sees them.
 */
export function listAudit(db: Db, actor: Actor, filter: AuditFilter, order: 'asc' | 'desc' = 'desc') {
  const escapedPath = actor.org.path.replace(/[\\%_]/g, (c) => `\\${c}`)
  let query = db
    .selectFrom('auditLog')
    .select(['seq as id', 'at', 'actorUsername as username', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'clientIp'])
    .where((eb) => eb.or([eb('actorOrgPath', 'like', `${escapedPath}%`), eb('actorOrgPath', 'is', null)]))
  if (filter.username) query = query.where('actorUsername', 'ilike', likeContains(filter.username))
  if (filter.entityType) query = query.where('entityType', '=', filter.entityType)
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId)
  if (filter.action) query = query.where('action', 'ilike', likeContains(filter.action))
  if (filter.from) query = query.where('at', '>=', filter.from)
  if (filter.to) query = query.where('at', '<=', filter.to)
  return query.orderBy('seq', order)
}
