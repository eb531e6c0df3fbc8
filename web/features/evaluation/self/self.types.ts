import type { SelfEvalFormKind, SelfEvalRoundStatus, SelfEvalStatus } from '../../../../domain/evaluation'
import type { Grade } from '../../../../domain/scoring'
import type { Query } from '../../../api/client'

/** The self-evaluation API's response shapes are domain/self-evaluation-api.ts; here the list filters. */

export type * from '../../../../domain/self-evaluation-api'

/**
 * Writes answer the form as SelfFormDetail: PUT /api/evaluation/self/:id with UpdateSelfFormBody, POST …/submit
 * and …/accept with `{ version, opinion? }`, …/return with `{ version, opinion }` (required). Errors: 409
 * VERSION_CONFLICT (stale version), 409 NOT_EDITABLE / INVALID_TRANSITION, 422 RULE_VIOLATION with
 * `details: [{ path, message }]` (paths as in `problemsToFix`; an override outside its bound names the range in
 * the message), 404 outside the caller's scope. POST /api/evaluation/self/import?dryRun=true|false (multipart
 * `file`) → SelfImportResult; a commit with errors is 422 IMPORT_INVALID with the same rows in `details`.
 * PATCH /api/evaluation/self-rounds/:id with UpdateSelfRoundBody → SelfRoundDetail.
 * GET /api/evaluation/self/coverage?fiscalYear=&jurisdictionCode= → SelfCoverage.
 *
 * Exports: `GET /api/evaluation/self/:id/export?layout=no10|sichuan` (one 自评表, xlsx),
 * `GET /api/evaluation/self-rounds/:id/export?layout=` (every form of the round, one sheet each),
 * `GET /api/evaluation/self/export` (the list with the list filters), `GET /api/evaluation/self-rounds/export`.
 */

/** The list filters of GET /api/evaluation/self. */
export interface SelfFormFilters extends Query {
  q?: string
  fiscalYear?: number
  roundId?: string
  projectId?: string
  kind?: SelfEvalFormKind
  status?: SelfEvalStatus
  grade?: Grade
  departmentCode?: string
  unitCode?: string
}

export interface SelfRoundFilters extends Query {
  fiscalYear?: number
  status?: SelfEvalRoundStatus
}

/** PUT /api/evaluation/self/:id */
export interface SelfFormChanges {
  executed?: string
  executionReason?: string | null
  overallActual?: string
  problems?: string
  measures?: string
  indicators?: { id: string; actual?: string | null; applicable?: boolean; score?: string | null; overrideReason?: string | null; deviationReason?: string | null }[]
}
