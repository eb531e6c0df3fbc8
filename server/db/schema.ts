import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { CostKind, IndicatorContent, IndicatorStatus } from '../../domain/indicators.ts'
import type { ProjectInput, ProjectStatus } from '../../domain/projects.ts'
import type { GoalKind, GoalStatus, ReviewStage } from '../../domain/goals.ts'
import type { IndicatorNature, ValueBasis } from '../../domain/indicators.ts'
import type { BudgetProposalAction, Grade } from '../../domain/rule-set.ts'
import type { BudgetDecisionSubject } from '../../domain/results.ts'
import type { FindingOrigin, RectificationMove, RectificationSourceType, RectificationStatus } from '../../domain/results.ts'
import type { AssessmentItemKind, AssessmentMetric, AssessmentStatus } from '../../domain/assessment.ts'
import type { CauseCategory, CorrectiveActionKind, CorrectiveActionStatus, Likelihood, MonitoringFormKind, MonitoringFormStatus, MonitoringRoundStatus, PaymentSource } from '../../domain/monitoring.ts'
import type { Light } from '../../domain/lights.ts'
import type { PublicRecordKind } from '../../domain/disclosure.ts'
import type { InterviewSourceType } from '../../domain/interviews.ts'
import type { EvaluationObjectKind, EvaluationTemplate, KeyEvaluationLevel, KeyEvaluationStage } from '../../domain/evaluation.ts'
import type { SelfEvalFormKind, SelfEvalRoundStatus, SelfEvalStatus } from '../../domain/evaluation.ts'
import type { AssessorKind, ExAnteChecklist, ExAnteConclusion, ExAnteKind, ExAnteScores, ExAnteStatus } from '../../domain/exante.ts'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

import type { ActiveStatus, JurisdictionLevel, OrgKind } from '../../domain/org.ts'

export type { ActiveStatus, JurisdictionLevel, OrgKind }

