import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../shared/format'
import { GoalStatusTag } from './GoalStatusTag'
import type { GoalVersion } from './goals.types'

/** Every revision of the goal (an adjustment is a new one), newest first; each opens as it stood. */
export function GoalVersions({ versions, currentId }: { versions: GoalVersion[]; currentId: string }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<GoalVersion> = [
    {
      key: 'revision',
      title: t('goals.fields.revision'),
      width: 110,
      render: (_, v) =>
        v.id === currentId ? (
          <Typography.Text strong>
            {t('goals.revision', { revision: v.revision })} <Tag>{t('goals.versions.viewing')}</Tag>
          </Typography.Text>
        ) : (
          <Link to={`/goals/${v.id}`}>{t('goals.revision', { revision: v.revision })}</Link>
        ),
    },
    { key: 'status', title: t('goals.fields.status'), width: 120, render: (_, v) => <GoalStatusTag status={v.status} /> },
    { key: 'reason', title: t('goals.fields.adjustmentReason'), render: (_, v) => v.adjustmentReason ?? '—' },
    { key: 'approvedAt', title: t('goals.fields.approvedAt'), width: 170, render: (_, v) => formatDateTime(v.approvedAt) },
    {
      key: 'inForce',
      title: t('goals.fields.inForce'),
      width: 220,
      render: (_, v) => (v.inForceFrom ? t('goals.inForceRange', { from: formatDateTime(v.inForceFrom), to: v.inForceTo ? formatDateTime(v.inForceTo) : t('goals.inForceNow') }) : '—'),
    },
  ]
  return (
    <Card size="small" title={t('goals.versions.title')}>
      <Table<GoalVersion> rowKey="id" size="small" aria-label={t('goals.versions.title')} columns={columns} dataSource={versions} pagination={false} scroll={{ x: 'max-content' }} />
    </Card>
  )
}
