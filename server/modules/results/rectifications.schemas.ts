import { z } from 'zod'
import { findingOrigins, rectificationSourceTypes, rectificationStatuses, rectificationTodos } from '../../../domain/results.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const Version = z.int().min(1)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const Day = z.iso.date(bilingual('日期格式为 YYYY-MM-DD', 'A date is YYYY-MM-DD'))

export const RectificationIdParams = z.strictObject({ id: z.uuid() })
export const RectificationFileParams = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() })

/** An item entered by hand (专家、机构、审计、人大、财政 findings): who found it, whose it is, what to do. */
export const CreateRectificationBody = z.strictObject({
  origin: z.enum(findingOrigins),
  ownerCode: OrgCode,
  projectId: z.uuid().optional(),
  problem: z.string().trim().min(4, bilingual('请描述发现的问题（至少 4 个字）', 'Describe the problem (at least 4 characters)')).max(4000),
  requiredMeasure: z.string().trim().min(2, bilingual('请填写整改要求', 'State what must be done')).max(4000),
  dueOn: Day.optional(),
})
export type CreateRectificationInput = z.infer<typeof CreateRectificationBody>

export const RespondRectificationBody = z.strictObject({
  version: Version,
  /** The measures taken and how far they went (整改措施及完成情况). */
  measures: z.string().trim().max(4000),
})

export const VerifyRectificationBody = z.strictObject({ version: Version, opinion: z.string().trim().max(2000).default('') })
export const ReturnRectificationBody = z.strictObject({
  version: Version,
  opinion: z.string().trim().min(2, bilingual('退回须说明整改的不足', 'Say what the rectification lacks')).max(2000),
})

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true')

export const RectificationListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(rectificationStatuses).optional(),
  sourceType: z.enum(rectificationSourceTypes).optional(),
  sourceId: z.uuid().optional(),
  overdue: Bool.optional(),
  todo: z.enum(rectificationTodos).optional(),
  departmentCode: OrgCode.optional(),
  unitCode: OrgCode.optional(),
  projectId: z.uuid().optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(['createdAt', 'dueOn']).optional(),
  ...PageQuery,
})
export type RectificationListFilter = Omit<z.infer<typeof RectificationListQuery>, 'page' | 'pageSize'>
export const RectificationExportQuery = RectificationListQuery.omit({ page: true, pageSize: true })
