import { z } from 'zod'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { getSecuritySettings, updateSecuritySettings } from './settings.service.ts'

const SecuritySettingsBody = z.strictObject({
  passwordMinLength: z.int().min(8).max(64),
  passwordMinClasses: z.int().min(1).max(4),
  maxFailedLogins: z.int().min(1).max(100),
  lockoutMinutes: z.int().min(1).max(24 * 60),
  accountMaxFailedLogins: z.int().min(5).max(10_000),
  sessionIdleMinutes: z.int().min(1).max(24 * 60),
  sessionMaxHours: z.int().min(1).max(7 * 24),
  version: z.int().min(0),
})

export async function settingsRoutes(app: App, { db }: Deps) {
  app.get('/api/settings/security', { schema: { tags: ['settings'], summary: '安全设置' } }, async (req) => {
    authorize(req, 'settings.manage')
    return getSecuritySettings(db)
  })
  app.put(
    '/api/settings/security',
    { schema: { tags: ['settings'], summary: '修改安全设置', body: SecuritySettingsBody } },
    async (req) => updateSecuritySettings(db, authorize(req, 'settings.manage'), req.body),
  )
}
