import { z } from 'zod'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
// Dates the platform can mean (as input-guards' instantParam): never year 0 or 275760.
const Day = z.iso
  .date(bilingual('日期格式为 YYYY-MM-DD', 'A date is YYYY-MM-DD'))
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', bilingual('日期须在 1900-01-01 至 2999-12-31 之间', 'The date must lie between 1900-01-01 and 2999-12-31'))
const Amount = z.string().trim().regex(/^\d{1,16}(\.\d{1,2})?$/, bilingual('金额为最多两位小数的数字（元）', 'An amount is a number of yuan with at most two decimals'))
const Text = (min: number, max: number, zh: string, en: string) => z.string().trim().min(min, bilingual(zh, en)).max(max)

export const AccountabilityIdParams = z.strictObject({ id: z.uuid() })

const incident = () => Text(4, 4000, '请说明造成重大损失的情况（至少 4 个字）', 'Describe what happened (at least 4 characters)')
const measures = () => Text(2, 4000, '请填写问责措施', 'State the measures taken')
const decidedBy = () => Text(2, 200, '请填写问责决定机关', 'State who decided')

/** A 问责 for a major loss on a project: what happened, the loss (元, decimal string), the measures, when and by whom decided. */
export const CreateAccountabilityBody = z.strictObject({
  projectId: z.uuid(),
  incident: incident(),
  lossAmount: Amount,
  measures: measures(),
  decidedOn: Day,
  decidedBy: decidedBy(),
})
export type CreateAccountabilityInput = z.infer<typeof CreateAccountabilityBody>

export const UpdateAccountabilityBody = z.strictObject({
  version: z.int().min(1),
  incident: incident().optional(),
  lossAmount: Amount.optional(),
  measures: measures().optional(),
  decidedOn: Day.optional(),
  decidedBy: decidedBy().optional(),
})
export type UpdateAccountabilityInput = z.infer<typeof UpdateAccountabilityBody>

export const AccountabilityListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  departmentCode: OrgCode.optional(),
  unitCode: OrgCode.optional(),
  projectId: z.uuid().optional(),
  from: Day.optional(),
  to: Day.optional(),
  sort: z.enum(['decidedOn', 'lossAmount', 'createdAt']).optional(),
  ...PageQuery,
})
export type AccountabilityListFilter = Omit<z.infer<typeof AccountabilityListQuery>, 'page' | 'pageSize'>
export const AccountabilityExportQuery = AccountabilityListQuery.omit({ page: true, pageSize: true })
