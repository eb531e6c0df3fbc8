import type { Migration } from 'kysely'
import * as foundation from './2026_11_29_0001_foundation.ts'
import * as projects from './2026_11_29_0002_projects.ts'
import * as projectListOrder from './2026_11_29_0003_project_list_order.ts'
import * as indicators from './2026_11_29_0004_indicators.ts'
import * as goals from './2026_11_29_0005_goals.ts'
import * as exante from './2026_11_29_0006_exante.ts'
import * as loginSources from './2026_12_06_11_login_sources.ts'
import * as auditKeyedChain from './2026_12_06_12_audit_keyed_chain.ts'
import * as frameworkWeights from './2026_12_06_14_framework_weights.ts'
import * as projectCodeCounter from './2026_12_06_17_project_code_counter.ts'
import * as monitoring from './2026_12_07_01_monitoring.ts'
import * as jobQueue from './2026_12_07_11_job_queue.ts'
import * as storedFileChunks from './2026_12_08_01_stored_file_chunks.ts'
import * as indicatorLightExplained from './2026_12_08_02_indicator_light_explained.ts'
import * as keyEvaluationCore from './2026_12_08_11_key_evaluation_core.ts'
import * as keyEvaluations from './2026_12_08_13_key_evaluations.ts'
import * as agenciesExperts from './2026_12_08_14_agencies_experts.ts'
import * as selfEvaluation from './2026_12_08_12_self_evaluation.ts'
import * as spotChecks from './2026_12_08_15_spot_checks.ts'
import * as selfEvalExtension from './2026_12_09_01_self_eval_extension.ts'
import * as resultsCore from './2026_12_09_11_results_core.ts'
import * as assessments from './2026_12_09_12_assessments.ts'
import * as rectificationEventSeq from './2026_12_09_21_rectification_event_seq.ts'
import * as interviewsAccountability from './2026_12_10_11_interviews_accountability.ts'
import * as publicRecords from './2026_12_11_01_public_records.ts'
import * as budgetDecisionSubjects from './2026_12_11_51_budget_decision_subjects.ts'
import * as transferDistrictProjects from './2026_12_11_52_transfer_district_projects.ts'
import * as disclosureDecisions from './2026_12_11_11_disclosure_decisions.ts'
import * as cockpitSummary from './2026_12_11_31_cockpit_summary.ts'
import * as partitionByFiscalYear from './2026_12_12_11_partition_by_fiscal_year.ts'

/** Every migration, in order. A static list works the same under tsx, Vitest and a bundle. */
export const migrations: Record<string, Migration> = {
  '2026_11_29_0001_foundation': foundation,
  '2026_11_29_0002_projects': projects,
  '2026_11_29_0003_project_list_order': projectListOrder,
  '2026_11_29_0004_indicators': indicators,
  '2026_11_29_0005_goals': goals,
  '2026_11_29_0006_exante': exante,
  '2026_12_06_11_login_sources': loginSources,
  '2026_12_06_12_audit_keyed_chain': auditKeyedChain,
  '2026_12_06_14_framework_weights': frameworkWeights,
  '2026_12_06_17_project_code_counter': projectCodeCounter,
  '2026_12_07_01_monitoring': monitoring,
  '2026_12_07_11_job_queue': jobQueue,
  '2026_12_08_01_stored_file_chunks': storedFileChunks,
  '2026_12_08_02_indicator_light_explained': indicatorLightExplained,
  '2026_12_08_11_key_evaluation_core': keyEvaluationCore,
  '2026_12_08_13_key_evaluations': keyEvaluations,
  '2026_12_08_14_agencies_experts': agenciesExperts,
  '2026_12_08_12_self_evaluation': selfEvaluation,
  '2026_12_08_15_spot_checks': spotChecks,
  '2026_12_09_01_self_eval_extension': selfEvalExtension,
  '2026_12_09_11_results_core': resultsCore,
  '2026_12_09_12_assessments': assessments,
  '2026_12_09_21_rectification_event_seq': rectificationEventSeq,
  '2026_12_10_11_interviews_accountability': interviewsAccountability,
  '2026_12_11_01_public_records': publicRecords,
  '2026_12_11_51_budget_decision_subjects': budgetDecisionSubjects,
  '2026_12_11_52_transfer_district_projects': transferDistrictProjects,
  '2026_12_11_11_disclosure_decisions': disclosureDecisions,
  '2026_12_11_31_cockpit_summary': cockpitSummary,
  '2026_12_12_11_partition_by_fiscal_year': partitionByFiscalYear,
}
