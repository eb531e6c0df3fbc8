import { z } from 'zod'
import { defineJob } from '../../platform/jobs.ts'
import { buildBundle } from './npc.bundle.ts'

export interface NpcBundleResult {
  fileId: string
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  departments: number
}

/** Every department's 人大材料 of a jurisdiction's year in one zip, one document at a time with progress. */
export const npcBundleJob = defineJob({
  kind: 'npc.bundle',
  schema: z.strictObject({ jurisdictionCode: z.string().min(2).max(32), fiscalYear: z.int().min(2000).max(2100) }),
  run: (data, ctx): Promise<NpcBundleResult> => buildBundle(ctx.db, data, ctx.clock.now(), (done, total, message) => ctx.progress(done, total, message)),
})
