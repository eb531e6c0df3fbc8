import { z } from 'zod'
import { goalKinds, goalStatuses, reviewDimensions } from '../../../domain/goals.ts'
import { indicatorNatures, valueBases } from '../../../domain/indicators.ts'
import { grades } from '../../../domain/rule-set.ts'
import { instantParam } from '../../http/input-guards.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const Year = z.int().min(2000).max(2100)
const Weight = z.string().trim().regex(/^\d{1,4}(\.\d{1,2})?$/, bilingual('权重为最多两位小数的数字', 'A weight is a number with at most two decimals'))
const OrgCode = z.string().trim().min(1).max(32)

export const GoalIndicatorBody = z.strictObject({
  level1: z.string().trim().min(1, bilingual('请选择一级指标', 'Choose the level-1 indicator')).max(20),
  level2: z.string().trim().min(1, bilingual('请选择二级指标', 'Choose the level-2 indicator')).max(30),
  name: z.string().trim().min(2, bilingual('三级指标名称至少 2 个字', 'An indicator name has at least 2 characters')).max(100),
  indicatorId: z.uuid().nullable().default(null),
  nature: z.enum(indicatorNatures),
  target: z.string().trim().max(200),
  unit: z.string().trim().max(20).default(''),
  mediumTermTarget: z.string().trim().max(200).nullable().default(null),
  weight: Weight.nullable().default(null),
  valueBasis: z.enum(valueBases).default('plan'),
  scoringRule: z.string().trim().max(1000).default(''),
})

export const goalContentFields = {
  name: z.string().trim().min(2, bilingual('请填写目标名称', 'Name the goal')).max(200),
  overallTarget: z.string().trim().max(4000).default(''),
  mediumTermTarget: z.string().trim().max(4000).default(''),
  annualTarget: z.string().trim().max(4000).default(''),
  indicators: z.array(GoalIndicatorBody).max(200).default([]),
}

/** A new goal: a project's (from its project), a department's overall one, or a policy's. */
export const CreateGoalBody = z
  .strictObject({
    kind: z.enum(goalKinds),
    projectId: z.uuid().nullable().default(null),
    fiscalYear: Year,
    departmentCode: OrgCode.optional(),
    unitCode: OrgCode.optional(),
    ...goalContentFields,
  })
  .refine((b) => b.kind !== 'project' || b.projectId, { path: ['projectId'], message: bilingual('项目支出绩效目标须关联项目', 'A project goal belongs to a project') })
  .refine((b) => b.kind !== 'department' || !b.projectId, { path: ['projectId'], message: bilingual('部门整体支出绩效目标不关联项目', 'A department goal has no project') })
export type CreateGoalInput = z.infer<typeof CreateGoalBody>

export const UpdateGoalBody = z.strictObject({ version: z.int().min(1), ...goalContentFields })
export type UpdateGoalInput = z.infer<typeof UpdateGoalBody>

export const GoalIdParams = z.strictObject({ id: z.uuid() })
export const VersionBody = z.strictObject({ version: z.int().min(1) })
export const OpinionBody = z.strictObject({ version: z.int().min(1), opinion: z.string().trim().max(2000).default('') })
export const ReturnBody = z.strictObject({
  version: z.int().min(1),
  opinion: z.string().trim().min(2, bilingual('退回须填写意见，说明需要修改的内容', 'Say what to fix when returning')).max(2000),
})

const DimensionOpinions = z.strictObject(Object.fromEntries(reviewDimensions.map((d) => [d, z.string().trim().max(2000).optional()])) as Record<(typeof reviewDimensions)[number], z.ZodOptional<z.ZodString>>)

export const ReviewBody = z.strictObject({
  version: z.int().min(1),
  grade: z.enum(grades as [string, ...string[]]).transform((g) => g as (typeof grades)[number]),
  dimensions: DimensionOpinions.default({}),
  opinion: z.string().trim().max(2000).default(''),
})

export const AdjustBody = z.strictObject({
  version: z.int().min(1),
  reason: z.string().trim().min(4, bilingual('请说明调整原因', 'Give the reason for the adjustment')).max(2000),
  ...goalContentFields,
})
export type AdjustGoalInput = z.infer<typeof AdjustBody>

export const BatchBody = z.strictObject({
  action: z.enum(['dept_approve', 'approve', 'publish']),
  items: z.array(z.strictObject({ id: z.uuid(), version: z.int().min(1) })).min(1).max(200),
  opinion: z.string().trim().max(2000).default(''),
})

export const AssignExpertsBody = z.strictObject({ version: z.int().min(1), expertIds: z.array(z.uuid()).min(1).max(20) })
export const ExpertReviewBody = z.strictObject({
  score: z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/).refine((s) => Number(s) <= 100, bilingual('评分在 0–100 之间', 'A score is 0–100')),
  grade: z.enum(grades as [string, ...string[]]).transform((g) => g as (typeof grades)[number]),
  dimensions: DimensionOpinions.default({}),
  opinion: z.string().trim().min(2, bilingual('请填写评审意见', 'Write the review opinion')).max(2000),
})

export const GoalListQuery = z.strictObject({
  ...PageQuery,
  projectId: z.uuid().optional(),
  status: z.enum(goalStatuses).optional(),
  kind: z.enum(goalKinds).optional(),
  fiscalYear: z.coerce.number().pipe(Year).optional(),
  departmentCode: OrgCode.optional(),
  unitCode: OrgCode.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['updatedAt', 'name', 'status', 'fiscalYear']).default('updatedAt'),
  /** Only the goals that wait for the signed-in user (待办). */
  todo: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
})
export type GoalListFilter = z.infer<typeof GoalListQuery>

export const PeerTargetsQuery = z.strictObject({
  codes: z.string().trim().min(1).max(2000).transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean).slice(0, 200)),
  fiscalYear: z.coerce.number().pipe(Year).optional(),
  /** The lineage of the goal being looked at: its own versions are not its peers. */
  excludeLineageId: z.uuid().optional(),
})
export const InForceQuery = z.strictObject({ projectId: z.uuid(), at: instantParam().optional() })
