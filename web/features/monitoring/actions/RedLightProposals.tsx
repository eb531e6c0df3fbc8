import { Alert, Button, Card, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { lightLabels } from '../../../../domain/lights'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../shared/serverErrors'
import { useProposals } from './actions.queries'
import type { Proposal } from './actions.types'
import { type ActionTarget, IssueActionDialog } from './IssueActionDialog'

/** 红灯提示 (§13.37): a round's red forms with no open action, each with a button to act — nothing happens by itself. */
export function RedLightProposals({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh'
  const proposals = useProposals(roundId)
  const [target, setTarget] = useState<ActionTarget | null>(null)

  const columns: TableColumnsType<Proposal> = [
    {
      key: 'project',
      title: t('monitoringActions.fields.project'),
      dataIndex: 'projectName',
      render: (name: string | null, row) => (row.projectId ? <Link to={`/projects/${row.projectId}`}>{name}</Link> : row.departmentName),
    },
    { key: 'unit', title: t('monitoringActions.fields.unit'), dataIndex: 'unitName', render: (u: string | null, row) => u ?? row.departmentName },
    { key: 'rate', title: t('monitoringActions.proposals.executionRate'), dataIndex: 'executionRate', align: 'right', render: (r: string | null) => (r === null ? '—' : `${r}%`) },
    {
      key: 'light',
      title: t('monitoringActions.proposals.lights'),
      dataIndex: 'projectLight',
      render: (light: Proposal['projectLight'], row) => (
        <>
          {light && <Tag color={light === 'blue' ? 'blue' : light === 'green' ? 'green' : light === 'yellow' ? 'gold' : 'red'}>{lightLabels[light][lang]}</Tag>}
          {row.budgetLight && row.budgetLight !== light && <Tag>{lightLabels[row.budgetLight][lang]}</Tag>}
        </>
      ),
    },
    {
      key: 'act',
      title: '',
      render: (_: unknown, row) => (
        <Button size="small" danger onClick={() => setTarget({ formId: row.formId, projectId: row.projectId ?? undefined, label: row.projectName ?? row.departmentName })}>
          {t('monitoringActions.proposals.issue')}
        </Button>
      ),
    },
  ]

  return (
    <Card size="small" title={t('monitoringActions.proposals.title')}>
      <Typography.Paragraph type="secondary">{t('monitoringActions.proposals.hint')}</Typography.Paragraph>
      {proposals.isError && <Alert type="error" showIcon title={errorMessage(proposals.error)} />}
      <Table<Proposal>
        size="small"
        rowKey="formId"
        columns={columns}
        dataSource={proposals.data ?? []}
        loading={proposals.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('monitoringActions.proposals.empty')} /> }}
        aria-label={t('monitoringActions.proposals.title')}
      />
      {target && <IssueActionDialog target={target} onClose={() => setTarget(null)} />}
    </Card>
  )
}
