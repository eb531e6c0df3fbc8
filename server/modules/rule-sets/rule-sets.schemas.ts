import { z } from 'zod'
import { instantParam } from '../../http/input-guards.ts'
import { bilingual } from '../../http/validation-messages.ts'

const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)

export const RuleSetParams = z.strictObject({
  jurisdictionCode: OrgCode,
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
})

/** The rules a jurisdiction sets for a year: only what differs from its parent; checked key by key in domain/. */
export const SaveRuleSetBody = z.strictObject({
  /** The revision being replaced: 0 when the jurisdiction has none for the year yet. */
  version: z.int().min(0),
  overrides: z.record(z.string(), z.unknown()),
  note: z.string().trim().min(2, bilingual('请说明修改依据', 'Say why the rules change')).max(1000),
})

export const RuleSetAsOfQuery = z.strictObject({ asOf: instantParam().optional() })