export interface OrgNodeTable {
  code: string
  kind: OrgKind
  name: string
  level: JurisdictionLevel | null
  parentCode: string | null
  jurisdictionCode: string
  departmentCode: string | null
  path: string
  financeBureauName: string | null
  formerNames: ColumnType<string[], string[] | undefined, string[]>
  status: ColumnType<ActiveStatus, ActiveStatus | undefined, ActiveStatus>
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface AppUserTable {
  id: Generated<string>
  username: string
  displayName: string
  passwordHash: string
  orgCode: string
  roles: string[]
  status: ColumnType<ActiveStatus, ActiveStatus | undefined, ActiveStatus>
  failedLoginCount: Generated<number>
  lockedUntil: Date | null
  lastFailedLoginAt: Date | null
  lastLoginAt: Date | null
  mustChangePassword: Generated<boolean>
  passwordChangedAt: Timestamp
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface UserSessionTable {
  tokenHash: string
  userId: string
  createdAt: Date
  lastSeenAt: Date
  clientIp: string | null
  userAgent: string | null
}

/** Failed sign-ins of one account from one client address, and whether that address ever signed in to it. */
export interface LoginSourceTable {
  userId: string
  clientIp: string
  failedCount: Generated<number>
  lastFailedAt: Date | null
  lockedUntil: Date | null
  lastSuccessAt: Date | null
}

export interface SettingTable {
  key: string
  value: unknown
  version: Generated<number>
  updatedAt: Timestamp
}

export interface AuditLogTable {
  seq: number
  at: Date
  actorId: string | null
  actorUsername: string | null
  actorOrgPath: string | null
  action: string
  entityType: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
  clientIp: string | null
  prevHash: string
  hash: string
}

export interface AuditHeadTable {
  id: number
  seq: number
  hash: string
  /** The first seq hashed with the key (HMAC); rows before it have plain SHA-256 links. */
  keyedFromSeq: number
  /** Fingerprint of the chain's key, set by the first keyed append. */
  keyId: string | null
}

/** An audit year moved to a file and out of the database (jixiao audit archive, ADR 0016). */
export interface AuditArchiveTable {
  year: number
  firstSeq: number
  lastSeq: number
  firstPrevHash: string
  lastHash: string
  rowCount: number
  sha256: string
  fileName: string
  archivedAt: Generated<Date>
}

export interface StoredFileTable {
  id: Generated<string>
  sha256: string
  fileName: string
  contentType: string
  sizeBytes: number
  content: Uint8Array
  /** 0: the bytes are in `content`; else they are in this many stored_file_chunk rows (large uploads). */
  chunkCount: Generated<number>
  createdBy: string | null
  createdAt: Timestamp
}

export interface StoredFileChunkTable {
  fileId: string
  seq: number
  data: Uint8Array
}

/** Money columns are numeric(18,2): decimal strings both ways, never floats. */
export interface ProjectTable extends ProjectInput {
  id: Generated<string>
  jurisdictionCode: string
  departmentCode: string
  amountFiscal: string
  amountTotal: string
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>
  searchText: string
  version: Generated<number>
  createdBy: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface ProjectAttachmentTable {
  id: Generated<string>
  projectId: string
  fileId: string
  createdBy: string | null
  createdAt: Timestamp
}

export interface IndicatorFrameworkTable {
  code: string
  name: string
  description: ColumnType<string, string | undefined, string>
  jurisdictionCode: string | null
  fiscalYearFrom: number
  status: ColumnType<ActiveStatus, ActiveStatus | undefined, ActiveStatus>
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface FrameworkNodeTable {
  id: Generated<string>
  frameworkCode: string
  parentId: string | null
  level: 1 | 2
  name: string
  sortOrder: number
  /** Library placements ("产出指标/成本指标", "产出指标/成本指标#social") this node shows. */
  mapsFrom: ColumnType<string[], string[] | undefined, string[]>
}

/** One revision of a library indicator: the domain's content, then identity, owner and lifecycle. */
export interface IndicatorTable extends Omit<IndicatorContent, 'costKind' | 'exampleTarget'> {
  id: Generated<string>
  code: string
  revision: Generated<number>
  costKind: CostKind | null
  exampleTarget: string | null
  ownerJurisdictionCode: string | null
  validFromYear: number
  validToYear: number | null
  status: IndicatorStatus
  proposedBy: string | null
  proposedOrgCode: string | null
  proposalReason: string | null
  reviewOpinion: string | null
  reviewedBy: string | null
  reviewedAt: Date | null
  changeNote: string | null
  docLength: ColumnType<number, number | undefined, number>
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface IndicatorTermTable {
  term: string
  indicatorId: string
  tf: number
}

export interface RuleSetTable {
  id: Generated<string>
  jurisdictionCode: string
  fiscalYear: number
  revision: number
  overrides: unknown
  note: string
  isCurrent: boolean
  createdBy: string | null
  createdAt: Timestamp
}

export interface GoalTable {
  id: Generated<string>
  lineageId: string
  revision: ColumnType<number, number | undefined, number>
  kind: GoalKind
  projectId: string | null
  fiscalYear: number
  jurisdictionCode: string
  departmentCode: string
  unitCode: string | null
  name: string
  overallTarget: string
  mediumTermTarget: string
  annualTarget: string
  frameworkCode: string
  status: GoalStatus
  reviewRound: ColumnType<number, number | undefined, number>
  financeGrade: Grade | null
  adjustmentReason: string | null
  basedOnId: string | null
  /** The last quality findings (GoalFinding[]), stored so reviewers see what the unit saw. */
  quality: ColumnType<unknown, string | undefined, string>
  submittedAt: Date | null
  approvedAt: Date | null
  approvedBy: string | null
  publishedAt: Date | null
  inForceFrom: Date | null
  inForceTo: Date | null
  version: Generated<number>
  createdBy: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface GoalIndicatorTable {
  id: Generated<string>
  goalId: string
  sortOrder: number
  level1: string
  level2: string
  name: string
  indicatorId: string | null
  indicatorCode: string | null
  nature: IndicatorNature
  target: string
  unit: string
  targetNumber: string | null
  targetBaseUnit: string | null
  mediumTermTarget: string | null
  weight: string | null
  valueBasis: ValueBasis
  scoringRule: string
}

export interface GoalOpinionTable {
  id: Generated<string>
  seq: Generated<string>
  goalId: string
  round: number
  stage: ReviewStage | 'unit'
  action: string
  grade: Grade | null
  dimensions: ColumnType<unknown, string | undefined, string>
  opinion: string
  actorId: string | null
  orgCode: string | null
  createdAt: Timestamp
}

export interface GoalExpertReviewTable {
  id: Generated<string>
  goalId: string
  round: number
  expertId: string
  assignedBy: string | null
  assignedAt: Timestamp
  score: string | null
  grade: Grade | null
  dimensions: ColumnType<unknown, string | undefined, string>
  opinion: ColumnType<string, string | undefined, string>
  submittedAt: Date | null
}

export interface ExAnteAssessmentTable {
  id: Generated<string>
  projectId: string
  jurisdictionCode: string
  fiscalYear: number
  kind: ExAnteKind
  assessorKind: AssessorKind
  assessorOrgCode: string
  assignedUserId: string | null
  dimensionPoints: string
  scores: ColumnType<ExAnteScores, string | undefined, string>
  total: ColumnType<string, string | undefined, string>
  conclusion: ExAnteConclusion | null
  opinion: ColumnType<string, string | undefined, string>
  process: ColumnType<string, string | undefined, string>
  suggestions: ColumnType<string, string | undefined, string>
  otherIssues: ColumnType<string, string | undefined, string>
  attachments: ColumnType<ExAnteChecklist, string | undefined, string>
  status: ColumnType<ExAnteStatus, ExAnteStatus | undefined, ExAnteStatus>
  submittedAt: Date | null
  concludedAt: Date | null
  concludedBy: string | null
  version: Generated<number>
  createdBy: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface Database {
  orgNode: OrgNodeTable
  appUser: AppUserTable
  userSession: UserSessionTable
  loginSource: LoginSourceTable
  setting: SettingTable
  auditLog: AuditLogTable
  auditHead: AuditHeadTable
  auditArchive: AuditArchiveTable
  storedFile: StoredFileTable
  storedFileChunk: StoredFileChunkTable
  keyEvaluation: KeyEvaluationTable
  keyEvaluationPlan: KeyEvaluationPlanTable
  keyEvaluationLine: KeyEvaluationLineTable
  keyEvaluationEvidence: KeyEvaluationEvidenceTable
  keyEvaluationFieldwork: KeyEvaluationFieldworkTable
  keyEvaluationExchange: KeyEvaluationExchangeTable
  keyEvaluationSurvey: KeyEvaluationSurveyTable
  keyEvaluationSurveyResponse: KeyEvaluationSurveyResponseTable
  spotCheck: SpotCheckTable
  rectification: RectificationTable
  rectificationEvidence: RectificationEvidenceTable
  rectificationEvent: RectificationEventTable
  budgetDecision: BudgetDecisionTable
  assessment: AssessmentTable
  assessmentItem: AssessmentItemTable
  interview: InterviewTable
  accountability: AccountabilityTable
  publicRecord: PublicRecordTable
  transferAllocationPlan: TransferAllocationPlanTable
  transferAllocation: TransferAllocationTable
  disclosureDecision: DisclosureDecisionTable
  spotCheckItem: SpotCheckItemTable
  project: ProjectTable
  projectAttachment: ProjectAttachmentTable
  indicatorFramework: IndicatorFrameworkTable
  frameworkNode: FrameworkNodeTable
  indicator: IndicatorTable
  indicatorTerm: IndicatorTermTable
  ruleSet: RuleSetTable
  goal: GoalTable
  goalIndicator: GoalIndicatorTable
  goalOpinion: GoalOpinionTable
  goalExpertReview: GoalExpertReviewTable
  exanteAssessment: ExAnteAssessmentTable
  projectCodeCounter: ProjectCodeCounterTable
  executionPayment: ExecutionPaymentTable
  budgetAdjustment: BudgetAdjustmentTable
  monitoringRound: MonitoringRoundTable
  monitoringForm: MonitoringFormTable
  monitoringFormIndicator: MonitoringFormIndicatorTable
  monitoringOpinion: MonitoringOpinionTable
  correctiveAction: CorrectiveActionTable
  correctiveActionEvent: CorrectiveActionEventTable
  jobRun: JobRunTable
  agency: AgencyTable
  agencyRelation: AgencyRelationTable
  agencyViolation: AgencyViolationTable
  agencyEngagement: AgencyEngagementTable
  expert: ExpertTable
  expertRelation: ExpertRelationTable
  expertDraw: ExpertDrawTable
  expertScoreSheet: ExpertScoreSheetTable
  selfEvalRound: SelfEvalRoundTable
  selfEvalForm: SelfEvalFormTable
  selfEvalIndicator: SelfEvalIndicatorTable
  selfEvalOpinion: SelfEvalOpinionTable
  cockpitSummary: CockpitSummaryTable
  cockpitRefresh: CockpitRefreshTable
}

/** A 国库集中支付 payment; `paidOn` is a 'YYYY-MM-DD' string, `amount` a decimal string. */
export interface ExecutionPaymentTable {
  id: Generated<string>
  jurisdictionCode: string
  projectId: string
  fiscalYear: number
  paidOn: string
  month: number
  amount: string
  fundSource: string
  voucherNo: string
  source: PaymentSource
  createdBy: string | null
  createdAt: Timestamp
}

export interface BudgetAdjustmentTable {
  id: Generated<string>
  projectId: string
  fiscalYear: number
  amount: string
  reason: string
  adjustedOn: string
  actionId: string | null
  createdBy: string | null
  createdAt: Timestamp
}

export interface MonitoringRoundTable {
  id: Generated<string>
  jurisdictionCode: string
  fiscalYear: number
  cutoffMonth: number
  name: string
  adhoc: ColumnType<boolean, boolean | undefined, boolean>
  deadline: Timestamp
  status: MonitoringRoundStatus
  formCount: ColumnType<number, number | undefined, number>
  keyCount: ColumnType<number, number | undefined, number>
  jobId: string | null
  openedBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface MonitoringFormTable {
  id: Generated<string>
  roundId: string
  kind: MonitoringFormKind
  projectId: string | null
  goalId: string | null
  jurisdictionCode: string
  departmentCode: string
  unitCode: string | null
  fiscalYear: number
  cutoffMonth: number
  status: ColumnType<MonitoringFormStatus, MonitoringFormStatus | undefined, MonitoringFormStatus>
  isKey: ColumnType<boolean, boolean | undefined, boolean>
  keyReasons: ColumnType<string[], string[] | undefined, string[]>
  budgetInitial: ColumnType<string, string | undefined, string>
  budgetAdjusted: ColumnType<string, string | undefined, string>
  executed: ColumnType<string, string | undefined, string>
  executionRate: string | null
  unitForecast: string | null
  systemForecast: string | null
  /** The forecast's explanation (ForecastExplained), stored as computed. */
  forecastExplained: ColumnType<unknown, string | null | undefined, string | null>
  forecastFlagged: ColumnType<boolean, boolean | undefined, boolean>
  fundsNote: ColumnType<string, string | undefined, string>
  overallProgress: ColumnType<string, string | undefined, string>
  budgetLight: Light | null
  projectLight: Light | null
  /** { budget: Explained<Light>, project: Explained<Light | null> } as computed. */
  lightsExplained: ColumnType<unknown, string | null | undefined, string | null>
  extensionUntil: Date | null
  agencyUserId: string | null
  remindedAt: Date | null
  remindCount: ColumnType<number, number | undefined, number>
  submittedAt: Date | null
  acceptedAt: Date | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface MonitoringFormIndicatorTable {
  id: Generated<string>
  formId: string
  /** The form's fiscal year, the partition key (ADR 0016). */
  fiscalYear: number
  goalIndicatorId: string | null
  sortOrder: number
  level1: string
  level2: string
  name: string
  nature: IndicatorNature
  target: string
  unit: string
  progress: string | null
  likelihood: Likelihood | null
  causeCategory: CauseCategory | null
  deviationAnalysis: ColumnType<string, string | undefined, string>
  measures: ColumnType<string, string | undefined, string>
  light: Light | null
}

export interface MonitoringOpinionTable {
  id: Generated<string>
  seq: Generated<string>
  formId: string
  stage: 'unit' | 'dept' | 'finance' | 'agency'
  action: string
  opinion: ColumnType<string, string | undefined, string>
  actorId: string | null
  orgCode: string | null
  createdAt: Timestamp
}

export interface CorrectiveActionTable {
  id: Generated<string>
  jurisdictionCode: string
  departmentCode: string
  unitCode: string | null
  projectId: string | null
  formId: string | null
  roundId: string | null
  kind: CorrectiveActionKind
  title: string
  content: ColumnType<string, string | undefined, string>
  amount: string | null
  dueOn: string | null
  status: ColumnType<CorrectiveActionStatus, CorrectiveActionStatus | undefined, CorrectiveActionStatus>
  liftedAt: Date | null
  liftedBy: string | null
  goalAdjustmentId: string | null
  issuerOrgCode: string
  issuedBy: string | null
  response: ColumnType<string, string | undefined, string>
  respondedAt: Date | null
  respondedBy: string | null
  closedAt: Date | null
  closedBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface CorrectiveActionEventTable {
  id: Generated<string>
  seq: Generated<string>
  actionId: string
  event: 'issue' | 'respond' | 'return' | 'close' | 'lift' | 'update'
  note: ColumnType<string, string | undefined, string>
  attachmentIds: ColumnType<string[], string[] | undefined, string[]>
  actorId: string | null
  createdAt: Timestamp
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed'
export interface JobRunTable {
  id: Generated<string>
  kind: string
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>
  jurisdictionCode: string | null
  entityType: string | null
  entityId: string | null
  data: ColumnType<unknown, string | undefined, string>
  done: ColumnType<number, number | undefined, number>
  total: number | null
  message: ColumnType<string, string | undefined, string>
  result: ColumnType<unknown, string | null | undefined, string | null>
  error: string | null
  attempts: ColumnType<number, number | undefined, number>
  createdBy: string | null
  createdAt: Timestamp
  startedAt: Date | null
  finishedAt: Date | null
  updatedAt: Timestamp
}

/** The last serial drawn in each 项目编码 series (projects.codes.ts). */
export interface ProjectCodeCounterTable {
  series: string
  lastSerial: number
  updatedAt: Date
}

export type OrgNode = Selectable<OrgNodeTable>
export type NewOrgNode = Insertable<OrgNodeTable>
export type OrgNodeUpdate = Updateable<OrgNodeTable>
export type AppUser = Selectable<AppUserTable>
export type AuditLog = Selectable<AuditLogTable>
export type Project = Selectable<ProjectTable>
export type NewProject = Insertable<ProjectTable>
export type Indicator = Selectable<IndicatorTable>
export type NewIndicator = Insertable<IndicatorTable>
export type RuleSetRow = Selectable<RuleSetTable>

/** A 部门评价 or 财政重点评价 (issue 12). Details (plan, framework, evidence, log, 交换意见) hang off it. */
export interface KeyEvaluationTable {
  id: Generated<string>
  jurisdictionCode: string
  fiscalYear: number
  level: KeyEvaluationLevel
  objectKind: EvaluationObjectKind
  projectId: string | null
  commissionerCode: string
  departmentCode: string | null
  unitCode: string | null
  name: string
  template: EvaluationTemplate
  stage: Generated<KeyEvaluationStage>
  total: string | null
  grade: Grade | null
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** A key evaluation's selection and work plan, and the narrative of its report (§6.6). */
export interface KeyEvaluationPlanTable {
  keyEvaluationId: string
  selectionKind: ColumnType<'major' | 'sample' | 'manual', 'major' | 'sample' | 'manual' | undefined, 'major' | 'sample' | 'manual'>
  selectionSeed: string | null
  selectionReason: Generated<string>
  purpose: Generated<string>
  scope: Generated<string>
  methods: Generated<string>
  schedule: Generated<string>
  team: Generated<string>
  overview: Generated<string>
  conclusion: Generated<string>
  experience: Generated<string>
  problems: Generated<string>
  suggestions: Generated<string>
  otherNotes: Generated<string>
}

/** One indicator of a key evaluation's framework: weight and score are numeric(5,2) strings. */
export interface KeyEvaluationLineTable {
  id: Generated<string>
  keyEvaluationId: string
  seq: number
  level1: string
  level2: Generated<string>
  level3: string
  weight: string
  score: string | null
  formula: string | null
  inputs: ColumnType<Record<string, string> | null, string | null, string | null>
  value: string | null
  basis: Generated<string>
}

export interface KeyEvaluationEvidenceTable {
  id: Generated<string>
  keyEvaluationId: string
  lineId: string
  fileId: string
  note: Generated<string>
  createdBy: string | null
  createdAt: Timestamp
}

export interface KeyEvaluationFieldworkTable {
  id: Generated<string>
  keyEvaluationId: string
  visitedOn: ColumnType<string, string, string>
  place: string
  people: Generated<string>
  notes: Generated<string>
  createdBy: string | null
  createdAt: Timestamp
}

/** 交换意见: the evaluated unit's opinion on the draft result (rule 41). */
export interface KeyEvaluationExchangeTable {
  id: Generated<string>
  keyEvaluationId: string
  orgCode: string
  draftTotal: string | null
  opinion: string
  createdBy: string | null
  createdAt: Timestamp
}

export interface KeyEvaluationSurveyTable {
  keyEvaluationId: string
  title: string
  questions: ColumnType<string[], string, string>
  target: Generated<string>
  responses: Generated<number>
  answers: Generated<number>
  satisfied: Generated<number>
  rate: string | null
  fileName: string | null
  importedAt: Date | null
  version: Generated<number>
}

export interface KeyEvaluationSurveyResponseTable {
  id: Generated<string>
  keyEvaluationId: string
  rowNo: number
  respondent: Generated<string>
  answers: ColumnType<string[], string, string>
}

// Third-party agencies and the expert pool (issue 12, rules 44–45): agencies-experts migration.
export interface AgencyTable {
  id: Generated<string>
  jurisdictionCode: string
  name: string
  creditCode: string
  type: import('../../domain/evaluation.ts').AgencyType
  qualifications: ColumnType<string, string | undefined, string>
  staffCount: ColumnType<number, number | undefined, number>
  creditStatus: ColumnType<import('../../domain/evaluation.ts').AgencyCreditStatus, import('../../domain/evaluation.ts').AgencyCreditStatus | undefined, import('../../domain/evaluation.ts').AgencyCreditStatus>
  contactPerson: ColumnType<string, string | undefined, string>
  contactPhone: ColumnType<string, string | undefined, string>
  orgCode: string | null
  userIds: ColumnType<string[], string[] | undefined, string[]>
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}
export interface AgencyRelationTable {
  id: Generated<string>
  agencyId: string
  orgCode: string
  relation: string
  createdAt: Timestamp
}
/** `occurredOn` is a 'YYYY-MM-DD' string. */
export interface AgencyViolationTable {
  id: Generated<string>
  agencyId: string
  occurredOn: string
  severity: 'major' | 'minor'
  description: string
  createdAt: Timestamp
}
export interface AgencyEngagementTable {
  id: Generated<string>
  agencyId: string
  keyEvaluationId: string
  jurisdictionCode: string
  commissionerCode: string
  procurementMethod: import('../../domain/evaluation.ts').ProcurementMethod
  contractNo: string
  fee: string
  status: ColumnType<'engaged' | 'delivered' | 'terminated', 'engaged' | 'delivered' | 'terminated' | undefined, 'engaged' | 'delivered' | 'terminated'>
  qualityRating: number | null
  ratingComment: ColumnType<string, string | undefined, string>
  ratedBy: string | null
  ratedAt: Date | null
  subcontracted: ColumnType<boolean, boolean | undefined, boolean>
  subcontractNote: ColumnType<string, string | undefined, string>
  note: ColumnType<string, string | undefined, string>
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}
export interface ExpertTable {
  id: Generated<string>
  jurisdictionCode: string
  name: string
  fields: ColumnType<string[], string[] | undefined, string[]>
  affiliationCode: string | null
  affiliation: ColumnType<string, string | undefined, string>
  title: ColumnType<string, string | undefined, string>
  phone: ColumnType<string, string | undefined, string>
  active: ColumnType<boolean, boolean | undefined, boolean>
  userId: string | null
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}
export interface ExpertRelationTable {
  id: Generated<string>
  expertId: string
  orgCode: string
  relation: string
  createdAt: Timestamp
}
export interface ExpertDrawTable {
  id: Generated<string>
  keyEvaluationId: string
  jurisdictionCode: string
  seed: string
  criteria: ColumnType<unknown, string, string>
  candidates: ColumnType<unknown, string, string>
  drawnIds: string[]
  drawnBy: string | null
  drawnAt: Timestamp
}
export interface ExpertScoreSheetTable {
  id: Generated<string>
  drawId: string
  keyEvaluationId: string
  expertId: string
  scores: ColumnType<unknown, string | undefined, string>
  total: string | null
  comment: ColumnType<string, string | undefined, string>
  submittedAt: Date | null
  version: Generated<number>
  updatedAt: Timestamp
}

/** 单位自评 (issue 12): a round per jurisdiction and year, a 自评表 per project / department overall goal. */
export interface SelfEvalRoundTable {
  id: Generated<string>
  jurisdictionCode: string
  fiscalYear: number
  name: string
  deadline: Timestamp
  status: SelfEvalRoundStatus
  formCount: ColumnType<number, number | undefined, number>
  jobId: string | null
  openedBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface SelfEvalFormTable {
  id: Generated<string>
  roundId: string
  kind: SelfEvalFormKind
  projectId: string | null
  goalId: string | null
  jurisdictionCode: string
  departmentCode: string
  unitCode: string | null
  fiscalYear: number
  status: ColumnType<SelfEvalStatus, SelfEvalStatus | undefined, SelfEvalStatus>
  budgetInitial: ColumnType<string, string | undefined, string>
  budget: ColumnType<string, string | undefined, string>
  executed: ColumnType<string, string | undefined, string>
  executionWeight: ColumnType<string, string | undefined, string>
  executionRate: string | null
  executionScore: string | null
  executionReason: string | null
  overallTarget: ColumnType<string, string | undefined, string>
  overallActual: ColumnType<string, string | undefined, string>
  problems: ColumnType<string, string | undefined, string>
  measures: ColumnType<string, string | undefined, string>
  total: string | null
  grade: Grade | null
  explanations: ColumnType<unknown, string | null | undefined, string | null>
  monitoringSummary: ColumnType<unknown, string | null | undefined, string | null>
  /** A later deadline finance granted this form (or its unit) after the round's. */
  extensionUntil: Date | null
  submittedAt: Date | null
  acceptedAt: Date | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface SelfEvalIndicatorTable {
  id: Generated<string>
  formId: string
  goalIndicatorId: string | null
  sortOrder: number
  level1: string
  level2: ColumnType<string, string | undefined, string>
  name: string
  nature: IndicatorNature
  target: ColumnType<string, string | undefined, string>
  unit: ColumnType<string, string | undefined, string>
  weight: ColumnType<string, string | undefined, string>
  actual: string | null
  applicable: ColumnType<boolean, boolean | undefined, boolean>
  proposedScore: string | null
  score: string | null
  overrideScore: string | null
  overrideReason: string | null
  deviationReason: string | null
  explained: ColumnType<unknown, string | null | undefined, string | null>
}

export interface SelfEvalOpinionTable {
  id: Generated<string>
  seq: Generated<string>
  formId: string
  action: string
  fromStatus: string
  toStatus: string
  opinion: ColumnType<string, string | undefined, string>
  actorId: string | null
  orgCode: string | null
  createdAt: Timestamp
}

/** 抽查复核 (issue 12): a sample of submitted 自评表 drawn by finance, with its seed and pool recorded. */
export interface SpotCheckTable {
  id: Generated<string>
  jurisdictionCode: string
  fiscalYear: number
  name: string
  includeBelow: ColumnType<boolean, boolean | undefined, boolean>
  seed: string
  randomCount: number
  poolSize: number
  poolIds: ColumnType<string[], string[] | undefined, string[]>
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** One sampled 自评表 (named by `formId`, no foreign key): the unit's scores as drawn and the reviewer's re-score. */
export interface SpotCheckItemTable {
  id: Generated<string>
  spotCheckId: string
  formId: string
  pick: 'random' | 'manual'
  position: number
  jurisdictionCode: string
  departmentCode: string | null
  unitCode: string | null
  projectId: string | null
  title: ColumnType<string, string | undefined, string>
  unitSnapshot: ColumnType<unknown, string, string>
  unitTotal: string | null
  unitGrade: Grade | null
  reviewerScores: ColumnType<unknown, string | undefined, string>
  reviewerTotal: string | null
  reviewerGrade: Grade | null
  gap: string | null
  flagged: ColumnType<boolean, boolean | undefined, boolean>
  note: ColumnType<string, string | undefined, string>
  status: ColumnType<'pending' | 'reviewed', 'pending' | 'reviewed' | undefined, 'pending' | 'reviewed'>
  reviewedBy: string | null
  reviewedAt: Date | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** 整改 (issue 13, rule 43): an item raised by a result (source_type + source_id) or by hand (origin), tracked to closure. */
export interface RectificationTable {
  id: Generated<string>
  jurisdictionCode: string
  fiscalYear: number
  sourceType: RectificationSourceType
  sourceId: string | null
  origin: FindingOrigin | null
  projectId: string | null
  ownerCode: string
  departmentCode: string
  problem: string
  requiredMeasure: ColumnType<string, string | undefined, string>
  dueOn: ColumnType<string, string, string>
  status: ColumnType<RectificationStatus, RectificationStatus | undefined, RectificationStatus>
  response: ColumnType<string, string | undefined, string>
  respondedAt: Date | null
  verifiedAt: Date | null
  closedAt: Date | null
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface RectificationEvidenceTable {
  id: Generated<string>
  rectificationId: string
  fileId: string
  note: ColumnType<string, string | undefined, string>
  uploadedBy: string | null
  uploadedAt: Timestamp
}

export interface RectificationEventTable {
  id: Generated<string>
  rectificationId: string
  action: 'raise' | RectificationMove
  fromStatus: RectificationStatus | null
  toStatus: RectificationStatus
  opinion: ColumnType<string, string | undefined, string>
  byUser: string | null
  createdAt: Timestamp
}

/** A next-year budget decision (issue 13, rule 42): the grade's proposal with its formula, and what finance decided. */
export interface BudgetDecisionTable {
  id: Generated<string>
  jurisdictionCode: string
  /** A project's next-year budget, a department's budget (its overall evaluation) or a district's transfers (its 考核). */
  subjectKind: ColumnType<BudgetDecisionSubject, BudgetDecisionSubject | undefined, BudgetDecisionSubject>
  /** The department or district decided on; null for a project. */
  subjectOrgCode: ColumnType<string | null, string | null | undefined, string | null>
  /** The project's department, or the department decided on; null for a district. */
  departmentCode: ColumnType<string | null, string | null | undefined, string | null>
  projectId: string | null
  projectCode: string | null
  fiscalYear: number
  sourceType: 'self_evaluation' | 'key_evaluation' | 'assessment'
  sourceId: string
  grade: Grade
  baseAmount: string
  proposedAction: BudgetProposalAction
  cutPercent: string
  proposedAmount: string
  recoveredAmount: ColumnType<string, string | undefined, string>
  openRectifications: ColumnType<number, number | undefined, number>
  explanation: ColumnType<unknown, string, string>
  decidedAmount: string | null
  reason: ColumnType<string, string | undefined, string>
  decidedBy: string | null
  decidedAt: Date | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** 考核 (issue 13, rule 47): one assessed org (a department or a district bureau) and year. */
export interface AssessmentTable {
  id: Generated<string>
  jurisdictionCode: string
  orgCode: string
  orgKind: 'department' | 'jurisdiction'
  fiscalYear: number
  status: ColumnType<AssessmentStatus, AssessmentStatus | undefined, AssessmentStatus>
  dueOn: ColumnType<string, string, string>
  total: string | null
  grade: Grade | null
  rank: number | null
  totalExplanation: ColumnType<unknown, string | null | undefined, string | null>
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface AssessmentItemTable {
  id: Generated<string>
  assessmentId: string
  sortOrder: number
  code: string
  name: string
  kind: AssessmentItemKind
  points: string
  metric: AssessmentMetric | null
  fullAt: string | null
  zeroBelow: string | null
  figure: ColumnType<unknown, string | null | undefined, string | null>
  computedScore: string | null
  explanation: ColumnType<unknown, string | null | undefined, string | null>
  selfScore: string | null
  selfNote: ColumnType<string, string | undefined, string>
  reviewScore: string | null
  reviewOpinion: ColumnType<string, string | undefined, string>
}


/** 约谈 (issue 13): a poor performer's org interviewed by the bureau, linked to where the finding came from. */
export interface InterviewTable {
  id: Generated<string>
  jurisdictionCode: string
  fiscalYear: number
  orgCode: string
  departmentCode: string | null
  unitCode: string | null
  personTitle: string
  interviewedOn: ColumnType<string, string, string>
  interviewer: string
  reason: string
  sourceType: InterviewSourceType
  sourceId: string
  projectId: string | null
  outcome: ColumnType<string, string | undefined, string>
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** 问责 (issue 13): accountability for a major loss on a project; the loss a decimal string. */
export interface AccountabilityTable {
  id: Generated<string>
  jurisdictionCode: string
  fiscalYear: number
  projectId: string
  departmentCode: string
  unitCode: string | null
  incident: string
  lossAmount: string
  measures: string
  decidedOn: ColumnType<string, string, string>
  decidedBy: string
  createdBy: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** 信息公开 (issue 14): a frozen public copy; `payload` is one of domain/disclosure.ts's Public* shapes. */
export interface PublicRecordTable {
  id: Generated<string>
  kind: PublicRecordKind
  jurisdictionCode: string
  fiscalYear: number
  departmentCode: string | null
  recordKey: string
  sourceType: string
  sourceId: string
  title: string
  payload: ColumnType<unknown, string, string>
  fileId: string | null
  publishedAt: Timestamp
  publishedBy: string | null
  supersededAt: ColumnType<Date | null, Date | null | undefined, Date | null>
  withdrawnAt: ColumnType<Date | null, Date | null | undefined, Date | null>
  withdrawnBy: ColumnType<string | null, string | null | undefined, string | null>
  withdrawalReason: ColumnType<string | null, string | null | undefined, string | null>
}

/** A city 转移支付 project's allocation to districts (issue 13): one version for the whole set. */
export interface TransferAllocationPlanTable {
  projectId: string
  version: Generated<number>
  updatedBy: string | null
  updatedAt: Timestamp
}

export interface TransferAllocationTable {
  projectId: string
  districtCode: string
  amount: string
  /** The district's own project that receives this money (its sub-goal), once the district names it. */
  districtProjectId: ColumnType<string | null, string | null | undefined, string | null>
}

/** 信息公开 (issue 14): the decision on one record — to publish, or not with a reason — and its approval or withdrawal. */
export interface DisclosureDecisionTable {
  id: Generated<string>
  kind: PublicRecordKind
  sourceId: string
  jurisdictionCode: string
  fiscalYear: number
  departmentCode: string | null
  state: 'to_publish' | 'not_to_publish' | 'published' | 'withdrawn'
  reasonCode: string | null
  reasonText: string | null
  decidedBy: string | null
  decidedAt: Timestamp
  approvedBy: ColumnType<string | null, string | null | undefined, string | null>
  approvedAt: ColumnType<Date | null, Date | null | undefined, Date | null>
  withdrawnBy: ColumnType<string | null, string | null | undefined, string | null>
  withdrawnAt: ColumnType<Date | null, Date | null | undefined, Date | null>
  withdrawalReason: ColumnType<string | null, string | null | undefined, string | null>
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** 市区联动 / 驾驶舱 (issue 14): one department's figures of a year, rewritten by the cockpit's refresh job. */
export interface CockpitSummaryTable {
  fiscalYear: number
  jurisdictionCode: string
  departmentCode: string
  projects: number
  projectsWithGoal: number
  projectsMonitored: number
  projectsEvaluated: number
  spending: string
  spendingWithGoal: string
  spendingMonitored: string
  spendingEvaluated: string
  monitoringCutoffMonth: number | null
  monitoringExpected: number
  monitoringReported: number
  lightGreen: number
  lightYellow: number
  lightRed: number
  selfEvalExpected: number
  selfEvalSubmitted: number
  gradeExcellent: number
  gradeGood: number
  gradePass: number
  gradeFail: number
  rectificationRaised: number
  rectificationClosed: number
  budgetAdjusted: string
  executed: string
  refreshedAt: Timestamp
}

/** When the cockpit summary of a jurisdiction and year was last rewritten, and the month its time progress is read at. */
export interface CockpitRefreshTable {
  fiscalYear: number
  jurisdictionCode: string
  refreshedAt: Timestamp
  progressMonth: number | null
  jobRunId: string | null
}
