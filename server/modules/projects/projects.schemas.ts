import { z } from 'zod'
import { budgetKinds, objectKinds, projectAttributes, type ProjectInput, projectStatuses, projectTypes } from '../../../domain/projects.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

/** Money in the API is a decimal string with at most two places; numbers are refused (floats lose cents). */
// 16 integer digits and 2 decimals is exactly numeric(18,2): the pattern is the upper limit.
export const MoneyText = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, bilingual('金额须为非负数字，最多两位小数，如 "1234567.89"', 'An amount is a non-negative number with at most two decimals, e.g. "1234567.89"'))

const Year = z.int().min(2000).max(2100)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)

export const projectFields = {
  code: z.string().trim().regex(/^[0-9A-Za-z_-]{1,64}$/, bilingual('项目编码为 1–64 位字母、数字、下划线或连字符', 'A project code has 1–64 letters, digits, _ or -')),
  name: z.string().trim().min(2, bilingual('项目名称至少 2 个字', 'A project name has at least 2 characters')).max(200, bilingual('项目名称不超过 200 个字', 'A project name has at most 200 characters')),
  fiscalYear: Year,
  unitCode: OrgCode,
  budgetKind: z.enum(budgetKinds),
  attribute: z.enum(projectAttributes),
  projectType: z.enum(projectTypes),
  objectKind: z.enum(objectKinds),
  periodStartYear: Year,
  periodEndYear: Year,
  mediumTermAmount: MoneyText,
  amountGeneral: MoneyText,
  amountFund: MoneyText,
  amountStateCapital: MoneyText,
  amountSocialInsurance: MoneyText,
  amountOther: MoneyText,
  isMajorNew: z.boolean(),
  description: z.string().max(4000),
  contactName: z.string().trim().max(50).nullable(),
  contactPhone: z.string().trim().regex(/^[0-9+\-() ]{0,30}$/, bilingual('联系电话只能包含数字和 + - ( )，不超过 30 位', 'A phone number has up to 30 digits and + - ( )')).nullable(),
}

export const CreateProjectBody = z.strictObject({
  ...projectFields,
  amountFund: projectFields.amountFund.default('0'),
  amountStateCapital: projectFields.amountStateCapital.default('0'),
  amountSocialInsurance: projectFields.amountSocialInsurance.default('0'),
  amountOther: projectFields.amountOther.default('0'),
  isMajorNew: projectFields.isMajorNew.default(false),
  description: projectFields.description.default(''),
  contactName: projectFields.contactName.default(null),
  contactPhone: projectFields.contactPhone.default(null),
})
export type CreateProjectInput = z.infer<typeof CreateProjectBody>
// The schema must parse to exactly the domain's ProjectInput: a field added to one and not the other fails here.
const _sameShape: [CreateProjectInput, ProjectInput] extends [ProjectInput, CreateProjectInput] ? true : never = true

export const UpdateProjectBody = z.strictObject({
  ...Object.fromEntries(Object.entries(projectFields).map(([k, v]) => [k, v.optional()])),
  version: z.int().min(1),
} as { [K in keyof typeof projectFields]: z.ZodOptional<(typeof projectFields)[K]> } & { version: z.ZodInt })
export type UpdateProjectInput = z.infer<typeof UpdateProjectBody>

export const ProjectSortKeys = ['code', 'name', 'fiscalYear', 'amountTotal', 'status', 'updatedAt'] as const

export const ProjectListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  jurisdictionCode: OrgCode.optional(),
  departmentCode: OrgCode.optional(),
  unitCode: OrgCode.optional(),
  budgetKind: z.enum(budgetKinds).optional(),
  objectKind: z.enum(objectKinds).optional(),
  attribute: z.enum(projectAttributes).optional(),
  projectType: z.enum(projectTypes).optional(),
  status: z.enum(projectStatuses).optional(),
  isMajorNew: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  minAmount: MoneyText.optional(),
  maxAmount: MoneyText.optional(),
  sort: z.enum(ProjectSortKeys).optional(),
  ...PageQuery,
  /** Show amounts in 元 (default) or 万元 in exports. */
  amountUnit: z.enum(['yuan', 'wan']).default('yuan'),
})
export type ProjectListFilter = z.infer<typeof ProjectListQuery>

export const StatusBody = z.strictObject({ status: z.enum(projectStatuses), version: z.int().min(1), opinion: z.string().trim().max(500).optional() })
export const VersionBody = z.strictObject({ version: z.int().min(1) })
export const ProjectIdParams = z.strictObject({ id: z.uuid() })
