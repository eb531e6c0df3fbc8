/**
 * 绩效评价: the vocabulary shared by self-evaluation (单位自评), spot-checks (抽查复核), department and finance key
 * evaluations (部门评价 / 财政重点评价), third-party agencies and experts, and the web app. REFERENCE §6–7,
 * §13.1–19, 38–41, 44–45. The scoring of a 自评表 is in self-evaluation.ts, on top of scoring.ts.
 */

export type Labels = { zh: string; en: string }

/** A 自评表's workflow: the unit fills and submits, the department accepts or returns, finance accepts. */
export const selfEvalStatuses = ['draft', 'submitted', 'dept_accepted', 'returned', 'accepted'] as const
export type SelfEvalStatus = (typeof selfEvalStatuses)[number]
export const selfEvalStatusLabels: Record<SelfEvalStatus, Labels> = {
  draft: { zh: '填报中', en: 'Being filled' },
  submitted: { zh: '待部门审核', en: 'Awaiting department' },
  dept_accepted: { zh: '待财政审核', en: 'Awaiting finance' },
  returned: { zh: '已退回', en: 'Returned' },
  accepted: { zh: '已审核', en: 'Accepted' },
}
/** Statuses that count as "submitted" for coverage (rule 38): the unit has handed its 自评表 in. */
export const selfEvalSubmittedStatuses: readonly SelfEvalStatus[] = ['submitted', 'dept_accepted', 'accepted']

/** A 自评表 per budgeted or executed project (项目自评) and one per department overall goal (部门整体自评). */
export const selfEvalFormKinds = ['project', 'department'] as const
export type SelfEvalFormKind = (typeof selfEvalFormKinds)[number]

