import { sql } from 'kysely'
import type { App, Deps } from '../../app.ts'

export async function healthRoutes(app: App, { db, engine }: Deps) {
  app.get('/api/health', { schema: { tags: ['health'], summary: '健康检查' } }, async () => {
    await sql`select 1`.execute(db)
    return { status: 'ok', database: engine }
  })
}
