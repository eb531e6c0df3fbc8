import { z } from 'zod'
import { lights } from '../../../domain/lights.ts'
import { causeCategories, likelihoods, monitoringFormKinds, monitoringFormStatuses } from '../../../domain/monitoring.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const Version = z.int().min(1)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const LongText = z.string().trim().max(4000)
const Opinion = z.string().trim().max(2000)
/** 全年预计执行数: money as a decimal string, never a float. */
const Money = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, bilingual('金额须为非负数字，最多两位小数，如 "1234.50"', 'An amount is a non-negative number with at most two decimals, e.g. "1234.50"'))
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true')

export const FormIdParams = z.strictObject({ id: z.uuid() })

export const FormListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  roundId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  kind: z.enum(monitoringFormKinds).optional(),
  status: z.enum(monitoringFormStatuses).optional(),
  /** The project light (目标执行预警). */
  light: z.enum(lights).optional(),
  budgetLight: z.enum(lights).optional(),
  departmentCode: OrgCode.optional(),
  unitCode: OrgCode.optional(),
  isKey: Bool.optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(['updatedAt', 'executionRate', 'projectName']).optional(),
  ...PageQuery,
})
export type FormListFilter = Omit<z.infer<typeof FormListQuery>, 'page' | 'pageSize'>
export const FormExportQuery = FormListQuery.omit({ page: true, pageSize: true })

const IndicatorFill = z.strictObject({
  id: z.uuid(),
  /** A number for a quantitative indicator, 达成 / 部分达成 / 未达成 for a qualitative one; null clears it. */
  progress: z.string().trim().max(200).nullable().optional(),
  likelihood: z.enum(likelihoods).nullable().optional(),
  causeCategory: z.enum(causeCategories).nullable().optional(),
  deviationAnalysis: LongText.optional(),
  measures: LongText.optional(),
})

export const UpdateFormBody = z.strictObject({
  version: Version,
  unitForecast: Money.nullable().optional(),
  fundsNote: LongText.optional(),
  overallProgress: LongText.optional(),
  indicators: z.array(IndicatorFill).max(200).optional(),
})
export type UpdateFormInput = z.infer<typeof UpdateFormBody>

export const VersionBody = z.strictObject({ version: Version, opinion: Opinion.default('') })
export const ReturnBody = z.strictObject({ version: Version, opinion: Opinion.min(1, bilingual('退回须填写意见', 'Say why it is returned')) })
export const BatchAcceptBody = z.strictObject({
  items: z.array(z.strictObject({ id: z.uuid(), version: Version })).min(1).max(200),
  opinion: Opinion.default(''),
})
export const NoteBody = z.strictObject({ note: z.string().trim().min(1).max(4000) })
