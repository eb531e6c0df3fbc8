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

/**
 * Scope over fact tables that carry jurisdiction_code, department_code and unit_code: a unit sees its own rows,
 * a department its units' rows, a finance bureau its jurisdiction's and those of the jurisdictions below it.
 */
export function projectVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'project'>) => {
    if (actor.org.kind === 'unit') return eb('project.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('project.departmentCode', '=', actor.org.code)
    return eb('project.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}

/** The codes of the actor's jurisdiction and every jurisdiction below it, as a subquery. */
function jurisdictionsUnder(eb: ExpressionBuilder<Database, any>, actor: Actor) {
  return eb
    .selectFrom('orgNode as scopeNode')
    .select('scopeNode.code')
    .where('scopeNode.kind', '=', 'jurisdiction')
    .where('scopeNode.path', 'like', `${escapeLike(actor.org.path)}%`)
}
