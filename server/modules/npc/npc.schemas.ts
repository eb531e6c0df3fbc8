import { z } from 'zod'
import { PageQuery } from '../../http/paging.ts'

/** Request schemas of the 人大材料 (`/api/npc/*`, issue 14). */

const Year = z.coerce.number().int().min(2000).max(2100)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)

export const NpcPackageListQuery = z.strictObject({
  fiscalYear: Year,
  jurisdictionCode: OrgCode.optional(),
  departmentCode: OrgCode.optional(),
  q: z.string().trim().max(100).optional(),
  ...PageQuery,
})
export const NpcPackageExportQuery = NpcPackageListQuery.omit({ page: true, pageSize: true })
export type NpcPackageListFilter = Omit<z.infer<typeof NpcPackageListQuery>, 'page' | 'pageSize'>

export const NpcPackageParams = z.strictObject({ departmentCode: OrgCode, year: Year })
/** `pdf`: a PDF beside each Word document (slower: about a second a department). */
export const NpcBundleBody = z.strictObject({ fiscalYear: z.int().min(2000).max(2100), jurisdictionCode: OrgCode.optional(), pdf: z.boolean().default(false) })
export const NpcBundleParams = z.strictObject({ jobId: z.uuid() })
