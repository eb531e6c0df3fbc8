import { Alert, Button, Card, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../shared/serverErrors'
import { useTableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { GoalBatchBar } from './GoalBatchBar'
import { goalColumns } from './goalColumns'
import { batchActionsFor, todoNeedOf } from './goalTodo'
import { useGoals } from './goals.queries'
import type { GoalFilters, GoalListItem } from './goals.types'
import { useGoalVocabulary } from './goalVocabulary'

/**
 * 待办: the goals waiting for this user — a unit's drafts and returned goals, a department's submissions to review,
 * the bureau's goals to grade, approve and publish, an expert's assignments — each with what it needs; reviewers
 * may pass, approve or publish several at once.
 */
export function GoalTodoPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useGoalVocabulary()
  const table = useTableState<GoalFilters>({ todo: true })
  const goals = useGoals(table.params)
  const [selected, setSelected] = useState<GoalListItem[]>([])
  const batchActions = batchActionsFor(user)
  const expert = user.permissions.includes('goal.expert_review')

  const base = goalColumns({ t, vocabulary, sortOrderOf: (key) => (key === 'updatedAt' && !table.params.sort ? 'descend' : table.sortOrderOf(key)) })
  const column = (key: string) => base.filter((c) => c.key === key)
  const columns: TableColumnsType<GoalListItem> = [
    ...column('name'),
    {
      key: 'need',
      title: t('goals.todo.need'),
      width: 160,
      render: (_, row) => <Tag color="processing">{t(`goals.todo.needs.${todoNeedOf(row, user.permissions)}`)}</Tag>,
    },
    ...['status', 'org', 'fiscalYear', 'updatedAt'].flatMap(column),
    {
      key: 'open',
      title: t('common.actions'),
      width: 90,
      render: (_, row) => (
        <Link to={['draft', 'returned'].includes(row.status) ? `/goals/${row.id}/edit` : `/goals/${row.id}`} aria-label={t('goals.todo.handleNamed', { name: row.name })}>
          {t('goals.todo.handle')}
        </Link>
      ),
    },
  ]

  return (
    <Card title={expert ? t('nav.goalExpert') : t('nav.goalTodo')} size="small">
      <Typography.Paragraph type="secondary">{expert ? t('goals.todo.expertIntro') : t('goals.todo.intro')}</Typography.Paragraph>
      <GoalBatchBar actions={batchActions} selected={selected} onDone={() => setSelected([])} />
      {goals.isError && (
        <Alert type="error" showIcon title={errorMessage(goals.error)} action={<Button size="small" onClick={() => goals.refetch()}>{t('common.retry')}</Button>} style={{ marginBottom: 12 }} />
      )}
      <Table<GoalListItem>
        rowKey="id"
        size="middle"
        aria-label={t('goals.todo.label')}
        columns={columns}
        dataSource={goals.data?.items}
        loading={goals.isFetching}
        pagination={table.pagination(goals.data?.total)}
        onChange={table.onChange}
        rowSelection={batchActions.length ? { selectedRowKeys: selected.map((r) => r.id), onChange: (_, rows) => setSelected(rows), preserveSelectedRowKeys: true } : undefined}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('goals.todo.empty')} /> }}
      />
    </Card>
  )
}
