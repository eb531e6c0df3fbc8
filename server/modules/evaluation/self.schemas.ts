import { z } from 'zod'
import { selfEvalFormKinds, selfEvalRoundStatuses, selfEvalStatuses } from '../../../domain/evaluation.ts'
import { instantParam } from '../../http/input-guards.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

/**
 * 单位自评 (REFERENCE §6.4–6.5, §13.1–19, 38): request schemas and the response shapes of
 * `/api/evaluation/self-rounds` and `/api/evaluation/self`. The web app copies the response types.
 */

const Year = z.int().min(2000).max(2100)
const Version = z.int().min(1)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const LongText = z.string().trim().max(4000)
const Opinion = z.string().trim().max(2000)
const Score = z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, bilingual('得分须为数字，最多两位小数', 'A score is a number with at most two decimals'))
const Money = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, bilingual('金额须为非负数字，最多两位小数，如 "1234.50"', 'An amount is a non-negative number with at most two decimals, e.g. "1234.50"'))
export const grades = ['优', '良', '中', '差'] as const

export const RoundIdParams = z.strictObject({ id: z.uuid() })
export const FormIdParams = z.strictObject({ id: z.uuid() })

export const OpenSelfRoundBody = z.strictObject({
  fiscalYear: Year,
  /** The units' deadline for submitting. */
  deadline: instantParam(),
  name: z.string().trim().min(2, bilingual('批次名称至少 2 个字', 'A round name has at least 2 characters')).max(100).optional(),
})
export type OpenSelfRoundInput = z.infer<typeof OpenSelfRoundBody>

export const UpdateSelfRoundBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(2).max(100).optional(),
  deadline: instantParam().optional(),
  /** Ends the round: nothing can be filled afterwards (reviews go on). */
  close: z.literal(true).optional(),
})
export type UpdateSelfRoundInput = z.infer<typeof UpdateSelfRoundBody>

export const SelfExtensionBody = z
  .strictObject({
    /** The new deadline for these forms, or for every form of the unit or department. */
    until: instantParam(),
    formIds: z.array(z.uuid()).max(1000).optional(),
    orgCode: OrgCode.optional(),
    reason: z.string().trim().min(2, bilingual('请填写延期理由', 'Give the reason for the extension')).max(500),
  })
  .refine((b) => (b.formIds?.length ?? 0) > 0 || !!b.orgCode, { message: bilingual('请选择延期的自评表或单位', 'Choose the forms or the unit to extend'), path: ['formIds'] })
export type SelfExtensionInput = z.infer<typeof SelfExtensionBody>

export const SelfRoundListQuery = z.strictObject({
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(selfEvalRoundStatuses).optional(),
  sort: z.enum(['createdAt', 'deadline', 'fiscalYear']).optional(),
  ...PageQuery,
})
export type SelfRoundListFilter = Omit<z.infer<typeof SelfRoundListQuery>, 'page' | 'pageSize'>
export const SelfRoundExportQuery = SelfRoundListQuery.omit({ page: true, pageSize: true })

export const SelfFormListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  roundId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  kind: z.enum(selfEvalFormKinds).optional(),
  status: z.enum(selfEvalStatuses).optional(),
  grade: z.enum(grades).optional(),
  departmentCode: OrgCode.optional(),
  unitCode: OrgCode.optional(),
  sort: z.enum(['updatedAt', 'total', 'projectName', 'executionRate']).optional(),
  ...PageQuery,
})
export type SelfFormListFilter = Omit<z.infer<typeof SelfFormListQuery>, 'page' | 'pageSize'>
export const SelfFormExportQuery = SelfFormListQuery.omit({ page: true, pageSize: true })

export const CoverageQuery = z.strictObject({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  /** A bureau's own jurisdiction by default; a city may ask for one of its districts. */
  jurisdictionCode: OrgCode.optional(),
})

export const ExportQuery = z.strictObject({
  /** 10号 附件1 (default) or the Sichuan variant (川财绩〔2021〕… 附件 layout). */
  layout: z.enum(['no10', 'sichuan']).default('no10'),
})
export const ImportQuery = z.strictObject({
  dryRun: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
})

const IndicatorFill = z.strictObject({
  id: z.uuid(),
  /** 实际完成值: a number, or the qualitative verdict (达成 / 部分达成 / 未达成 …); null clears it. */
  actual: z.string().trim().max(200).nullable().optional(),
  applicable: z.boolean().optional(),
  /** A score instead of the proposal (within the bound, with `overrideReason`); null keeps the proposal. */
  score: Score.nullable().optional(),
  overrideReason: LongText.nullable().optional(),
  deviationReason: LongText.nullable().optional(),
})

export const UpdateSelfFormBody = z.strictObject({
  version: Version,
  /** 全年执行数 as the unit states it (pre-filled from payments). */
  executed: Money.optional(),
  executionReason: LongText.nullable().optional(),
  /** 年度总体目标 实际完成情况. */
  overallActual: LongText.optional(),
  problems: LongText.optional(),
  measures: LongText.optional(),
  indicators: z.array(IndicatorFill).max(200).optional(),
})
export type UpdateSelfFormInput = z.infer<typeof UpdateSelfFormBody>

export const VersionBody = z.strictObject({ version: Version, opinion: Opinion.default('') })
export const ReturnBody = z.strictObject({ version: Version, opinion: Opinion.min(1, bilingual('退回须填写意见', 'Say why it is returned')) })

// ---------------------------------------------------------------------------------------------------------------
// Response shapes: domain/self-evaluation-api.ts, shared with the web

export type * from '../../../domain/self-evaluation-api.ts'

/**
 * Writes answer the form as SelfFormDetail: PUT /api/evaluation/self/:id with UpdateSelfFormBody, POST …/submit
 * and …/accept with `{ version, opinion? }`, …/return with `{ version, opinion }` (required). Errors: 409
 * VERSION_CONFLICT (stale version), 409 NOT_EDITABLE / INVALID_TRANSITION, 422 RULE_VIOLATION with
 * `details: [{ path, message }]` (paths as in `problemsToFix`; an override outside its bound names the range in
 * the message), 404 outside the caller's scope. POST /api/evaluation/self/import?dryRun=true|false (multipart
 * `file`) → SelfImportResult; a commit with errors is 422 IMPORT_INVALID with the same rows in `details`.
 * PATCH /api/evaluation/self-rounds/:id with UpdateSelfRoundBody → SelfRoundDetail.
 * GET /api/evaluation/self/coverage?fiscalYear=&jurisdictionCode= → SelfCoverage.
 *
 * Exports: `GET /api/evaluation/self/:id/export?layout=no10|sichuan` (one 自评表, xlsx),
 * `GET /api/evaluation/self-rounds/:id/export?layout=` (every form of the round, one sheet each),
 * `GET /api/evaluation/self/export` (the list with the list filters), `GET /api/evaluation/self-rounds/export`.
 */
