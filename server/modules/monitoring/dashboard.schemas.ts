import { z } from 'zod'
import { bilingual } from '../../http/validation-messages.ts'

const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const FiscalYear = z.coerce.number().int().min(2000).max(2100)

/** The dashboard of one round, or of the newest round of the caller's bureau in a fiscal year. */
export const DashboardQuery = z
  .strictObject({ roundId: z.uuid().optional(), fiscalYear: FiscalYear.optional() })
  .refine((q) => q.roundId !== undefined || q.fiscalYear !== undefined, { message: bilingual('请指定监控批次或预算年度', 'Give a round or a fiscal year'), path: ['roundId'] })

/** A report of a round: the whole jurisdiction, or one department of it. */
export const RoundReportQuery = z.strictObject({ roundId: z.uuid(), departmentCode: OrgCode.optional() })
export type RoundReportInput = z.infer<typeof RoundReportQuery>
