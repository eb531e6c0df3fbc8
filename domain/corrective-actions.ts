/**
 * 纠偏 (REFERENCE §5.1, §13.37): who may issue which corrective action, what it needs, and how it moves.
 * Pure rules; the service in server/modules/monitoring/actions.service.ts applies them.
 */
import { amountActionKinds, type CorrectiveActionKind, type CorrectiveActionStatus, paymentHoldKinds } from './monitoring.ts'
import { compareMoney, isMoney } from './money.ts'

export type ProblemText = { path: string; zh: string; en: string }

/** Payments and budgets are the bureau's: a department corrects its units with notices, inquiries and a suspension. */
export const departmentActionKinds: readonly CorrectiveActionKind[] = ['notice', 'inquiry', 'suspend']

/** Kinds in force from issue until lifted: the payment holds and the suspension of the project. */
export const liftableActionKinds: readonly CorrectiveActionKind[] = [...paymentHoldKinds, 'suspend']

/** Kinds that need a written answer of the unit by a date. */
export const dueActionKinds: readonly CorrectiveActionKind[] = ['notice', 'inquiry']

/** Kinds that act on a project's money or work: they need a project (a department's overall form has none). */
export const projectActionKinds: readonly CorrectiveActionKind[] = ['hold_payment', 'stop_payment', 'cut_budget', 'suspend', 'recover']

export function mayIssue(issuerKind: 'jurisdiction' | 'department' | 'unit', kind: CorrectiveActionKind): boolean {
  if (issuerKind === 'jurisdiction') return true
  if (issuerKind === 'department') return departmentActionKinds.includes(kind)
  return false
}

export interface IssueDraft {
  kind: CorrectiveActionKind
  amount?: string | null
  dueOn?: string | null
  hasProject: boolean
  /** Today, YYYY-MM-DD, to refuse a due date in the past. */
  today: string
  /** 全年预算数 of the project, to refuse a cut beyond it. */
  budgetAdjusted?: string | null
}

/** What is wrong with an action about to be issued (empty when nothing). */
export function issueProblems(d: IssueDraft): ProblemText[] {
  const problems: ProblemText[] = []
  if (projectActionKinds.includes(d.kind) && !d.hasProject) {
    problems.push({ path: 'projectId', zh: '该纠偏措施针对具体项目，请从项目或项目监控表发起', en: 'This measure acts on a project: issue it from a project or a project form' })
  }
  if (amountActionKinds.includes(d.kind)) {
    if (!d.amount || !isMoney(d.amount) || compareMoney(d.amount, '0') <= 0) {
      problems.push({ path: 'amount', zh: '请填写大于 0 的金额（元）', en: 'Give an amount in yuan greater than 0' })
    } else if (d.kind === 'cut_budget' && d.budgetAdjusted != null && compareMoney(d.amount, d.budgetAdjusted) > 0) {
      problems.push({ path: 'amount', zh: `调减金额不能超过全年预算数 ${d.budgetAdjusted} 元`, en: `A cut cannot exceed the full-year budget of ${d.budgetAdjusted} yuan` })
    }
  } else if (d.amount) {
    problems.push({ path: 'amount', zh: '该纠偏措施不涉及金额', en: 'This measure carries no amount' })
  }
  if (dueActionKinds.includes(d.kind) && !d.dueOn) {
    problems.push({ path: 'dueOn', zh: '纠偏通知和询问函须规定答复期限', en: 'A notice or an inquiry needs a date to answer by' })
  }
  if (d.dueOn && d.dueOn < d.today) problems.push({ path: 'dueOn', zh: '答复期限不能早于今天', en: 'The answer date cannot be in the past' })
  return problems
}

export type ActionMove = 'respond' | 'return' | 'close' | 'lift'

/** Where each move may start (lifting also depends on the kind and on not being lifted yet). */
export const actionMoves: Record<ActionMove, { from: readonly CorrectiveActionStatus[]; to: CorrectiveActionStatus }> = {
  respond: { from: ['open'], to: 'responded' },
  // The issuer finds the answer wanting and asks again.
  return: { from: ['responded'], to: 'open' },
  close: { from: ['open', 'responded'], to: 'closed' },
  // Lifting a hold or a suspension ends the matter; a stop may be lifted even after the matter was closed.
  lift: { from: ['open', 'responded', 'closed'], to: 'closed' },
}

export function canMove(move: ActionMove, action: { kind: CorrectiveActionKind; status: CorrectiveActionStatus; liftedAt: unknown }): boolean {
  if (!actionMoves[move].from.includes(action.status)) return false
  if (move === 'lift') return liftableActionKinds.includes(action.kind) && !action.liftedAt
  return true
}

/** In force: a hold, a stop or a suspension not lifted. */
export function inForce(action: { kind: CorrectiveActionKind; liftedAt: unknown }): boolean {
  return liftableActionKinds.includes(action.kind) && !action.liftedAt
}

/** Overdue: awaiting an answer past its date. */
export function isOverdue(action: { status: CorrectiveActionStatus; dueOn: string | null }, today: string): boolean {
  return action.status === 'open' && !!action.dueOn && action.dueOn < today
}

/** The calendar day in China (the due dates' clock), YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}
