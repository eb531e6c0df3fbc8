import type { ExpressionBuilder } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { jurisdictionChainOf, jurisdictionsUnder } from '../../platform/scope.ts'

/**
 * Whose register an actor sees: a bureau its own jurisdiction's and those below it, and everybody the registers of
 * the jurisdictions above it (a district picks agencies and experts from the city's register). Another city's: 404.
 */
export function registerVisibleTo(actor: Actor, column: 'agency.jurisdictionCode' | 'expert.jurisdictionCode') {
  return (eb: ExpressionBuilder<Database, any>) => eb.or([eb(eb.ref(column), 'in', jurisdictionsUnder(eb, actor)), eb(eb.ref(column), 'in', jurisdictionChainOf(actor))])
}

/** A third-party agency user (no project reads) and an expert see only what is assigned to them. */
export const isAgencyUser = (actor: Actor) => actor.permissions.has('evaluation.agency_work') && !actor.permissions.has('project.read')
export const isExpertUser = (actor: Actor) => actor.permissions.has('evaluation.expert_score') && !actor.permissions.has('project.read')

/**
 * The key evaluations an actor may act on here: a bureau those of its jurisdiction and below; a department those
 * it commissions or whose object is in it; a unit those of its object. Agencies and experts get theirs through
 * their engagements and draws only.
 */
export function keyEvaluationVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'keyEvaluation'>) => {
    if (actor.org.kind === 'unit') return eb('keyEvaluation.unitCode', '=', actor.org.code)
    if (actor.org.kind === 'department') return eb.or([eb('keyEvaluation.departmentCode', '=', actor.org.code), eb('keyEvaluation.commissionerCode', '=', actor.org.code)])
    return eb('keyEvaluation.jurisdictionCode', 'in', jurisdictionsUnder(eb, actor))
  }
}
