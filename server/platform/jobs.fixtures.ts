import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'
import { AppError } from '../http/errors.ts'
import { defineJob } from './jobs.ts'

/**
 * Jobs for the jobs tests (also run by the child worker process of jobs.restart.test.ts). `test.count` is
 * written the way real jobs must be: resumable — it continues from the progress an earlier, killed attempt
 * recorded — and idempotent (counting again past n changes nothing).
 */
export const countJob = defineJob({
  kind: 'test.count',
  schema: z.strictObject({ n: z.int().min(1).max(10_000), stepMs: z.int().min(0).max(5_000) }),
  async run({ n, stepMs }, ctx) {
    const before = await ctx.db.selectFrom('jobRun').select('done').where('id', '=', ctx.jobRunId).executeTakeFirstOrThrow()
    const resumedFrom = Math.min(before.done, n)
    await ctx.progress(resumedFrom, n, resumedFrom > 0 ? `resumed at ${resumedFrom}` : 'counting')
    for (let i = resumedFrom + 1; i <= n; i++) {
      await sleep(stepMs)
      await ctx.progress(i, n, `counted ${i}`)
    }
    return { counted: n, resumedFrom }
  },
})

export const failingJob = defineJob({
  kind: 'test.fail',
  schema: z.strictObject({ why: z.string() }),
  async run() {
    throw new AppError('NOT_FOUND')
  },
})

export const testJobDefinitions = [countJob, failingJob]
