import type { ProjectStatus } from '../../../domain/projects.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Trx } from '../../db/database.ts'
import { AppError } from '../../http/errors.ts'
import { exAnteGateProblem } from '../exante/exante.gate.ts'
import { budgetGateProblem } from '../goals/goals.gate.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

/** What a gate looks at: the project as it stands (or as an edit would leave it). */
export interface GatedProject {
  id: string
  fiscalYear: number
  jurisdictionCode: string
  isMajorNew: boolean
  amountTotal: string
}

/** A precondition for being in a status: null when the project may be there, otherwise why not, in both languages. */
export interface ProjectGate {
  /** Stable name, returned as `details.gate` of 422 GATE_BLOCKED. */
  name: string
  problem(trx: Trx, project: GatedProject, rules: RuleSet): Promise<{ zh: string; en: string } | null>
}

/**
 * Gates keyed by the status being ENTERED, not by the edge: every path into a status (library → budgeted today,
 * any edge added later) asks the same gates, and an edit of a project already there asks them again. Later
 * stages (a payment hold, an unrectified result) register theirs with `registerProjectGate`.
 */
const gatesByStatus = new Map<ProjectStatus, ProjectGate[]>()

export function registerProjectGate(status: ProjectStatus, gate: ProjectGate) {
  const gates = gatesByStatus.get(status) ?? []
  if (!gates.some((g) => g.name === gate.name)) gatesByStatus.set(status, [...gates, gate])
}

export function projectGatesOf(status: ProjectStatus): readonly ProjectGate[] {
  return gatesByStatus.get(status) ?? []
}

/** Refuses (422 GATE_BLOCKED, details.gate) when the project may not be in `status`: the first closed gate explains why. */
export async function assertProjectGates(trx: Trx, project: GatedProject, status: ProjectStatus) {
  const gates = projectGatesOf(status)
  if (!gates.length) return
  const { rules } = await effectiveRules(trx, project.jurisdictionCode, project.fiscalYear)
  for (const gate of gates) {
    const problem = await gate.problem(trx, project, rules)
    if (problem) throw new AppError('GATE_BLOCKED', { gate: gate.name }, problem)
  }
}

// 事前评估 (§3.3, §13.28): a major project is in the library, and so in the budget, only with the conclusion 予以支持.
registerProjectGate('library', { name: 'exante', problem: (trx, project, rules) => exAnteGateProblem(trx, project, rules, 'library') })
registerProjectGate('budgeted', { name: 'exante', problem: (trx, project, rules) => exAnteGateProblem(trx, project, rules, 'budgeted') })
// 先有目标，后有预算 (§13.20): the budget needs an approved goal meeting the rule set.
registerProjectGate('budgeted', { name: 'goal', problem: budgetGateProblem })
