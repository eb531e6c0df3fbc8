import { z } from 'zod'
import { monitoringRoundStatuses } from '../../../domain/monitoring.ts'
import { instantParam } from '../../http/input-guards.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const Year = z.int().min(2000).max(2100)
const Version = z.int().min(1)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const FormIds = z.array(z.uuid()).max(5000)

export const RoundIdParams = z.strictObject({ id: z.uuid() })

export const OpenRoundBody = z.strictObject({
  fiscalYear: Year,
  /** The cut-off month: one of the rule set's months, or any month for an ad-hoc round (`adhoc: true`). */
  cutoffMonth: z.int().min(1).max(12),
  adhoc: z.boolean().default(false),
  /** The units' reporting deadline. */
  deadline: instantParam(),
  name: z.string().trim().min(2, bilingual('批次名称至少 2 个字', 'A round name has at least 2 characters')).max(100).optional(),
})
export type OpenRoundInput = z.infer<typeof OpenRoundBody>

export const UpdateRoundBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(2).max(100).optional(),
  deadline: instantParam().optional(),
  /** Ends the round: nothing can be filled afterwards. */
  close: z.literal(true).optional(),
})
export type UpdateRoundInput = z.infer<typeof UpdateRoundBody>

export const RoundListQuery = z.strictObject({
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  jurisdictionCode: OrgCode.optional(),
  status: z.enum(monitoringRoundStatuses).optional(),
  sort: z.enum(['createdAt', 'deadline', 'cutoffMonth']).optional(),
  ...PageQuery,
})
export type RoundListFilter = Omit<z.infer<typeof RoundListQuery>, 'page' | 'pageSize'>

export const RollupQuery = z.strictObject({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  cutoffMonth: z.coerce.number().int().min(1).max(12).optional(),
})

export const LateQuery = z.strictObject({
  departmentCode: OrgCode.optional(),
})

export const RemindBody = z.strictObject({
  /** Whom to remind: these forms, the late forms of these units or departments — or, with none, every late form in scope. */
  formIds: FormIds.optional(),
  unitCodes: z.array(OrgCode).max(1000).optional(),
  departmentCodes: z.array(OrgCode).max(1000).optional(),
  note: z.string().trim().max(500).default(''),
})
export type RemindInput = z.infer<typeof RemindBody>

export const ExtensionBody = z
  .strictObject({
    /** The new deadline for these forms (or every form of the unit). */
    until: instantParam(),
    formIds: FormIds.optional(),
    unitCode: OrgCode.optional(),
    reason: z.string().trim().min(2, bilingual('请填写延期理由', 'Give the reason for the extension')).max(500),
  })
  .refine((b) => (b.formIds?.length ?? 0) > 0 || !!b.unitCode, { message: bilingual('请选择延期的监控表或预算单位', 'Choose the forms or the unit to extend'), path: ['formIds'] })
export type ExtensionInput = z.infer<typeof ExtensionBody>

export const KeyPickBody = z.strictObject({
  pick: FormIds.default([]),
  unpick: FormIds.default([]),
})
export type KeyPickInput = z.infer<typeof KeyPickBody>

export const AgencyBody = z.strictObject({
  formIds: FormIds.min(1),
  /** The third-party agency user, or null to take the assignment back. */
  agencyUserId: z.uuid().nullable(),
})
export type AgencyInput = z.infer<typeof AgencyBody>

export const KeyFormsQuery = z.strictObject({
  /** Only the forms in 重点监控 (default), or every project form of the round to pick from. */
  only: z.enum(['key', 'all']).default('key'),
  q: z.string().trim().max(100).optional(),
  ...PageQuery,
})
