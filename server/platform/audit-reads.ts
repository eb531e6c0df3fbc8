import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import { contextOf } from '../http/context.ts'
import { recordAccess } from './audit-access.ts'

/** Reads that show no record (who am I, the home page, a job's progress, the API's description). */
const NOT_RECORDS = /^\/api\/(auth|home|jobs|health|docs|openapi)\b/
/** Exports and downloads record their own row (recordExport), named after what left: no second row. */
const RECORDS_ITSELF = /export|\.xlsx|\.docx|\.zip|download|checkpoint/

/** Whose reads are audited: the 人大/审计 reader (issue 14). */
const AUDITED_READER = 'viewer'

/**
 * Every record the 人大/审计 reader reads leaves an audit row (`access.read`: the route, the URL with its filters, the
 * ids): projects, goals, evaluations, results, lists and details alike. One hook, in one place; for anyone else it
 * costs a role check. The row is written before the answer leaves (onSend), so an unrecorded read is not sent:
 * a failure to record answers 500 instead.
 */
export function shouldAuditRead(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.method !== 'GET' || reply.statusCode !== 200 || !req.actor?.roles.includes(AUDITED_READER)) return false
  const route = req.routeOptions.url
  return !!route && route.startsWith('/api/') && !NOT_RECORDS.test(route) && !RECORDS_ITSELF.test(route)
}

export function auditReaderReads(app: FastifyInstance, db: Db) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!shouldAuditRead(req, reply)) return payload
    const route = req.routeOptions.url!
    await recordAccess(db, contextOf(req), {
      action: 'access.read',
      entityType: 'request',
      entityId: `GET ${route}`.slice(0, 100),
      after: { url: req.url.slice(0, 500), params: req.params ?? null },
    })
    return payload
  })
}
