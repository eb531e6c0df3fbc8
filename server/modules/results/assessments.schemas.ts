import { z } from 'zod'
import { assessmentStatuses } from '../../../domain/assessment.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

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
  sort: z.enum(['orgCode', 'fiscalYear', 'total', 'rank', 'updatedAt']).optional(),
})
export type AssessmentListFilter = Omit<z.infer<typeof AssessmentListQuery>, 'page' | 'pageSize'>
export const AssessmentExportQuery = AssessmentListQuery.omit({ page: true, pageSize: true })

const Score = z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, bilingual('得分须为数字，最多两位小数', 'A score is a number with at most two decimals'))
const Code = z.string().trim().min(1).max(16)

export const SelfAssessmentBody = z.strictObject({
  version: z.int().min(1),
  items: z.array(z.strictObject({ code: Code, score: Score.nullable().optional(), note: z.string().trim().max(2000).optional() })).min(1).max(100),
})
export type SelfAssessmentInput = z.infer<typeof SelfAssessmentBody>

export const VersionBody = z.strictObject({ version: z.int().min(1) })

export const ReviewBody = z.strictObject({
  version: z.int().min(1),
  items: z.array(z.strictObject({ code: Code, score: Score, opinion: z.string().trim().max(2000).default('') })).max(100),
})
export type ReviewInput = z.infer<typeof ReviewBody>

export const PublishBody = z.strictObject({ fiscalYear: z.int().min(2000).max(2100) })
