import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { CreateFrameworkBody, FrameworkParams, UpdateFrameworkBody } from './frameworks.schemas.ts'
import { createFramework, getFramework, listFrameworks, updateFramework } from './frameworks.service.ts'

export async function frameworkRoutes(app: App, { db }: Deps) {
  const tags = ['indicator-frameworks']

  app.get('/api/frameworks', { schema: { tags, summary: '指标体系模板列表' } }, async (req) => ({ items: await listFrameworks(db, authorize(req, 'indicator.read')) }))

  app.get('/api/frameworks/:code', { schema: { tags, summary: '指标体系模板（含一级、二级指标树）', params: FrameworkParams } }, async (req) =>
    getFramework(db, authorize(req, 'indicator.read'), req.params.code),
  )

  app.post('/api/frameworks', { schema: { tags, summary: '新建本级指标体系（复制已有模板）', body: CreateFrameworkBody } }, async (req, reply) =>
    reply.status(201).send(await createFramework(db, authorize(req, 'indicator.manage'), req.body)),
  )

  app.put('/api/frameworks/:code', { schema: { tags, summary: '保存指标体系', params: FrameworkParams, body: UpdateFrameworkBody } }, async (req) =>
    updateFramework(db, authorize(req, 'indicator.manage'), req.params.code, req.body),
  )
}
