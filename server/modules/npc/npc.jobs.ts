import { z } from 'zod'
import { type NpcFormat, npcFormats } from '../../../domain/npc.ts'
import { defineJob } from '../../platform/jobs.ts'
import { buildBundle } from './npc.bundle.ts'

export interface NpcBundleResult {
  fileId: string
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  departments: number
  /** The formats in the zip: Word always, PDF beside it when asked for. */
  formats: NpcFormat[]
}

/** Every department's 人大材料 of a jurisdiction's year in one zip, one document at a time with progress. */
export const npcBundleJob = defineJob({
  kind: 'npc.bundle',
  schema: z.strictObject({ jurisdictionCode: z.string().min(2).max(32), fiscalYear: z.int().min(2000).max(2100), formats: z.array(z.enum(npcFormats)).min(1).default(['docx']) }),
  run: (data, ctx): Promise<NpcBundleResult> => buildBundle(ctx.db, data, ctx.clock.now(), (done, total, message) => ctx.progress(done, total, message)),
})
