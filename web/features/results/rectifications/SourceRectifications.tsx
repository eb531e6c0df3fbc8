import { Card, Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { RectificationSourceType } from '../../../../domain/results'
import { useCan } from '../../auth/CurrentUser'
import { EscalationTag, RectificationStatusTag } from './rectificationVocabulary'
import { useRectificationList } from './rectifications.queries'
import type { RectificationListItem } from './rectifications.types'

/**
 * The other side of a rectification item's source link (rule 43): on a 自评表, a key evaluation, a monitoring form
 * or a spot-check item, the items raised from it, each linking to its page. Shows nothing when none was raised or
 * the user does not read results.
 */
export function SourceRectifications({ sourceType, sourceId }: { sourceType: RectificationSourceType; sourceId: string | undefined }) {
  const { t } = useTranslation()
  const canRead = useCan('results.read')
  const list = useRectificationList({ sourceType, sourceId, pageSize: 50 }, canRead && !!sourceId)
  const items = list.data?.items ?? []
  if (!canRead || items.length === 0) return null
  const f = (k: string) => t(`rectifications.fields.${k}`)
  const columns: TableColumnsType<RectificationListItem> = [
    { key: 'problem', title: f('problem'), dataIndex: 'problem', ellipsis: { showTitle: true }, render: (text: string, row) => <Link to={`/results/rectifications/${row.id}`}>{text}</Link> },
    { key: 'owner', title: f('owner'), dataIndex: 'ownerName', width: 180 },
    { key: 'dueOn', title: f('dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      key: 'status',
      title: f('status'),
      width: 180,
      render: (_: unknown, row) => (
        <>
          <RectificationStatusTag status={row.status} />
          {row.escalation.daysOverdue > 0 && row.status !== 'closed' && <EscalationTag escalation={row.escalation} />}
        </>
      ),
    },
  ]
  return (
    <Card size="small" title={t('rectifications.fromSource', { count: items.length })}>
      <Table<RectificationListItem> aria-label={t('rectifications.fromSource', { count: items.length })} rowKey="id" size="small" pagination={false} columns={columns} dataSource={items} />
    </Card>
  )
}
