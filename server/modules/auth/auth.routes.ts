import { z } from 'zod'
import type { App, Deps } from '../../app.ts'
import { authorizeOwnAccount, contextOf } from '../../http/context.ts'
import { changeOwnPassword, describeMe, login, logout, resolveSession } from './auth.service.ts'

export const SESSION_COOKIE = 'jixiao_sid'

const LoginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
})

const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
})

export async function authRoutes(app: App, { db, config }: Deps) {
  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], summary: '登录', body: LoginBody }, config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const ctx = contextOf(req)
      const { token } = await login(db, ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? null })
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies })
      const session = await resolveSession(db, token, ctx.now)
      return { user: session && 'actor' in session ? describeMe(session.actor) : null }
    },
  )

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    await logout(db, authorizeOwnAccount(req))
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.status(204).send()
  })

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => ({ user: describeMe(authorizeOwnAccount(req).actor) }))

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: '修改本人密码', body: ChangePasswordBody }, config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } } },
    async (req, reply) => {
      await changeOwnPassword(db, authorizeOwnAccount(req), req.body)
      return reply.status(204).send()
    },
  )
}
