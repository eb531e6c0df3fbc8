import type { FastifyRequest } from 'fastify'
import type { Language } from '../../domain/errors.ts'
import type { Permission } from '../../domain/roles.ts'
import type { OrgKind } from '../db/schema.ts'
import { AppError, requestLanguage } from './errors.ts'

export interface ActorOrg {
  code: string
  name: string
  kind: OrgKind
  path: string
  jurisdictionCode: string
  departmentCode: string | null
}

/** The signed-in user as every service sees them: roles give permissions, the org node gives data scope. */
export interface Actor {
  userId: string
  username: string
  displayName: string
  roles: string[]
  permissions: ReadonlySet<Permission>
  org: ActorOrg
  sessionHash: string
  /** Set after an administrator opened or reset the account: until changed, only the own-account calls work. */
  mustChangePassword?: boolean
}

/** What a use case needs to know about the request beyond its input: who, when, and for the audit trail. */
export interface Ctx {
  actor: Actor | null
  requestId: string
  clientIp: string
  now: Date
  lang: Language
}

export interface ActorCtx extends Ctx {
  actor: Actor
}

export function contextOf(req: FastifyRequest): Ctx {
  return { actor: req.actor, requestId: String(req.id), clientIp: req.ip, now: req.now, lang: requestLanguage(req) }
}

/**
 * The request's context, or 401 when nobody is signed in, 403 PASSWORD_CHANGE_REQUIRED while a password handed
 * out by an administrator is still in use (等保: change it at first sign-in), or 403 when the permission is missing.
 */
export function authorize(req: FastifyRequest, permission?: Permission): ActorCtx {
  const ctx = authorizeOwnAccount(req)
  if (ctx.actor.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED')
  if (permission && !ctx.actor.permissions.has(permission)) throw new AppError('FORBIDDEN')
  return ctx
}

/** Any signed-in user acting on their own account (who am I, sign out, change password): open even before that change. */
export function authorizeOwnAccount(req: FastifyRequest): ActorCtx {
  const ctx = contextOf(req)
  if (!ctx.actor) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'AUTH_REQUIRED')
  return ctx as ActorCtx
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    sessionExpired: boolean
    now: Date
  }
}
