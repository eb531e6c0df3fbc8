import { z } from 'zod'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { getJobRun } from './jobs.service.ts'

const JobIdParams = z.strictObject({ id: z.uuid() })

export async function jobRoutes(app: App, { db }: Deps) {
  const tags = ['jobs']
  app.get('/api/jobs/:id', { schema: { tags, summary: '后台任务进度（发起人或可读该行政区划者）', params: JobIdParams } }, async (req) =>
    getJobRun(db, authorize(req), req.params.id),
  )
}
