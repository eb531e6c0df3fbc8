import { z } from 'zod'

/** Request schemas of 市区联动 and the 驾驶舱 (`/api/cockpit/*`, issue 14, rule 48). */

const Year = z.coerce.number().int().min(2000).max(2100)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)

/** `jurisdictionCode`: the bureau whose subtree is read (the caller's own when absent). */
export const CockpitQuery = z.strictObject({ fiscalYear: Year, jurisdictionCode: OrgCode.optional() })
export const CockpitYearQuery = z.strictObject({ fiscalYear: Year })
export const JurisdictionParams = z.strictObject({ code: OrgCode })
export const DepartmentParams = z.strictObject({ code: OrgCode })
export const RefreshBody = z.strictObject({ fiscalYear: z.int().min(2000).max(2100), jurisdictionCode: OrgCode.optional() })
