import type { ExpressionBuilder } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Actor } from '../http/context.ts'

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Data scope follows the org tree: a node sees itself and everything below it. A finance bureau sees its
 * jurisdiction and the jurisdictions under it, a department its units, a unit only itself.
 * Every list and every by-code read of org nodes goes through this one predicate.
 */
export function orgNodeVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'orgNode'>) => eb('orgNode.path', 'like', `${escapeLike(actor.org.path)}%`)
}

/** Users are visible where their org node is. */
export function userVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'appUser' | 'orgNode'>) => eb('orgNode.path', 'like', `${escapeLike(actor.org.path)}%`)
}

export function isWithinScope(actor: Actor, path: string) {
  return path.startsWith(actor.org.path)
}
