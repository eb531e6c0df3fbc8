import { z } from 'zod'
import { disclosureDecisions, disclosureStates } from '../../../domain/disclosure-decisions.ts'
import { PUBLIC_RECORD_KINDS } from '../../../domain/disclosure.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const Year = z.coerce.number().int().min(2000).max(2100)

export const RecordParams = z.strictObject({ kind: z.enum(PUBLIC_RECORD_KINDS), sourceId: z.uuid() })

/** To publish, or not with a reason from the rule set's list (checked in the service; '其他' needs a text). */
export const DecisionBody = z
  .strictObject({
    /** The decision's version; 0 while the record is undecided. */
    version: z.int().min(0),
    decision: z.enum(disclosureDecisions),
    reasonCode: z.string().trim().max(50).optional(),
    reasonText: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.decision === 'publish' || !!b.reasonCode, { path: ['reasonCode'], message: bilingual('不公开须选择原因', 'Choose why the record is not published') })
export type DecisionInput = z.infer<typeof DecisionBody>

export const VersionBody = z.strictObject({ version: z.int().min(0) })

export const WithdrawBody = z.strictObject({
  version: z.int().min(1),
  reason: z.string().trim().min(4, bilingual('请说明撤回原因（至少 4 个字）', 'State why it is withdrawn (at least 4 characters)')).max(2000),
})

/** 批量公开: every publishable goal of a department's year that is not withheld, as one transaction. */
export const BatchApproveBody = z.strictObject({ fiscalYear: z.int().min(2000).max(2100), departmentCode: OrgCode })

export const DisclosureListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  fiscalYear: Year.optional(),
  kind: z.enum(PUBLIC_RECORD_KINDS).optional(),
  departmentCode: OrgCode.optional(),
  state: z.enum(disclosureStates).optional(),
  sort: z.enum(['title', 'recordKey', 'departmentCode', 'decidedAt']).optional(),
  ...PageQuery,
})
export type DisclosureListFilter = Omit<z.infer<typeof DisclosureListQuery>, 'page' | 'pageSize'>
export const DisclosureExportQuery = DisclosureListQuery.omit({ page: true, pageSize: true })
