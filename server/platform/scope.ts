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
export function jurisdictionsUnder(eb: ExpressionBuilder<Database, any>, actor: Actor) {
  return eb
    .selectFrom('orgNode as scopeNode')
    .select('scopeNode.code')
    .where('scopeNode.kind', '=', 'jurisdiction')
    .where('scopeNode.path', 'like', `${escapeLike(actor.org.path)}%`)
}

/** The actor's jurisdiction and those above it, root first: whose rules and library the actor inherits. */
export function jurisdictionChainOf(actor: Actor): string[] {
  const segments = actor.org.path.split('/').filter(Boolean)
  return segments.slice(0, segments.indexOf(actor.org.jurisdictionCode) + 1)
}

/** Org codes at or below the actor's node, as a subquery. */
export function orgCodesUnder(eb: ExpressionBuilder<Database, any>, actor: Actor) {
  return eb.selectFrom('orgNode as scopeNode').select('scopeNode.code').where('scopeNode.path', 'like', `${escapeLike(actor.org.path)}%`)
}

/**
 * The library a user sees: shared (national) indicators, those of its own jurisdiction and the ones above it, and
 * for a finance bureau those of the jurisdictions below it. Proposals (and rejected ones) are seen only where they
 * were proposed and above.
 */
export function indicatorVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'indicator'>) => {
    const owners = [eb('indicator.ownerJurisdictionCode', 'is', null), eb('indicator.ownerJurisdictionCode', 'in', jurisdictionChainOf(actor))]
    if (actor.org.kind === 'jurisdiction') owners.push(eb('indicator.ownerJurisdictionCode', 'in', jurisdictionsUnder(eb, actor)))
    return eb.or([
      eb.and([eb('indicator.status', 'not in', ['proposed', 'rejected']), eb.or(owners)]),
      eb.and([eb('indicator.status', 'in', ['proposed', 'rejected']), eb('indicator.proposedOrgCode', 'in', orgCodesUnder(eb, actor))]),
    ])
  }
}

/**
 * Goals follow their project's scope; a department's overall goal has no unit and is seen by the department and
 * above. An expert sees only the goals assigned to it for review.
 */
export function goalVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'goal'>) => {
    if (actor.permissions.has('goal.expert_review') && !actor.permissions.has('goal.read')) {
      return eb('goal.id', 'in', eb.selectFrom('goalExpertReview').select('goalExpertReview.goalId').where('goalExpertReview.expertId', '=', actor.userId))
    }
    if (actor.org.kind === 'unit') return eb('goal.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb('goal.departmentCode', '=', actor.org.code)
    return eb('goal.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}
