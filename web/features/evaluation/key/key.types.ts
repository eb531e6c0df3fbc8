import type { EvaluationObjectKind, EvaluationTemplate, KeyEvaluationLevel, KeyEvaluationStage } from '../../../../domain/evaluation'
import type { Grade } from '../../../../domain/scoring'

/** Shapes of /api/evaluation/key (server/modules/evaluation/key.service.ts). */
export interface KeyListItem {
  id: string
  fiscalYear: number
  level: KeyEvaluationLevel
  objectKind: EvaluationObjectKind
  name: string
  template: EvaluationTemplate
  stage: KeyEvaluationStage
  total: string | null
  grade: Grade | null
  jurisdictionCode: string
  jurisdictionName: string
  commissionerCode: string
  commissionerName: string
  departmentCode: string | null
  departmentName: string | null
  unitCode: string | null
  unitName: string | null
  projectId: string | null
  projectCode: string | null
  projectName: string | null
  projectAmount: string | null
  version: number
  createdAt: string
  updatedAt: string
}

export type KeyFilters = {
  q?: string
  fiscalYear?: number
  level?: KeyEvaluationLevel
  stage?: KeyEvaluationStage
  objectKind?: EvaluationObjectKind
  grade?: Grade
  departmentCode?: string
}

export interface Evidence {
  id: string
  lineId: string
  fileId: string
  note: string
  fileName: string
  sizeBytes: number
  createdByName: string | null
  createdAt: string
}

export interface FrameworkLine {
  id: string
  seq: number
  level1: string
  level2: string
  level3: string
  weight: string
  score: string | null
  formula: string | null
  inputs: Record<string, string> | null
  value: string | null
  basis: string
  formulaName: string | null
  formulaInputs: { key: string; label: string }[]
  formulaRule: string | null
  evidence: Evidence[]
}

export interface Plan {
  selectionKind: 'major' | 'sample' | 'manual'
  selectionSeed: string | null
  selectionReason: string
  purpose: string
  scope: string
  methods: string
  schedule: string
  team: string
  overview: string
  conclusion: string
  experience: string
  problems: string
  suggestions: string
  otherNotes: string
}

export interface KeyEvaluation extends KeyListItem {
  plan: Plan | null
  lines: FrameworkLine[]
  result: {
    weightTotal: string
    outputEffect: string
    problems: { path: string; code: string; message: string }[]
    warnings: { code: string; rule: string; message: string }[]
    score: string | null
    grade: { value: Grade; rule: string; formula: string } | null
    byLevel1: { level1: string; weight: string; score: string }[]
  }
  fieldwork: { id: string; visitedOn: string; place: string; people: string; notes: string; createdByName: string | null; createdAt: string }[]
  exchanges: { id: string; orgCode: string; orgName: string; draftTotal: string | null; opinion: string; createdByName: string | null; createdAt: string }[]
  survey: { title: string; questions: string[]; target: string; responses: number; answers: number; satisfied: number; rate: string | null; fileName: string | null; importedAt: string | null; version: number } | null
  manage: boolean
  moves: (KeyEvaluationStage | 'exchange_opinion')[]
}

export interface SelectionPick {
  projectId: string
  projectCode: string
  name: string
  amount: string
  kind: 'major' | 'sample'
  reason: string
}

export interface SelectionProposal {
  picks: SelectionPick[]
  recentlyEvaluated: { projectId: string; lastEvaluatedYear: number }[]
  seed: string
  rule: string
  candidates: number
  fiscalYear: number
}

export interface SurveyImportResult {
  dryRun: boolean
  responses: number
  answers: number
  rate: string | null
  formula: string
  rule: string
  errorCount: number
  errors: { row: number; column: string; message: string }[]
}
