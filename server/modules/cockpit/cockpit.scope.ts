import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { orgNodeVisibleTo } from '../../platform/scope.ts'

/**
 * Who reads the cockpit: finance bureaus, over their own jurisdiction and those below it. A jurisdiction or department
 * outside the caller's subtree is not found (a district does not see another district); a caller who does not sit at
 * a bureau is refused once the target is known to be in scope.
 */

export interface ScopeNode {
  code: string
  name: string
  path: string
  parentCode: string | null
  jurisdictionCode: string
}

const columns = ['orgNode.code', 'orgNode.name', 'orgNode.path', 'orgNode.parentCode', 'orgNode.jurisdictionCode'] as const

function atBureau(ctx: ActorCtx) {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
}

/** The jurisdiction a roll-up is read for: the one named (in scope, else 404) or the caller's own. */
export async function jurisdictionFor(db: Db, ctx: ActorCtx, code: string | undefined): Promise<ScopeNode> {
  if (code === undefined) atBureau(ctx)
  const node = await db
    .selectFrom('orgNode')
    .select(columns)
    .where('orgNode.code', '=', code ?? ctx.actor.org.jurisdictionCode)
    .where('orgNode.kind', '=', 'jurisdiction')
    .where(orgNodeVisibleTo(ctx.actor))
    .executeTakeFirst()
  if (!node) throw new AppError('NOT_FOUND')
  atBureau(ctx)
  return node
}

/** A department in the caller's subtree (404 otherwise), read by a bureau. */
export async function departmentFor(db: Db, ctx: ActorCtx, code: string): Promise<ScopeNode> {
  const node = await db.selectFrom('orgNode').select(columns).where('orgNode.code', '=', code).where('orgNode.kind', '=', 'department').where(orgNodeVisibleTo(ctx.actor)).executeTakeFirst()
  if (!node) throw new AppError('NOT_FOUND')
  atBureau(ctx)
  return node
}
