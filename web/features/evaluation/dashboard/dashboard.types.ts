import type { KeyEvaluationStage } from '../../../../domain/evaluation'
import type { Grade } from '../../../../domain/rule-set'

/** GET /api/evaluation/dashboard (server/modules/evaluation/dashboard.ts). */
export interface GradeGroup {
  code: string
  name: string
  forms: number
  submitted: number
  grades: Record<Grade, number>
  averageTotal: string | null
  drill: Record<string, string | number>
}

export interface EvaluationDashboard {
  fiscalYear: number
  forms: number
  submitted: number
  grades: Record<Grade, number>
  coverage: { expected: number; submitted: number; rate: string; departments: { departmentCode: string; departmentName: string; expected: number; submitted: number; rate: string }[] } | null
  byDepartment: GradeGroup[]
  byDistrict: GradeGroup[]
  scores: { from: number; to: number; count: number }[]
  spotCheckGaps: { id: string; spotCheckId: string; spotCheckName: string; title: string; unitTotal: string | null; reviewerTotal: string | null; gap: string | null; flagged: boolean }[]
  keyEvaluations: { stage: KeyEvaluationStage; count: number }[]
}
