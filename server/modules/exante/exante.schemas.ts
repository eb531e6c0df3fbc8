import { z } from 'zod'
import { assessorKinds, exAnteAttachmentItems, exAnteConclusions, exAnteStatuses } from '../../../domain/exante.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const Version = z.int().min(1)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const LongText = z.string().trim().max(4000)

/** A score is a decimal string like money: "8.5", never a float; the range is the domain's to check. */
const ScoreText = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, bilingual('得分须为非负数字，最多两位小数，如 "8.5"', 'A score is a non-negative number with at most two decimals, e.g. "8.5"'))
const ScoreEntry = z.strictObject({ score: ScoreText, comment: z.string().trim().max(1000).default('') })
const ReviewPointCode = z.string().regex(/^[a-z_]{1,40}\.[a-z_]{1,40}$/, bilingual('审核要点编码有误', 'Unknown review point code'))

const ChecklistEntry = z.strictObject({ provided: z.boolean(), attachmentIds: z.array(z.uuid()).max(10).default([]) })

export const ExAnteIdParams = z.strictObject({ id: z.uuid() })

export const StartExAnteBody = z.strictObject({ projectId: z.uuid() })

export const UpdateExAnteBody = z.strictObject({
  version: Version,
  /** Scores by review-point code; null clears one. */
  scores: z.record(ReviewPointCode, ScoreEntry.nullable()).optional(),
  attachments: z.partialRecord(z.enum(exAnteAttachmentItems), ChecklistEntry).optional(),
  /** 评估工作开展情况: purpose, method and procedure of the assessment. */
  process: LongText.optional(),
  suggestions: LongText.optional(),
  otherIssues: LongText.optional(),
  opinion: z.string().trim().max(2000).optional(),
})
export type UpdateExAnteInput = z.infer<typeof UpdateExAnteBody>

export const AssignExAnteBody = z.strictObject({ userId: z.uuid(), version: Version })
export const SubmitExAnteBody = z.strictObject({ version: Version })
export const ConcludeExAnteBody = z.strictObject({
  conclusion: z.enum(exAnteConclusions),
  opinion: z.string().trim().max(2000).default(''),
  version: Version,
})
export type ConcludeExAnteInput = z.infer<typeof ConcludeExAnteBody>

export const ExAnteListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  projectId: z.uuid().optional(),
  status: z.enum(exAnteStatuses).optional(),
  conclusion: z.enum(exAnteConclusions).optional(),
  assessorKind: z.enum(assessorKinds).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  departmentCode: OrgCode.optional(),
  sort: z.enum(['updatedAt', 'total', 'fiscalYear']).optional(),
  ...PageQuery,
})
export type ExAnteListFilter = Omit<z.infer<typeof ExAnteListQuery>, 'page' | 'pageSize'>
export const ExAnteExportQuery = ExAnteListQuery.omit({ page: true, pageSize: true })
