import { z } from 'zod'
import { defineJob } from '../../platform/jobs.ts'
import { generateBudgetProposals } from './budget-decisions.generate.ts'

/** Next-year budget proposals of a jurisdiction's evaluated year (rule 42): chunked, resumable and idempotent. */
export const generateBudgetDecisionsJob = defineJob({
  kind: 'results.generate-budget-decisions',
  schema: z.strictObject({ jurisdictionCode: z.string().min(2).max(32), evaluatedYear: z.int().min(2000).max(2099) }),
  run: (data, ctx) => generateBudgetProposals(ctx.db, { ...data, now: ctx.clock.now() }, (done, total, message) => ctx.progress(done, total, message)),
})
