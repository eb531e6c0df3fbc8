import { sql } from 'kysely'
import type { App, Deps } from '../../app.ts'
import { AppError, requestLanguage } from '../../http/errors.ts'
import { checkReadiness } from './readiness.ts'

/**
 * Health for people and load balancers, all public and without a session: `/api/health` (the database answers),
 * `/api/health/live` (the process answers; never touches the database, so a slow database does not get a
 * healthy process restarted) and `/api/health/ready` (503 NOT_READY while this node should get no traffic).
 */
export async function healthRoutes(app: App, { db, engine, jobWorker }: Deps) {
  const tags = ['health']
  app.get('/api/health', { schema: { tags, summary: '健康检查' } }, async () => {
    await sql`select 1`.execute(db)
    return { status: 'ok', database: engine }
  })

  app.get('/api/health/live', { schema: { tags, summary: '存活检查（进程在运行，不访问数据库）' } }, async () => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }))

  app.get('/api/health/ready', { schema: { tags, summary: '就绪检查（数据库可连接且已迁移到最新；不就绪时 503）' } }, async (req) => {
    const readiness = await checkReadiness(db, requestLanguage(req), jobWorker)
    if (readiness.notReady.length) {
      req.log.warn({ err: readiness.error, notReady: readiness.notReady }, 'not ready')
      throw new AppError('NOT_READY', { checks: readiness.notReady })
    }
    return { status: 'ready', database: engine, migrations: readiness.migrations, jobs: readiness.jobs }
  })
}
