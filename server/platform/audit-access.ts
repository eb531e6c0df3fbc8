import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import { contextOf, type Ctx } from '../http/context.ts'
import { AppError } from '../http/errors.ts'
import { type AuditEntry, recordAudit } from './audit.ts'

/**
 * Audit of what leaves the system or is refused, as opposed to what changes in it (recordAudit inside the
 * write's transaction): exports, downloads, reads of the audit log, and refusals (403, and 404 from a scoped
 * lookup), each in a small transaction of its own.
 */
export async function recordAccess(db: Db, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, ctx, entry))
}

/**
 * An export or download, recorded before the data is sent: no file leaves without its audit row. `what` is the
 * filter the caller asked for (or the one record's id), so the row says which data went out.
 */
export async function recordExport(db: Db, ctx: Ctx, action: string, what: Record<string, unknown> | string): Promise<void> {
  const [entityType] = action.split('.') as [string]
  const single = typeof what === 'string'
  await recordAccess(db, ctx, { action, entityType, entityId: single ? what : null, after: single ? null : { filters: what } })
}

const refusals: Record<number, string> = { 403: 'access.forbidden', 404: 'access.not_found' }

/**
 * Records every 403 and every 404 a signed-in actor gets from a route (a missing permission, an id outside its
 * data scope). The request's own transaction has rolled back by now, so the row is written on its own. A
 * failure to record is logged and never changes the answer: a refusal must not become a 500.
 */
export async function recordRefusal(db: Db, req: FastifyRequest, error: FastifyError | Error): Promise<void> {
  if (!req.actor || !(error instanceof AppError)) return
  const action = refusals[error.status]
  if (!action) return
  const route = req.routeOptions.url ?? req.url.split('?')[0]
  try {
    await recordAccess(db, contextOf(req), {
      action,
      entityType: 'request',
      entityId: `${req.method} ${route}`.slice(0, 100),
      after: { code: error.code, url: req.url.slice(0, 500), params: req.params ?? null },
    })
  } catch (failure) {
    req.log.error({ err: failure }, 'could not record a refusal in the audit log')
  }
}

/** Hooks recordRefusal into every route's errors (Fastify runs onError before the error handler answers). */
export function auditRefusals(app: FastifyInstance, db: Db) {
  app.addHook('onError', async (req, _reply, error) => recordRefusal(db, req, error))
}
