import { z } from 'zod'
import { roleLabels, roles } from '../../../domain/roles.ts'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { bilingual } from '../../http/validation-messages.ts'
import { fetchPage, PageQuery } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { sendXlsx } from '../../platform/excel.ts'
import { listUsers, userSortKeys } from './users.repository.ts'
import { createUser, getUser, resetPassword, unlockUser, updateUser } from './users.service.ts'

const Username = z.string().regex(/^[A-Za-z0-9_.@-]{3,64}$/, bilingual('用户名为 3–64 位字母、数字或 _ . @ -', 'A username has 3–64 letters, digits or _ . @ -'))
const OrgCode = z.string().regex(/^[0-9A-Za-z]{2,32}$/)
const Roles = z.array(z.enum(roles)).min(1).max(roles.length)
const Version = z.int().min(1)
const IdParams = z.strictObject({ id: z.uuid() })

const UserQuery = z.strictObject({
  q: z.string().max(100).optional(),
  orgCode: OrgCode.optional(),
  role: z.enum(roles).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  sort: z.enum(userSortKeys).default('username'),
  ...PageQuery,
})
const CreateUserBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(128),
  orgCode: OrgCode,
  roles: Roles,
})
const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  orgCode: OrgCode.optional(),
  roles: Roles.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  version: Version,
})

export async function userRoutes(app: App, { db }: Deps) {
  const tags = ['users']
  app.get('/api/users', { schema: { tags, summary: '用户列表', querystring: UserQuery } }, async (req) => {
    const ctx = authorize(req, 'user.read')
    const { page, pageSize, sort, order, ...filter } = req.query
    return fetchPage(listUsers(db, ctx.actor, filter, sort, order), { page, pageSize })
  })

  app.get('/api/users/export', { schema: { tags, summary: '导出用户', querystring: UserQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'user.read')
    const { page: _p, pageSize: _s, sort, order, ...filter } = req.query
    const rows = await listUsers(db, ctx.actor, filter, sort, order).execute()
    await recordExport(db, ctx, 'user.export', filter)
    return sendXlsx(reply, '用户.xlsx', [
      { header: '用户名', value: (r) => r.username },
      { header: '姓名', value: (r) => r.displayName },
      { header: '机构编码', value: (r) => r.orgCode },
      { header: '机构名称', width: 36, value: (r) => r.orgName },
      { header: '角色', width: 36, value: (r) => r.roles.map((role) => roleLabels[role as keyof typeof roleLabels]?.zh ?? role).join('、') },
      { header: '状态', width: 8, value: (r) => (r.status === 'active' ? '启用' : '停用') },
      { header: '最近登录', value: (r) => r.lastLoginAt },
    ], rows)
  })

  app.get('/api/users/:id', { schema: { tags, summary: '用户详情', params: IdParams } }, async (req) =>
    getUser(db, authorize(req, 'user.read'), req.params.id),
  )

  app.post('/api/users', { schema: { tags, summary: '新增用户', body: CreateUserBody } }, async (req, reply) => {
    const created = await createUser(db, authorize(req, 'user.manage'), req.body)
    return reply.status(201).send(created)
  })

  app.patch('/api/users/:id', { schema: { tags, summary: '修改用户', params: IdParams, body: UpdateUserBody } }, async (req) =>
    updateUser(db, authorize(req, 'user.manage'), req.params.id, req.body),
  )

  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, summary: '解锁用户', params: IdParams, body: z.strictObject({ version: Version }) } },
    async (req) => unlockUser(db, authorize(req, 'user.unlock'), req.params.id, req.body.version),
  )

  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags, summary: '重置密码', params: IdParams, body: z.strictObject({ password: z.string().min(1).max(128), version: Version }) } },
    async (req) => resetPassword(db, authorize(req, 'user.manage'), req.params.id, req.body),
  )
}
