import { z } from 'zod'
import { correctiveActionKinds, correctiveActionStatuses } from '../../../domain/monitoring.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const Version = z.int().min(1)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const Day = z.iso.date(bilingual('日期格式为 YYYY-MM-DD', 'A date is YYYY-MM-DD'))
const Amount = z.string().trim().regex(/^\d{1,16}(\.\d{1,2})?$/, bilingual('金额为最多两位小数的数字（元）', 'An amount is a number of yuan with at most two decimals'))

export const ActionIdParams = z.strictObject({ id: z.uuid() })
export const ActionFileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() })

/** A measure issued from a monitoring form (its project, round and unit follow) or straight from a project. */
export const IssueActionBody = z
  .strictObject({
    kind: z.enum(correctiveActionKinds),
    formId: z.uuid().optional(),
    projectId: z.uuid().optional(),
    title: z.string().trim().min(2, bilingual('请填写标题', 'Give a title')).max(200),
    content: z.string().trim().max(4000).default(''),
    amount: Amount.nullable().optional(),
    dueOn: Day.nullable().optional(),
  })
  .refine((b) => b.formId || b.projectId, { path: ['projectId'], message: bilingual('请选择项目或监控表', 'Choose a project or a monitoring form') })
export type IssueActionInput = z.infer<typeof IssueActionBody>

export const RespondActionBody = z.strictObject({
  version: Version,
  response: z.string().trim().min(2, bilingual('请填写答复内容', 'Write the response')).max(4000),
  /** Files uploaded to this action beforehand (POST /:id/files). */
  attachmentIds: z.array(z.uuid()).max(10).default([]),
})
export type RespondActionInput = z.infer<typeof RespondActionBody>

export const ActionOpinionBody = z.strictObject({ version: Version, note: z.string().trim().max(2000).default('') })
export const ReturnActionBody = z.strictObject({
  version: Version,
  note: z.string().trim().min(2, bilingual('退回须说明答复的不足', 'Say what the response lacks')).max(2000),
})

export const ActionListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(correctiveActionKinds).optional(),
  status: z.enum(correctiveActionStatuses).optional(),
  projectId: z.uuid().optional(),
  formId: z.uuid().optional(),
  roundId: z.uuid().optional(),
  departmentCode: OrgCode.optional(),
  unitCode: OrgCode.optional(),
  /** Holds, stops and suspensions not lifted. */
  inForce: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['createdAt', 'dueOn', 'amount']).optional(),
  ...PageQuery,
})
export type ActionListFilter = Omit<z.infer<typeof ActionListQuery>, 'page' | 'pageSize'>
export const ActionExportQuery = ActionListQuery.omit({ page: true, pageSize: true })

export const ProposalQuery = z.strictObject({ roundId: z.uuid() })

export const HoldsQuery = z.strictObject({
  projectCode: z.string().trim().min(1).max(64).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  ...PageQuery,
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
})
