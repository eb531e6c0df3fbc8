import { z } from 'zod'
import { interviewSourceTypes } from '../../../domain/interviews.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
// Dates the platform can mean (as input-guards' instantParam): never year 0 or 275760.
const Day = z.iso
  .date(bilingual('日期格式为 YYYY-MM-DD', 'A date is YYYY-MM-DD'))
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', bilingual('日期须在 1900-01-01 至 2999-12-31 之间', 'The date must lie between 1900-01-01 and 2999-12-31'))
const Text = (min: number, max: number, zh: string, en: string) => z.string().trim().min(min, bilingual(zh, en)).max(max)

export const InterviewIdParams = z.strictObject({ id: z.uuid() })
export const VersionBody = z.strictObject({ version: z.int().min(1) })

/** A 约谈: who was interviewed (the org and the person's title), when, by whom, why, on what finding, with what outcome. */
export const CreateInterviewBody = z.strictObject({
  orgCode: OrgCode,
  personTitle: Text(2, 100, '请填写被约谈人职务', 'State the interviewed person’s title'),
  interviewedOn: Day,
  interviewer: Text(2, 200, '请填写约谈人', 'State who held the interview'),
  reason: Text(4, 2000, '请说明约谈事由（至少 4 个字）', 'State the reason (at least 4 characters)'),
  sourceType: z.enum(interviewSourceTypes),
  sourceId: z.uuid(),
  projectId: z.uuid().optional(),
  outcome: z.string().trim().max(2000).default(''),
})
export type CreateInterviewInput = z.infer<typeof CreateInterviewBody>

export const UpdateInterviewBody = z.strictObject({
  version: z.int().min(1),
  personTitle: Text(2, 100, '请填写被约谈人职务', 'State the interviewed person’s title').optional(),
  interviewedOn: Day.optional(),
  interviewer: Text(2, 200, '请填写约谈人', 'State who held the interview').optional(),
  reason: Text(4, 2000, '请说明约谈事由（至少 4 个字）', 'State the reason (at least 4 characters)').optional(),
  outcome: z.string().trim().max(2000).optional(),
})
export type UpdateInterviewInput = z.infer<typeof UpdateInterviewBody>

export const InterviewListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  sourceType: z.enum(interviewSourceTypes).optional(),
  sourceId: z.uuid().optional(),
  orgCode: OrgCode.optional(),
  departmentCode: OrgCode.optional(),
  projectId: z.uuid().optional(),
  from: Day.optional(),
  to: Day.optional(),
  sort: z.enum(['interviewedOn', 'createdAt']).optional(),
  ...PageQuery,
})
export type InterviewListFilter = Omit<z.infer<typeof InterviewListQuery>, 'page' | 'pageSize'>
export const InterviewExportQuery = InterviewListQuery.omit({ page: true, pageSize: true })
