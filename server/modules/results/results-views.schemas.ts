import { z } from 'zod'
import { PageQuery } from '../../http/paging.ts'

/** Request schemas of the results pages and dashboard (`/api/results/*`, issue 13 "See it"). */

const Year = z.coerce.number().int().min(2000).max(2100)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)

export const ResultsProjectParams = z.strictObject({ projectId: z.uuid() })
export const ResultsDepartmentParams = z.strictObject({ orgCode: OrgCode })

export const ResultsDepartmentListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  jurisdictionCode: OrgCode.optional(),
  sort: z.enum(['code', 'openItems', 'overdueItems']).optional(),
  ...PageQuery,
})
export const ResultsDepartmentExportQuery = ResultsDepartmentListQuery.omit({ page: true, pageSize: true })
export type ResultsDepartmentListFilter = Omit<z.infer<typeof ResultsDepartmentListQuery>, 'page' | 'pageSize'>

/**
 * `fiscalYear` is the year the results belong to (evaluated, monitored): its rectification items, and the budget
 * decisions made from them for the year after (`budgetYear` = fiscalYear + 1). Without it, every year.
 */
export const ResultsDashboardQuery = z.strictObject({ fiscalYear: Year.optional() })
