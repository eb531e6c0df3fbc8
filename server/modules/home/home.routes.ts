import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { homeOf } from './home.service.ts'

export async function homeRoutes(app: App, { db }: Deps) {
  app.get('/api/home', { schema: { tags: ['home'], summary: '首页：本人待办、关键数字和最近记录（按权限和数据范围）' } }, async (req) => homeOf(db, authorize(req)))
}
