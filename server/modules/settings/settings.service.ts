import { defaultSecuritySettings, type SecuritySettings } from '../../../domain/security-settings.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { evictSessions } from '../auth/session-cache.ts'

export const SECURITY_KEY = 'security'

export type SecuritySettingsView = SecuritySettings & { version: number }

/** The security limits in force: stored values over the defaults, so a new setting needs no migration. */
export async function getSecuritySettings(db: Db): Promise<SecuritySettingsView> {
  const row = await db.selectFrom('setting').select(['value', 'version']).where('key', '=', SECURITY_KEY).executeTakeFirst()
  return { ...securitySettingsOf(row?.value), version: row?.version ?? 0 }
}

/** The stored value (or none) over the defaults; for readers that fetched the row along with something else. */
export function securitySettingsOf(stored: unknown): SecuritySettings {
  return { ...defaultSecuritySettings, ...((stored as Partial<SecuritySettings> | null | undefined) ?? {}) }
}

/** sec_admin changes the password policy, lockout and session limits. */
export async function updateSecuritySettings(
  db: Db,
  ctx: ActorCtx,
  input: SecuritySettings & { version: number },
): Promise<SecuritySettingsView> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('setting').selectAll().where('key', '=', SECURITY_KEY).forUpdate().executeTakeFirst()
    const before = { ...defaultSecuritySettings, ...((row?.value as Partial<SecuritySettings>) ?? {}) }
    assertVersion({ version: row?.version ?? 0 }, input.version)
    const { version: _v, ...value } = input
    const saved = row
      ? await trx
          .updateTable('setting')
          .set({ value: JSON.stringify(value), version: row.version + 1, updatedAt: ctx.now })
          .where('key', '=', SECURITY_KEY)
          .returning('version')
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('setting')
          .values({ key: SECURITY_KEY, value: JSON.stringify(value), version: 1, updatedAt: ctx.now })
          // Two first saves race past the FOR UPDATE (there is no row to lock yet): the later one is stale.
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('version')
          .executeTakeFirst()
    if (!saved) throw new AppError('VERSION_CONFLICT', { currentVersion: (await getSecuritySettings(trx)).version })
    await recordAudit(trx, ctx, { action: 'settings.update', entityType: 'setting', entityId: SECURITY_KEY, before, after: value })
    // Resolved sessions carry the idle limit: none may outlive a change to it.
    await evictSessions(db, trx, 'all')
    return { ...value, version: saved.version }
  })
}
