import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { fetchPage } from '../../http/paging.ts'
import { withLastYearResults } from '../results/continuity.ts'
import { countProjects, listProjects } from './projects.repository.ts'
import {
  NewProjectBody,
  ProjectIdParams,
  ProjectListQuery,
  StatusBody,
  UpdateProjectBody,
  VersionBody,
} from './projects.schemas.ts'
import { createProject, deleteProject, getProject, getProjectHistory, moveProject, updateProject } from './projects.service.ts'

export async function projectRoutes(app: App, deps: Deps) {
  const { db } = deps
  const reads = readerOf(deps)
  const tags = ['projects']

  app.get('/api/projects', { schema: { tags, summary: '项目库列表', querystring: ProjectListQuery } }, async (req) => {
    const ctx = authorize(req, 'project.read')
    const { page, pageSize, amountUnit: _u, ...filter } = req.query
    const reader = reads(req)
    const result = await fetchPage(listProjects(reader, ctx.actor, filter), { page, pageSize }, countProjects(reader, ctx.actor, filter))
    return { ...result, items: await withLastYearResults(reader, ctx.actor, result.items) }
  })

  app.post('/api/projects', { schema: { tags, summary: '新增项目（储备；项目编码留空则按本地区规则生成）', body: NewProjectBody } }, async (req, reply) => {
    const created = await createProject(db, authorize(req, 'project.edit'), req.body)
    return reply.status(201).send(created)
  })

  app.get('/api/projects/:id', { schema: { tags, summary: '项目详情', params: ProjectIdParams } }, async (req) =>
    getProject(db, authorize(req, 'project.read'), req.params.id),
  )

  app.patch('/api/projects/:id', { schema: { tags, summary: '修改项目', params: ProjectIdParams, body: UpdateProjectBody } }, async (req) =>
    updateProject(db, authorize(req, 'project.edit'), req.params.id, req.body),
  )

  app.delete('/api/projects/:id', { schema: { tags, summary: '删除储备项目', params: ProjectIdParams, body: VersionBody } }, async (req, reply) => {
    await deleteProject(db, authorize(req, 'project.edit'), req.params.id, req.body.version)
    return reply.status(204).send()
  })

  app.post('/api/projects/:id/status', { schema: { tags, summary: '项目状态变更', params: ProjectIdParams, body: StatusBody } }, async (req) =>
    moveProject(db, authorize(req, 'project.read'), req.params.id, req.body),
  )

  app.get('/api/projects/:id/history', { schema: { tags, summary: '项目变更记录', params: ProjectIdParams } }, async (req) => ({
    items: await getProjectHistory(db, authorize(req, 'project.read'), req.params.id),
  }))
}
