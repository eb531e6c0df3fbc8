import { Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AuditEntry, Permission } from '../../api/types'
import { hasPermission, useCurrentUser } from '../auth/CurrentUser'

/** The record pages an audit row can point to, and who may open them. */
const recordPages: Record<string, { path: (id: string) => string; permission: Permission }> = {
  project: { path: (id) => `/projects/${id}`, permission: 'project.read' },
  goal: { path: (id) => `/goals/${id}`, permission: 'goal.read' },
  exante: { path: (id) => `/exante/${id}`, permission: 'exante.read' },
}

/** A readable name of the record from the row's own after/before state (name, display name, code or username). */
function recordName(entry: AuditEntry): string | null {
  for (const state of [entry.after, entry.before]) {
    if (!state || typeof state !== 'object') continue
    const s = state as Record<string, unknown>
    for (const key of ['name', 'displayName', 'projectName', 'username', 'code']) if (typeof s[key] === 'string' && s[key]) return s[key]
  }
  return null
}

/**
 * The record an audit row is about: its kind in words and its name, never a raw type code or UUID. The name opens
 * the record's page for those who may read it; otherwise it narrows the log to that record's trail.
 */
export function AuditEntity({ entry, onTrail }: { entry: AuditEntry; onTrail: (entityType: string, entityId: string) => void }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const kind = t(`labels.entityTypes.${entry.entityType}`, { defaultValue: t('labels.entityTypes.other') })
  if (!entry.entityId) return <span>{kind}</span>
  const name = recordName(entry) ?? t('labels.thisRecord')
  const page = recordPages[entry.entityType]
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{kind}</Typography.Text>
      {page && hasPermission(user, page.permission) ? (
        <Link to={page.path(entry.entityId)}>{name}</Link>
      ) : (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} title={t('labels.showTrail')} onClick={() => onTrail(entry.entityType, entry.entityId!)}>
          {name}
        </Button>
      )}
    </Space>
  )
}