/** A round is 'opening' while its forms are being created in the background; units see it from 'open'. */
export const selfEvalRoundStatuses = ['opening', 'open', 'closed'] as const
export type SelfEvalRoundStatus = (typeof selfEvalRoundStatuses)[number]
export const selfEvalRoundStatusLabels: Record<SelfEvalRoundStatus, Labels> = {
  opening: { zh: '生成中', en: 'Opening' },
  open: { zh: '进行中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
}

/** 部门评价 (a department on its own projects) and 财政重点评价 (finance). §6.1 */
export const keyEvaluationLevels = ['department', 'finance'] as const
export type KeyEvaluationLevel = (typeof keyEvaluationLevels)[number]
export const keyEvaluationLevelLabels: Record<KeyEvaluationLevel, Labels> = {
  department: { zh: '部门评价', en: 'Department evaluation' },
  finance: { zh: '财政重点评价', en: 'Finance key evaluation' },
}

/** What a key evaluation evaluates. §6.1 */
export const evaluationObjectKinds = ['project', 'policy', 'department', 'transfer'] as const
export type EvaluationObjectKind = (typeof evaluationObjectKinds)[number]
export const evaluationObjectKindLabels: Record<EvaluationObjectKind, Labels> = {
  project: { zh: '项目', en: 'Project' },
  policy: { zh: '政策', en: 'Policy' },
  department: { zh: '部门整体', en: 'Department overall' },
  transfer: { zh: '转移支付', en: 'Transfer payment' },
}

/**
 * The stages of a key evaluation (§6.6 procedure): chosen, planned (工作方案), in the field (资料收集、现场调研),
 * 交换意见 with the evaluated unit (rule 41: required before the result is final), final, reported.
 */
export const keyEvaluationStages = ['selected', 'planning', 'fieldwork', 'exchange', 'final', 'reported'] as const
export type KeyEvaluationStage = (typeof keyEvaluationStages)[number]
export const keyEvaluationStageLabels: Record<KeyEvaluationStage, Labels> = {
  selected: { zh: '已确定对象', en: 'Selected' },
  planning: { zh: '制定工作方案', en: 'Planning' },
  fieldwork: { zh: '现场评价', en: 'Field work' },
  exchange: { zh: '交换意见', en: 'Exchanging views' },
  final: { zh: '形成结论', en: 'Concluded' },
  reported: { zh: '已提交报告', en: 'Reported' },
}

/** Indicator framework templates of key evaluations. §6.3, §6.7, rule 40 */
export const evaluationTemplates = ['no10', 'y2013', 'department'] as const
export type EvaluationTemplate = (typeof evaluationTemplates)[number]
export const evaluationTemplateLabels: Record<EvaluationTemplate, Labels> = {
  no10: { zh: '10号文 决策/过程/产出/效益', en: 'No. 10 (decision / process / output / benefit)' },
  y2013: { zh: '2013 投入/过程/产出/效果', en: '2013 (input / process / output / effect)' },
  department: { zh: '部门整体支出', en: 'Department overall spending' },
}

/** 第三方机构 types. 财监〔2021〕4号, §7 */
export const agencyTypes = ['consulting', 'accounting', 'appraisal', 'law', 'research', 'university'] as const
export type AgencyType = (typeof agencyTypes)[number]
export const agencyTypeLabels: Record<AgencyType, Labels> = {
  consulting: { zh: '专业咨询机构', en: 'Consultancy' },
  accounting: { zh: '会计师事务所', en: 'Accounting firm' },
  appraisal: { zh: '资产评估机构', en: 'Asset appraisal firm' },
  law: { zh: '律师事务所', en: 'Law firm' },
  research: { zh: '科研院所', en: 'Research institute' },
  university: { zh: '高等院校', en: 'University' },
}

export const agencyCreditStatuses = ['good', 'warned', 'blacklisted'] as const
export type AgencyCreditStatus = (typeof agencyCreditStatuses)[number]
export const agencyCreditStatusLabels: Record<AgencyCreditStatus, Labels> = {
  good: { zh: '良好', en: 'Good' },
  warned: { zh: '警示', en: 'Warned' },
  blacklisted: { zh: '失信', en: 'Blacklisted' },
}

/** How an engagement was procured. Rule 44 */
export const procurementMethods = ['government_procurement', 'purchase_of_services'] as const
export type ProcurementMethod = (typeof procurementMethods)[number]
export const procurementMethodLabels: Record<ProcurementMethod, Labels> = {
  government_procurement: { zh: '政府采购', en: 'Government procurement' },
  purchase_of_services: { zh: '政府购买服务', en: 'Government purchase of services' },
}

/** Why an agency may not take an engagement (rule 44, 6号 利益冲突回避); each a stable code the API names. */
export const agencyConflictReasons = ['is_commissioner', 'is_object', 'related_to_commissioner', 'related_to_object', 'earlier_stage', 'major_violation', 'blacklisted'] as const
export type AgencyConflictReason = (typeof agencyConflictReasons)[number]
export const agencyConflictReasonLabels: Record<AgencyConflictReason, Labels> = {
  is_commissioner: { zh: '机构即为委托方', en: 'The agency is the commissioning party' },
  is_object: { zh: '机构即为被评价对象', en: 'The agency is the evaluated object' },
  related_to_commissioner: { zh: '机构与委托方存在关联关系', en: 'The agency is related to the commissioning party' },
  related_to_object: { zh: '机构与被评价对象存在关联关系', en: 'The agency is related to the evaluated object' },
  earlier_stage: { zh: '机构曾承担同一对象的前期工作（事前评估或监控核查）', en: 'The agency did an earlier stage for the same object (ex-ante assessment or monitoring verification)' },
  major_violation: { zh: '机构近三年内有重大违规记录', en: 'The agency has a major violation within the look-back period' },
  blacklisted: { zh: '机构信用状态为失信', en: 'The agency is blacklisted' },
}

/** Why an expert is left out of a draw (avoidance, 回避). */
export const expertAvoidanceReasons = ['same_unit', 'same_department', 'declared_relation', 'recently_engaged', 'inactive'] as const
export type ExpertAvoidanceReason = (typeof expertAvoidanceReasons)[number]
export const expertAvoidanceReasonLabels: Record<ExpertAvoidanceReason, Labels> = {
  same_unit: { zh: '与被评价对象同一单位', en: 'Same unit as the object' },
  same_department: { zh: '与被评价对象同一部门', en: 'Same department as the object' },
  declared_relation: { zh: '申报了关联关系', en: 'Declared relation' },
  recently_engaged: { zh: '近期已参与评审', en: 'Engaged recently' },
  inactive: { zh: '已停用', en: 'Inactive' },
}
