import { z } from 'zod'
import { evaluationObjectKinds, evaluationTemplates, keyEvaluationLevels, keyEvaluationStages } from '../../../domain/evaluation.ts'
import { formulaIndicatorKeys } from '../../../domain/key-evaluation.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const Version = z.int().min(1)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const Year = z.coerce.number().int().min(2000).max(2100)
const Points = z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, bilingual('分值为最多两位小数的数字', 'Points are a number with at most two decimals'))
const Figure = z.string().trim().regex(/^-?\d{1,16}(\.\d{1,4})?$/, bilingual('请填写数字', 'Enter a number'))
const Text = (max: number) => z.string().trim().max(max).default('')

export const KeyIdParams = z.strictObject({ id: z.uuid() })
export const KeyLineParams = z.strictObject({ id: z.uuid(), lineId: z.uuid() })
export const KeyEvidenceParams = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() })

const filters = {
  fiscalYear: Year.optional(),
  level: z.enum(keyEvaluationLevels).optional(),
  stage: z.enum(keyEvaluationStages).optional(),
  objectKind: z.enum(evaluationObjectKinds).optional(),
  grade: z.enum(['优', '良', '中', '差']).optional(),
  departmentCode: OrgCode.optional(),
  projectId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['createdAt', 'name', 'fiscalYear', 'stage', 'total']).default('createdAt'),
}
export const KeyListQuery = z.strictObject({ ...PageQuery, ...filters })
export const KeyExportQuery = z.strictObject({ order: PageQuery.order, ...filters })
export type KeyListFilter = Omit<z.infer<typeof KeyListQuery>, 'page' | 'pageSize'>

/** Rule 39 proposal: majors due in the coverage cycle plus a seeded sample of general projects. */
export const SelectionQuery = z.strictObject({
  fiscalYear: Year,
  sampleSize: z.coerce.number().int().min(0).max(50).default(3),
  seed: z.string().trim().min(1).max(64).optional(),
})

export const CreateKeyBody = z
  .strictObject({
    fiscalYear: z.int().min(2000).max(2100),
    objectKind: z.enum(evaluationObjectKinds),
    projectId: z.uuid().optional(),
    /** The department of a 部门整体 / policy / transfer evaluation (a project names its own). */
    departmentCode: OrgCode.optional(),
    name: z.string().trim().min(2).max(200).optional(),
    template: z.enum(evaluationTemplates),
    selectionKind: z.enum(['major', 'sample', 'manual']).default('manual'),
    selectionSeed: z.string().trim().max(64).optional(),
    selectionReason: Text(1000),
  })
  .refine((b) => b.objectKind !== 'project' || b.projectId, { path: ['projectId'], message: bilingual('项目评价须选择项目', 'Choose the project') })
  .refine((b) => b.objectKind === 'project' || b.departmentCode || b.name, { path: ['departmentCode'], message: bilingual('请选择被评价部门', 'Choose the evaluated department') })
export type CreateKeyInput = z.infer<typeof CreateKeyBody>

export const PlanBody = z.strictObject({
  version: Version,
  purpose: Text(4000),
  scope: Text(4000),
  methods: Text(4000),
  schedule: Text(4000),
  team: Text(2000),
  overview: Text(4000),
  conclusion: Text(4000),
  experience: Text(4000),
  problems: Text(4000),
  suggestions: Text(4000),
  otherNotes: Text(4000),
})
export type PlanInput = z.infer<typeof PlanBody>

export const FrameworkLineBody = z.strictObject({
  level1: z.string().trim().min(1).max(40),
  level2: Text(60),
  level3: z.string().trim().min(1).max(100),
  weight: Points,
  score: Points.nullable().optional(),
  formula: z.enum(formulaIndicatorKeys).nullable().optional(),
  /** Inputs of a formula line (entered figures); the score is then computed. */
  inputs: z.record(z.string().max(40), Figure).nullable().optional(),
  basis: Text(2000),
})
export const FrameworkBody = z.strictObject({ version: Version, lines: z.array(FrameworkLineBody).min(1).max(200) })
export type FrameworkInput = z.infer<typeof FrameworkBody>

export const StageBody = z.strictObject({ version: Version, stage: z.enum(keyEvaluationStages) })
export const ExchangeBody = z.strictObject({ version: Version, opinion: z.string().trim().min(2, bilingual('请填写意见', 'Write the opinion')).max(4000) })
export const FieldworkBody = z.strictObject({
  visitedOn: z.iso.date(bilingual('日期格式为 YYYY-MM-DD', 'A date is YYYY-MM-DD')),
  place: z.string().trim().min(1).max(200),
  people: Text(500),
  notes: Text(4000),
})
export type FieldworkInput = z.infer<typeof FieldworkBody>

export const SurveyBody = z.strictObject({
  title: z.string().trim().min(2).max(200),
  questions: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  target: Points.default('90'),
})
export type SurveyInput = z.infer<typeof SurveyBody>
export const SurveyImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') })
