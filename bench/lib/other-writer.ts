import { sql } from 'kysely'
import { openPostgres } from '../../server/db/database.ts'
import { recordAudit, useAuditKey } from '../../server/platform/audit.ts'
import { systemClock } from '../../server/platform/clock.ts'
import { systemContext } from '../../server/system-context.ts'

/**
 * Another user's small audited writes (a project edit and its audit row, one transaction), every 20 ms, in a
 * process of its own so that only the database can make it wait. Argv: database URL, project id, the audit
 * key in hex. Stops at "stop" on stdin and prints its waits as JSON.
 */
const [url, projectId, keyHex] = process.argv.slice(2) as [string, string, string]
useAuditKey(Buffer.from(keyHex, 'hex'))
const handle = openPostgres(url)
const waits: number[] = []
let stop = false
process.stdin.on('data', (d) => { if (String(d).includes('stop')) stop = true })
process.stdout.write('ready\n')
while (!stop) {
  const started = performance.now()
  await handle.db.transaction().execute(async (trx) => {
    await trx.updateTable('project').set({ contactPhone: `0755-${String(waits.length).padStart(8, '0')}`, version: sql`version + 1` }).where('id', '=', projectId).execute()
    await recordAudit(trx, systemContext(systemClock, 'bench-other'), { action: 'project.update', entityType: 'project', entityId: projectId, after: { contactPhone: 'bench' } })
  })
  waits.push(performance.now() - started)
  await new Promise((r) => setTimeout(r, 20))
}
await handle.close()
process.stdout.write(`${JSON.stringify(waits)}\n`)
process.exit(0)
