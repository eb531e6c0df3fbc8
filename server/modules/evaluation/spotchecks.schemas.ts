import { z } from 'zod'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

/** 抽查复核 (issue 12): request schemas and the response shapes of `/api/evaluation/spot-checks` (the web copies them). */

const Year = z.coerce.number().int().min(2000).max(2100)
const Version = z.int().min(1)
const Score = z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, bilingual('得分须为数字，最多两位小数', 'A score is a number with at most two decimals'))

export const SpotCheckIdParams = z.strictObject({ id: z.uuid() })
export const SpotCheckItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() })

export const DrawSpotCheckBody = z.strictObject({
  fiscalYear: z.int().min(2000).max(2100),
  name: z.string().trim().min(2, bilingual('名称至少 2 个字', 'A name has at least 2 characters')).max(200),
  /** How many to draw at random besides the picks. */
  count: z.int().min(0).max(500),
  /** The seed of the draw; a fresh one is made and recorded when not given. */
  seed: z.string().trim().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/, bilingual('种子只能包含字母、数字、下划线和连字符', 'A seed has letters, digits, "_" and "-" only')).optional(),
  /** 自评表 chosen by hand (抽查 by pick). */
  picks: z.array(z.uuid()).max(200).default([]),
  /** A city draws over its districts too. */
  includeBelow: z.boolean().default(false),
})
export type DrawSpotCheckInput = z.infer<typeof DrawSpotCheckBody>

export const SpotCheckListQuery = z.strictObject({
  fiscalYear: Year.optional(),
  status: z.enum(['open', 'closed']).optional(),
  sort: z.enum(['createdAt', 'fiscalYear', 'name']).optional(),
  ...PageQuery,
})
export type SpotCheckListFilter = Omit<z.infer<typeof SpotCheckListQuery>, 'page' | 'pageSize'>
export const SpotCheckExportQuery = SpotCheckListQuery.omit({ page: true, pageSize: true })

export const CandidateQuery = z.strictObject({
  fiscalYear: Year,
  includeBelow: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  ...PageQuery,
})

export const RescoreBody = z.strictObject({
  version: Version,
  /** By indicator position: the reviewer's verified 实际完成值 (null keeps the unit's), score (null: the rule's) and reason. */
  indicators: z
    .array(
      z.strictObject({
        position: z.int().min(0).max(1000),
        actual: z.string().trim().max(200).nullable().optional(),
        score: Score.nullable().optional(),
        reason: z.string().trim().max(2000).nullable().optional(),
      }),
    )
    .max(200),
  note: z.string().trim().max(2000).default(''),
})
export type RescoreInput = z.infer<typeof RescoreBody>

export const CloseSpotCheckBody = z.strictObject({ version: Version })

// ---------------------------------------------------------------------------------------------------------------
// Response shapes: domain/spot-check-api.ts, shared with the web

export type * from '../../../domain/spot-check-api.ts'
