import { z } from 'zod'
import {
  costKinds,
  indicatorNatures,
  indicatorScopes,
  indicatorStatuses,
  type Level2,
  legacyPlacement,
  projectKinds,
  sectors,
  valueBases,
} from '../../../domain/indicators.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const level2Names = Object.values(legacyPlacement).flat() as [Level2, ...Level2[]]
const Year = z.int().min(2000).max(2100)

export const indicatorContentFields = {
  name: z.string().trim().min(2, bilingual('指标名称至少 2 个字', 'An indicator name has at least 2 characters')).max(100),
  level1: z.enum(Object.keys(legacyPlacement) as [keyof typeof legacyPlacement]),
  level2: z.enum(level2Names),
  nature: z.enum(indicatorNatures),
  unit: z.string().trim().max(20),
  definition: z.string().trim().min(4, bilingual('请填写指标解释', 'Explain the indicator')).max(2000),
  formula: z.string().trim().max(1000),
  dataSource: z.string().trim().max(500),
  valueBasis: z.enum(valueBases),
  scoringRule: z.string().trim().max(1000),
  sectors: z.array(z.enum(sectors)).max(sectors.length),
  projectKinds: z.array(z.enum(projectKinds)).max(projectKinds.length),
  scope: z.enum(indicatorScopes),
  costKind: z.enum(costKinds).nullable(),
  exampleTarget: z.string().trim().max(60).nullable(),
  validFromYear: Year,
  validToYear: Year.nullable(),
}

const contentDefaults = {
  formula: indicatorContentFields.formula.default(''),
  dataSource: indicatorContentFields.dataSource.default(''),
  scoringRule: indicatorContentFields.scoringRule.default(''),
  sectors: indicatorContentFields.sectors.default([]),
  projectKinds: indicatorContentFields.projectKinds.default([]),
  scope: indicatorContentFields.scope.default('individual'),
  costKind: indicatorContentFields.costKind.default(null),
  exampleTarget: indicatorContentFields.exampleTarget.default(null),
  validToYear: indicatorContentFields.validToYear.default(null),
}

/** A new indicator: a finance bureau adds it to the library at once, anyone else proposes it. */
export const CreateIndicatorBody = z.strictObject({
  ...indicatorContentFields,
  ...contentDefaults,
  reason: z.string().trim().max(1000).default(''),
})
export type CreateIndicatorInput = z.infer<typeof CreateIndicatorBody>
export type IndicatorContentInput = Omit<CreateIndicatorInput, 'reason'>

/** A revision restates the whole content and says why; the old revision stays for the goals that used it. */
export const ReviseIndicatorBody = z.strictObject({
  ...indicatorContentFields,
  ...contentDefaults,
  changeNote: z.string().trim().min(2, bilingual('请说明修订原因', 'Say why the indicator is revised')).max(1000),
  version: z.int().min(1),
})
export type ReviseIndicatorInput = z.infer<typeof ReviseIndicatorBody>

export const DecisionBody = z.strictObject({ version: z.int().min(1), opinion: z.string().trim().max(1000).default('') })
export const RequiredOpinionBody = z.strictObject({
  version: z.int().min(1),
  opinion: z.string().trim().min(2, bilingual('请填写意见', 'Give an opinion')).max(1000),
})

export const IndicatorSortKeys = ['relevance', 'code', 'name', 'updatedAt'] as const

const csvOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .refine((v) => v.split(',').every((x) => (values as readonly string[]).includes(x)), {
      message: bilingual(`取值须为 ${values.join('、')}，多个用逗号分隔`, `Values are ${values.join(', ')}, comma-separated`),
    })
    .transform((v) => v.split(',') as T[])

export const IndicatorListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  level1: indicatorContentFields.level1.optional(),
  level2: indicatorContentFields.level2.optional(),
  sector: z.enum(sectors).optional(),
  projectKind: z.enum(projectKinds).optional(),
  nature: z.enum(indicatorNatures).optional(),
  scope: z.enum(indicatorScopes).optional(),
  /** Comma-separated; the library's live rows (proposed, active, retired) when absent. */
  status: csvOf(indicatorStatuses).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** 'proposal': only indicators that came in as a department's or unit's proposal. */
  origin: z.enum(['proposal']).optional(),
  sort: z.enum(IndicatorSortKeys).optional(),
  ...PageQuery,
})
export type IndicatorListFilter = z.infer<typeof IndicatorListQuery>

export const RecommendQuery = z
  .strictObject({
    projectId: z.uuid().optional(),
    text: z.string().trim().min(2).max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((q) => Boolean(q.projectId) !== Boolean(q.text), {
    message: bilingual('请提供 projectId 或 text 之一', 'Give either projectId or text'),
  })

export const IndicatorIdParams = z.strictObject({ id: z.uuid() })
