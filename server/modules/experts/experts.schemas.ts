import { z } from 'zod'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const Field = z.string().trim().min(1).max(30)
const Score = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, bilingual('分数为最多两位小数的数字', 'A score with at most two decimals'))

export const ExpertIdParams = z.strictObject({ id: z.uuid() })

const expertFields = {
  name: z.string().trim().min(2, bilingual('姓名至少 2 个字', 'A name has at least 2 characters')).max(50),
  fields: z.array(Field).min(1, bilingual('至少填写一个专业领域', 'Give at least one field of expertise')).max(20),
  affiliationCode: OrgCode.nullable(),
  affiliation: z.string().trim().max(200),
  title: z.string().trim().max(100),
  phone: z.string().trim().max(50),
  active: z.boolean(),
  userId: z.uuid().nullable(),
}

export const CreateExpertBody = z.strictObject({
  ...expertFields,
  affiliationCode: expertFields.affiliationCode.default(null),
  affiliation: expertFields.affiliation.default(''),
  title: expertFields.title.default(''),
  phone: expertFields.phone.default(''),
  active: expertFields.active.default(true),
  userId: expertFields.userId.default(null),
})
export type CreateExpertInput = z.infer<typeof CreateExpertBody>

export const UpdateExpertBody = z.strictObject({ version: z.int().min(1), ...z.strictObject(expertFields).partial().shape })
export type UpdateExpertInput = z.infer<typeof UpdateExpertBody>

export const ExpertListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  field: Field.optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'createdAt']).optional(),
  ...PageQuery,
})
export type ExpertListFilter = Omit<z.infer<typeof ExpertListQuery>, 'page' | 'pageSize'>

export const ExpertRelationBody = z.strictObject({
  orgCode: OrgCode,
  relation: z.string().trim().min(2, bilingual('请说明关联关系', 'Describe the relation')).max(200),
})

export const DrawBody = z.strictObject({
  keyEvaluationId: z.uuid(),
  count: z.int().min(1).max(50),
  fields: z.array(Field).max(20).optional(),
  /** A recorded seed to draw again with; a new one is made when none is given. */
  seed: z.string().trim().regex(/^[0-9A-Za-z_-]{1,64}$/).optional(),
})
export type DrawInput = z.infer<typeof DrawBody>

export const DrawListQuery = z.strictObject({
  keyEvaluationId: z.uuid().optional(),
  ...PageQuery,
})

export const SheetBody = z.strictObject({
  version: z.int().min(0),
  /** Per indicator (its code or name), the expert's score as a decimal string. */
  scores: z.record(z.string().trim().min(1).max(100), Score).refine((s) => Object.keys(s).length <= 200),
  comment: z.string().trim().max(4000).default(''),
  /** Submits the sheet: it can no longer be changed. */
  submit: z.boolean().default(false),
})
export type SheetInput = z.infer<typeof SheetBody>
