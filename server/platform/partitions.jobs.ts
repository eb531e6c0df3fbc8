import { z } from 'zod'
import type { Db } from '../db/database.ts'
import { defineJob, enqueueJob } from './jobs.ts'
import { ensureYearPartitions, yearsAhead } from './partitions.ts'

/**
 * Creates the partitions of the current fiscal year and the configured years ahead (JIXIAO_PARTITION_YEARS_AHEAD,
 * default 2); `serve` enqueues it at every start and then once a day (keepPartitionsAhead). Idempotent: each year's partition is its own transaction and an
 * existing one is left alone, so a run killed half-way is finished by the next.
 */
export const ensurePartitionsJob = defineJob({
  kind: 'platform.ensure-partitions',
  schema: z.strictObject({}),
  async run(_data, job) {
    const years = yearsAhead(job.clock.now(), job.config.partitionYearsAhead)
    const created = await ensureYearPartitions(job.db, years)
    await job.progress(1, 1, `分区已就绪 partitions ready: ${years[0]}–${years.at(-1)}，新建 ${created.length} 个`)
    return { years, created }
  },
})

const DAY_MS = 86_400_000

/**
 * Queues the partitions job now and then every `everyMs` (a day unless given), so a node that runs for years keeps
 * partitions ahead without a restart. Each node queues its own; the job is idempotent, so several a day cost nothing.
 */
export async function keepPartitionsAhead(db: Db, options: { everyMs?: number; onError: (error: unknown) => void }) {
  const enqueue = () => enqueueJob(db, ensurePartitionsJob, {}, { entityType: 'partitions' })
  await enqueue()
  const timer = setInterval(() => void enqueue().catch(options.onError), options.everyMs ?? DAY_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
