import { once } from 'node:events'
import archiver from 'archiver'
import { type NpcFormat, packageFileName } from '../../../domain/npc.ts'
import type { Db } from '../../db/database.ts'
import { storeFile } from '../../platform/files.ts'
import { npcPackageData } from './npc.data.ts'
import { npcPackageFile } from './npc.document.ts'
import type { NpcBundleResult } from './npc.jobs.ts'
import { departmentsOf } from './npc.repository.ts'

/** A zip of the given files, in order, as bytes. */
async function zipOf(files: { name: string; content: Buffer }[]): Promise<Buffer> {
  const zip = archiver('zip', { zlib: { level: 6 } })
  const parts: Buffer[] = []
  zip.on('data', (chunk: Buffer) => parts.push(chunk))
  const ended = once(zip, 'end')
  for (const file of files) zip.append(file.content, { name: file.name })
  await zip.finalize()
  await ended
  return Buffer.concat(parts)
}

/**
 * Builds each department's document (progress after each), zips them and stores the zip as a file, all-or-nothing:
 * a rerun after a dead worker simply builds it again. The job's result names the stored file.
 */
export async function buildBundle(db: Db, input: { jurisdictionCode: string; fiscalYear: number; formats: readonly NpcFormat[] }, now: Date, progress: (done: number, total: number, message: string) => Promise<void>): Promise<NpcBundleResult> {
  const jurisdiction = await db.selectFrom('orgNode').select(['code', 'name']).where('code', '=', input.jurisdictionCode).executeTakeFirstOrThrow()
  const departments = await departmentsOf(db, input.jurisdictionCode)
  const files: { name: string; content: Buffer }[] = []
  await progress(0, departments.length, '')
  for (const [i, department] of departments.entries()) {
    const data = await npcPackageData(db, department, input.fiscalYear, now)
    for (const format of input.formats) files.push({ name: `${String(i + 1).padStart(2, '0')}-${packageFileName(input.fiscalYear, department.name, format)}`, content: await npcPackageFile(data, format) })
    await progress(i + 1, departments.length, department.name)
  }
  const content = await zipOf(files)
  const stored = await db.transaction().execute((trx) => storeFile(trx, { fileName: `${input.fiscalYear}-${jurisdiction.code}-npc.zip`, contentType: 'application/zip', content }, null, now))
  return { fileId: stored.id, jurisdictionCode: jurisdiction.code, jurisdictionName: jurisdiction.name, fiscalYear: input.fiscalYear, departments: departments.length, formats: [...input.formats] }
}
