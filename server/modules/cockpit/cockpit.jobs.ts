import { z } from 'zod'
import { defineJob } from '../../platform/jobs.ts'
import { refreshCockpitSummary } from './cockpit.refresh.ts'

/** Rewrites the cockpit summary of a jurisdiction's subtree for a year: all-or-nothing in one transaction, so a rerun is safe. */
export const refreshCockpitJob = defineJob({
  kind: 'cockpit.refresh-summary',
  schema: z.strictObject({ jurisdictionCode: z.string().min(2).max(32), fiscalYear: z.int().min(2000).max(2100) }),
  run: async (data, ctx) => {
    await ctx.progress(0, 1, '汇总中')
    const result = await refreshCockpitSummary(ctx.db, { ...data, now: ctx.clock.now(), jobRunId: ctx.jobRunId })
    await ctx.progress(1, 1, `已汇总 ${result.departments} 个部门`)
    return result
  },
})
