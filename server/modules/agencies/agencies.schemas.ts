import { z } from 'zod'
import { agencyCreditStatuses, agencyTypes, procurementMethods } from '../../../domain/evaluation.ts'
import { violationSeverities } from '../../../domain/agency-independence.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const Version = z.int().min(1)
const Money = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, bilingual('金额为最多两位小数的数字', 'An amount with at most two decimals'))

export const AgencyIdParams = z.strictObject({ id: z.uuid() })
export const RelationParams = z.strictObject({ id: z.uuid(), relationId: z.uuid() })

const agencyFields = {
  name: z.string().trim().min(2, bilingual('机构名称至少 2 个字', 'An agency name has at least 2 characters')).max(200),
  /** 统一社会信用代码: 18 characters. */
  creditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, bilingual('统一社会信用代码应为 18 位', 'A unified social credit code has 18 characters')),
  type: z.enum(agencyTypes),
  qualifications: z.string().trim().max(2000),
  staffCount: z.int().min(0).max(1_000_000),
  creditStatus: z.enum(agencyCreditStatuses),
  contactPerson: z.string().trim().max(50),
  contactPhone: z.string().trim().max(50),
  orgCode: OrgCode.nullable(),
  userIds: z.array(z.uuid()).max(100),
}

export const CreateAgencyBody = z.strictObject({
  ...agencyFields,
  qualifications: agencyFields.qualifications.default(''),
  staffCount: agencyFields.staffCount.default(0),
  creditStatus: agencyFields.creditStatus.default('good'),
  contactPerson: agencyFields.contactPerson.default(''),
  contactPhone: agencyFields.contactPhone.default(''),
  orgCode: agencyFields.orgCode.default(null),
  userIds: agencyFields.userIds.default([]),
})
export type CreateAgencyInput = z.infer<typeof CreateAgencyBody>

export const UpdateAgencyBody = z.strictObject({ version: Version, ...z.strictObject(agencyFields).partial().shape })
export type UpdateAgencyInput = z.infer<typeof UpdateAgencyBody>

export const AgencyListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  type: z.enum(agencyTypes).optional(),
  creditStatus: z.enum(agencyCreditStatuses).optional(),
  jurisdictionCode: OrgCode.optional(),
  sort: z.enum(['name', 'createdAt', 'staffCount']).optional(),
  ...PageQuery,
})
export type AgencyListFilter = Omit<z.infer<typeof AgencyListQuery>, 'page' | 'pageSize'>

export const RelationBody = z.strictObject({
  orgCode: OrgCode,
  relation: z.string().trim().min(2, bilingual('请说明关联关系', 'Describe the relation')).max(200),
})

export const ViolationBody = z.strictObject({
  occurredOn: z.iso.date(),
  severity: z.enum(violationSeverities),
  description: z.string().trim().min(2, bilingual('请描述违规情况', 'Describe the violation')).max(2000),
})

export const IndependenceQuery = z.strictObject({ keyEvaluationId: z.uuid() })

export const EngagementBody = z.strictObject({
  keyEvaluationId: z.uuid(),
  procurementMethod: z.enum(procurementMethods),
  contractNo: z.string().trim().min(1, bilingual('请填写合同编号', 'Give the contract number')).max(100),
  fee: Money,
  subcontracted: z.boolean().default(false),
  subcontractNote: z.string().trim().max(1000).default(''),
  note: z.string().trim().max(2000).default(''),
})
export type EngagementInput = z.infer<typeof EngagementBody>

export const engagementStatuses = ['engaged', 'delivered', 'terminated'] as const
export const UpdateEngagementBody = z.strictObject({
  version: Version,
  status: z.enum(engagementStatuses).optional(),
  contractNo: z.string().trim().min(1).max(100).optional(),
  fee: Money.optional(),
  subcontracted: z.boolean().optional(),
  subcontractNote: z.string().trim().max(1000).optional(),
  note: z.string().trim().max(2000).optional(),
})
export type UpdateEngagementInput = z.infer<typeof UpdateEngagementBody>

export const RatingBody = z.strictObject({
  version: Version,
  /** The commissioning party's rating of the deliverable's quality (rule 45), 1–5. */
  rating: z.int().min(1).max(5),
  comment: z.string().trim().max(2000).default(''),
})

export const EngagementIdParams = z.strictObject({ id: z.uuid() })
export const EngagementListQuery = z.strictObject({
  keyEvaluationId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  status: z.enum(engagementStatuses).optional(),
  ...PageQuery,
})
