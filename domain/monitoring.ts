/**
 * 绩效运行监控 ("双监控"): the vocabulary shared by rounds, forms, corrective actions and the web app.
 * REFERENCE §5, §13.29–37. The lights themselves are in lights.ts.
 */

export type Labels = { zh: string; en: string }

/** A monitoring form's workflow: the unit fills and submits, the department accepts or returns, finance accepts. */
export const monitoringFormStatuses = ['draft', 'submitted', 'dept_accepted', 'returned', 'accepted'] as const
export type MonitoringFormStatus = (typeof monitoringFormStatuses)[number]
export const monitoringFormStatusLabels: Record<MonitoringFormStatus, Labels> = {
  draft: { zh: '填报中', en: 'Being filled' },
  submitted: { zh: '待部门审核', en: 'Awaiting department' },
  dept_accepted: { zh: '待财政审核', en: 'Awaiting finance' },
  returned: { zh: '已退回', en: 'Returned' },
  accepted: { zh: '已审核', en: 'Accepted' },
}

/** A form per budgeted project (项目监控) and one per department overall goal (部门整体监控). */
export const monitoringFormKinds = ['project', 'department'] as const
export type MonitoringFormKind = (typeof monitoringFormKinds)[number]

/** A round is 'opening' while its forms are being created in the background; units see it from 'open'. */
export const monitoringRoundStatuses = ['opening', 'open', 'closed'] as const
export type MonitoringRoundStatus = (typeof monitoringRoundStatuses)[number]
export const monitoringRoundStatusLabels: Record<MonitoringRoundStatus, Labels> = {
  opening: { zh: '生成中', en: 'Opening' },
  open: { zh: '进行中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
}

/** 完成目标可能性. §5.2, §13.31 */
export const likelihoods = ['certain', 'possible', 'impossible'] as const
export type Likelihood = (typeof likelihoods)[number]
export const likelihoodLabels: Record<Likelihood, Labels> = {
  certain: { zh: '确定能', en: 'Certain' },
  possible: { zh: '有可能', en: 'Possible' },
  impossible: { zh: '不可能', en: 'Impossible' },
}
/** With these, 偏差原因分析 and 相关建议或举措 are required. §13.31 */
export const likelihoodsNeedingReasons: readonly Likelihood[] = ['possible', 'impossible']

/** 偏差原因类别 of the central 136号 table. §5.2 (UNCONFIRMED list; kept as data here). */
export const causeCategories = ['funding', 'institution', 'staffing', 'hardware', 'other'] as const
export type CauseCategory = (typeof causeCategories)[number]
export const causeCategoryLabels: Record<CauseCategory, Labels> = {
  funding: { zh: '经费保障', en: 'Funding' },
  institution: { zh: '制度保障', en: 'Rules and institutions' },
  staffing: { zh: '人员保障', en: 'Staffing' },
  hardware: { zh: '硬件条件保障', en: 'Equipment and facilities' },
  other: { zh: '其他', en: 'Other' },
}

/** 纠偏 measures available to finance (and a department for its own units). §5.1, §13.37 */
export const correctiveActionKinds = ['notice', 'inquiry', 'hold_payment', 'stop_payment', 'cut_budget', 'suspend', 'recover'] as const
export type CorrectiveActionKind = (typeof correctiveActionKinds)[number]
export const correctiveActionKindLabels: Record<CorrectiveActionKind, Labels> = {
  notice: { zh: '纠偏通知', en: 'Correction notice' },
  inquiry: { zh: '询问函', en: 'Inquiry' },
  hold_payment: { zh: '暂缓拨款', en: 'Payment hold' },
  stop_payment: { zh: '停止拨款', en: 'Payment stop' },
  cut_budget: { zh: '调减预算', en: 'Budget cut' },
  suspend: { zh: '暂停项目实施', en: 'Suspend the project' },
  recover: { zh: '收回资金', en: 'Recover funds' },
}
/** Kinds that hold payments until lifted; the payment system reads them at GET /api/execution/holds. */
export const paymentHoldKinds: readonly CorrectiveActionKind[] = ['hold_payment', 'stop_payment']
/** Kinds that carry an amount. */
export const amountActionKinds: readonly CorrectiveActionKind[] = ['hold_payment', 'stop_payment', 'cut_budget', 'recover']

export const correctiveActionStatuses = ['open', 'responded', 'closed'] as const
export type CorrectiveActionStatus = (typeof correctiveActionStatuses)[number]
export const correctiveActionStatusLabels: Record<CorrectiveActionStatus, Labels> = {
  open: { zh: '待答复', en: 'Awaiting response' },
  responded: { zh: '已答复', en: 'Responded' },
  closed: { zh: '已办结', en: 'Closed' },
}

/** Why a form is in 重点监控: rule-set criteria or a manual pick. */
export const keyMonitoringReasons = ['major', 'amount', 'last_red', 'last_late', 'low_execution', 'manual'] as const
export type KeyMonitoringReason = (typeof keyMonitoringReasons)[number]
export const keyMonitoringReasonLabels: Record<KeyMonitoringReason, Labels> = {
  major: { zh: '重大项目', en: 'Major project' },
  amount: { zh: '金额达到重点监控标准', en: 'Amount at or above the threshold' },
  last_red: { zh: '上一批次亮红灯', en: 'Red in the last round' },
  last_late: { zh: '上一批次逾期未报', en: 'Late in the last round' },
  low_execution: { zh: '预算执行率偏低', en: 'Low budget execution' },
  manual: { zh: '财政指定', en: 'Picked by finance' },
}

/** Where a payment row came from. */
export const paymentSources = ['import', 'api', 'demo', 'generated'] as const
export type PaymentSource = (typeof paymentSources)[number]

/** The budgets whose project spending is monitored ("不留死角"): 一般公共, 政府性基金, 国有资本经营. §5 */
export const monitoredBudgetKinds = ['general', 'fund', 'state_capital'] as const
/** Project statuses in a round's scope. */
export const monitoredProjectStatuses = ['budgeted', 'executing'] as const
