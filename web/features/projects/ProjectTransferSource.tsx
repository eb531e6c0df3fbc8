import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../domain/money'
import { errorMessage } from '../../shared/serverErrors'
import { useCan, useCurrentUser } from '../auth/CurrentUser'
import { type TransferSources, useLinkTransferSource, useTransferSources } from './projects.queries'
import type { Project } from './projects.types'

type Source = TransferSources['items'][number]

/**
 * 承接上级转移支付: on a district project, the shares the bureau above allocated to the district this year; naming this
 * project as the receiver makes its goal, monitoring and self-evaluation the district sub-goal of the city's goal.
 */
export function ProjectTransferSource({ project }: { project: Project }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const sources = useTransferSources(project.id)
  const link = useLinkTransferSource()
  const ownSide = user.org.kind !== 'jurisdiction' || user.org.jurisdictionCode === project.jurisdictionCode
  const canLink = useCan('project.edit') && ownSide && project.status !== 'cancelled'
  if (!sources.data || sources.data.items.length === 0) return null

  const send = (source: Source, linked: boolean) =>
    link.mutateAsync({ projectId: project.id, sourceProjectId: source.sourceProjectId, version: source.version, link: linked }).then(
      () => message.success(t(linked ? 'projects.transfers.sources.linked' : 'projects.transfers.sources.unlinked')),
      (err) => message.error(errorMessage(err)),
    )

  return (
    <Card size="small" title={t('projects.transfers.sources.title')}>
      <Typography.Paragraph type="secondary">{t('projects.transfers.sources.hint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="sourceProjectId"
        pagination={false}
        dataSource={sources.data.items}
        columns={[
          { key: 'source', title: t('projects.transfers.sources.source'), dataIndex: 'sourceName', render: (name: string, r) => `${name}（${r.sourceCode}）` },
          { key: 'bureau', title: t('projects.transfers.sources.bureau'), dataIndex: 'bureauName', width: 120 },
          { key: 'amount', title: t('projects.transfers.sources.amount'), dataIndex: 'amount', width: 150, align: 'right', render: formatMoney },
          {
            key: 'receiver',
            title: t('projects.transfers.sources.receiver'),
            dataIndex: 'districtProjectName',
            render: (name: string | null, r) => (r.districtProjectId === project.id ? <Tag color="green">{t('projects.transfers.sources.thisProject')}</Tag> : (name ?? '—')),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 140,
            render: (_: unknown, r) => {
              if (!canLink) return null
              const mine = r.districtProjectId === project.id
              return (
                <Popconfirm
                  title={t(mine ? 'projects.transfers.sources.unlinkConfirm' : 'projects.transfers.sources.linkConfirm', { name: r.sourceName })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => send(r, !mine)}
                >
                  <Button size="small" danger={mine} loading={link.isPending}>
                    {t(mine ? 'projects.transfers.sources.unlink' : 'projects.transfers.sources.link')}
                  </Button>
                </Popconfirm>
              )
            },
          },
        ]}
      />
    </Card>
  )
}
