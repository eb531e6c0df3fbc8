import { z } from 'zod'
import { budgetDecisionSubjects, budgetProposalActionLabels } from '../../../domain/results.ts'
import type { BudgetProposalAction } from '../../../domain/rule-set.ts'
import { PageQuery } from '../../http/paging.ts'
import { bilingual } from '../../http/validation-messages.ts'

const proposalActions = Object.keys(budgetProposalActionLabels) as [BudgetProposalAction, ...BudgetProposalAction[]]
const Year = z.coerce.number().int().min(2000).max(2100)
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const Amount = z.string().trim().regex(/^\d{1,16}(\.\d{1,2})?$/, bilingual('金额为最多两位小数的数字（元）', 'An amount is a number of yuan with at most two decimals'))

export const DecisionIdParams = z.strictObject({ id: z.uuid() })
export const ProjectIdParams = z.strictObject({ projectId: z.uuid() })

export const DecisionListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  /** The year decided for (the evaluated year + 1). */
  fiscalYear: Year.optional(),
  subjectKind: z.enum(budgetDecisionSubjects).optional(),
  grade: z.enum(['优', '良', '中', '差']).optional(),
  proposedAction: z.enum(proposalActions).optional(),
  decided: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  departmentCode: OrgCode.optional(),
  projectId: z.uuid().optional(),
  sort: z.enum(['projectCode', 'proposedAmount', 'decidedAmount', 'updatedAt']).optional(),
  ...PageQuery,
})
export type DecisionListFilter = Omit<z.infer<typeof DecisionListQuery>, 'page' | 'pageSize'>
export const DecisionExportQuery = DecisionListQuery.omit({ page: true, pageSize: true })

/** Proposals for every project of a jurisdiction evaluated in a year (the bureau's own jurisdiction by default). */
export const GenerateBody = z.strictObject({
  jurisdictionCode: OrgCode.optional(),
  evaluatedYear: z.int().min(2000).max(2099),
})

export const DecideBody = z.strictObject({
  version: z.int().min(1),
  decidedAmount: Amount,
  reason: z.string().trim().max(2000).default(''),
})
export type DecideInput = z.infer<typeof DecideBody>
