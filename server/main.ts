import { buildApp } from './app.ts'
import { type Config, loadConfig } from './config.ts'
import { type DatabaseHandle, migrateToLatest, openDatabase, openReadHandle } from './db/database.ts'
import { jobDefinitions } from './jobs.ts'
import { type SessionEvictionListener, listenForSessionEvictions } from './modules/auth/session-eviction-listener.ts'
import { hasOrgData, seedDemo } from './modules/org/demo-seed.ts'
import { useAuditKey } from './platform/audit.ts'
import { openAuditKey } from './platform/audit-key.ts'
import { systemClock } from './platform/clock.ts'
import { type JobWorker, startJobWorker } from './platform/jobs-worker.ts'
import { keepPartitionsAhead } from './platform/partitions.jobs.ts'
import { systemContext } from './system-context.ts'

/** Opens the database, migrates where that is safe, seeds the demo on first start if asked, and listens. */
export async function serve(options: { demo: boolean }, config: Config = loadConfig()) {
  const handle = await openDatabase(config)
  try {
    await prepareDatabase(handle, config, options.demo)
    const jobs: { worker?: JobWorker } = {}
    const reads = openReadHandle(handle, config.databaseReadUrl, (message) => console.log(message))
    const deps = { db: handle.db, readDb: reads.readDb, engine: handle.engine, clock: systemClock, config, jobWorker: () => jobs.worker }
    const app = await buildApp(deps)
    if (reads.readDb !== handle.db) app.log.info('heavy reads go to the replica at DATABASE_READ_URL')
    // Background jobs run in the serving process (on PostgreSQL every app node takes its share of the queue).
    const worker = await startJobWorker(deps, {
      definitions: jobDefinitions,
      concurrency: 2,
      staleSeconds: config.jobStaleSeconds,
      heartbeatSeconds: Math.min(10, config.jobStaleSeconds / 4),
      onError: (error) => app.log.error(error, 'job worker'),
      onProgress: (job, done, total) => app.log.debug({ jobRunId: job.id, kind: job.kind, done, total }, 'job progress'),
    })
    jobs.worker = worker
    // This year's and the next years' partitions (ADR 0016), made by the queue at start and daily after.
    const partitions = await keepPartitionsAhead(handle.db, { onError: (error) => app.log.error(error, 'partitions job') })
    // Sessions ended on any app node are forgotten by every node's cache (ADR 0012); PGlite is one process.
    let evictions: SessionEvictionListener | undefined
    if (config.databaseUrl) evictions = await listenForSessionEvictions(handle.db, config.databaseUrl, app.log)
    const stop = async () => {
      partitions.stop()
      await app.close()
      await evictions?.stop()
      await worker.stop()
      await reads.close()
      await handle.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    await app.listen({ port: config.port, host: config.host })
    app.log.info(`Jixiao 绩效 on http://localhost:${config.port} (${handle.engine})`)
    return app
  } catch (error) {
    await handle.close()
    throw error
  }
}

async function prepareDatabase(handle: DatabaseHandle, config: Config, demo: boolean) {
  // Embedded mode owns its database and migrates itself; a shared PostgreSQL is migrated with `jixiao migrate`,
  // except for the demo, which must come up with one command.
  if (handle.engine === 'pglite' || demo) await migrateToLatest(handle.db)
  // The audit key is created on first start, before anything is audited.
  useAuditKey(await openAuditKey(handle.db, config.auditKey, { create: true }))
  if (demo && !(await hasOrgData(handle.db))) {
    const summary = await seedDemo(handle.db, systemContext(systemClock, 'seed'))
    console.log(`已写入演示数据 demo data seeded: ${summary.orgNodes} org nodes, ${summary.users} users, ${summary.projects} projects`)
  }
}
