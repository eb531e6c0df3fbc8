import { z } from 'zod'
import { paymentSources } from '../../../domain/monitoring.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'
import { IsoDate, PaymentItem } from './execution.payments.ts'

const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const FiscalYear = z.coerce.number().int().min(2000).max(2100)
const Month = z.coerce.number().int().min(1).max(12)

/** At most this many payments in one push; the payment system sends a day's vouchers in several batches. */
export const MAX_PUSH_ITEMS = 5000

export const PushPaymentsBody = z.strictObject({ items: z.array(PaymentItem).min(1).max(MAX_PUSH_ITEMS) })

export const PaymentListQuery = z.strictObject({
  projectId: z.uuid().optional(),
  fiscalYear: FiscalYear.optional(),
  month: Month.optional(),
  departmentCode: OrgCode.optional(),
  unitCode: OrgCode.optional(),
  source: z.enum(paymentSources).optional(),
  /** Project code or name, or voucher number. */
  q: z.string().trim().min(1).max(100).optional(),
  paidFrom: IsoDate.optional(),
  paidTo: IsoDate.optional(),
  sort: z.enum(['paidOn', 'amount', 'voucherNo', 'createdAt']).default('paidOn'),
  ...PageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
})
export type PaymentListFilter = Omit<z.infer<typeof PaymentListQuery>, 'page' | 'pageSize'>
export const PaymentExportQuery = PaymentListQuery.omit({ page: true, pageSize: true })

const Flag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true')
export const ImportPaymentsQuery = z.strictObject({ dryRun: Flag, background: Flag })

const SignedAmount = z
  .string()
  .trim()
  .regex(/^-?\d{1,16}(\.\d{1,2})?$/, bilingual('金额须为数字（元），最多两位小数；调减为负数', 'An amount of yuan with at most two decimals; a cut is negative'))
  .refine((v) => Number(v) !== 0, bilingual('调整金额不能为 0', 'The adjustment cannot be 0'))

export const CreateAdjustmentBody = z.strictObject({
  projectId: z.uuid(),
  /** Signed: + 追加, − 调减 (元). */
  amount: SignedAmount,
  reason: z.string().trim().min(1, bilingual('请填写调整原因', 'Give the reason for the adjustment')).max(500),
  adjustedOn: IsoDate,
})
export type CreateAdjustmentInput = z.infer<typeof CreateAdjustmentBody>

export const AdjustmentListQuery = z.strictObject({
  projectId: z.uuid().optional(),
  fiscalYear: FiscalYear.optional(),
  departmentCode: OrgCode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ...PageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
})
export type AdjustmentListFilter = Omit<z.infer<typeof AdjustmentListQuery>, 'page' | 'pageSize'>

export const ProjectIdParams = z.strictObject({ id: z.uuid() })
export const FundsQuery = z.strictObject({ month: Month.optional() })
