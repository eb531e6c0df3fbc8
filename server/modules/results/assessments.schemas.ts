import { z } from 'zod'
import { assessmentStatuses } from '../../../domain/assessment.ts'
import { PageQuery } from '../../http/paging.ts'

/** 考核 (rule 47): request schemas of `/api/assessments`. */

const Year = z.coerce.number().int().min(2000).max(2100)

export const AssessmentIdParams = z.strictObject({ id: z.uuid() })

export const OpenAssessmentsBody = z.strictObject({ fiscalYear: z.int().min(2000).max(2100) })

export const AssessmentListQuery = z.strictObject({
  ...PageQuery,
  fiscalYear: Year.optional(),
  status: z.enum(assessmentStatuses).optional(),
  orgCode: z.string().regex(/^[0-9A-Za-z]{2,32}$/).optional(),
  orgKind: z.enum(['department', 'jurisdiction']).optional(),
})
export type AssessmentListFilter = Omit<z.infer<typeof AssessmentListQuery>, 'page' | 'pageSize' | 'order'>
