import type { TableColumnsType } from 'antd'
import { Space, Tag, Typography } from 'antd'
import type { SortOrder } from 'antd/es/table/interface'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../shared/format'
import { GoalStatusTag, GradeTag } from './GoalStatusTag'
import type { GoalListItem } from './goals.types'
import type { GoalVocabulary } from './goalVocabulary'

interface ColumnContext {
  t: TFunction
  vocabulary: GoalVocabulary
  sortOrderOf: (key: string) => SortOrder
}

const sortable = (key: string, ctx: ColumnContext) => ({ key, sorter: true, sortOrder: ctx.sortOrderOf(key) })

/** The goal list's columns, keyed as the server sorts them (name, fiscalYear, status, updatedAt). */
export function goalColumns(ctx: ColumnContext): TableColumnsType<GoalListItem> {
  const { t, vocabulary } = ctx
  const field = (key: string) => t(`goals.fields.${key}`)
  return [
    {
      ...sortable('name', ctx),
      title: field('name'),
      dataIndex: 'name',
      width: 280,
      render: (name: string, row) => (
        <div>
          <Link to={`/goals/${row.id}`}>{name}</Link>
          {row.projectCode && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.projectCode}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { key: 'kind', title: field('kind'), dataIndex: 'kind', width: 140, render: vocabulary.kind },
    { ...sortable('fiscalYear', ctx), title: field('fiscalYear'), dataIndex: 'fiscalYear', width: 90, align: 'center' },
    {
      key: 'org',
      title: field('org'),
      width: 180,
      render: (_, row) => (
        <div>
          <div>{row.unitName ?? row.departmentName}</div>
          {row.unitName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.departmentName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      ...sortable('status', ctx),
      title: field('status'),
      dataIndex: 'status',
      width: 170,
      render: (_, row) => (
        <Space size={4} wrap>
          <GoalStatusTag status={row.status} />
          <GradeTag grade={row.financeGrade} />
          {row.revision > 1 && <Tag>{t('goals.revision', { revision: row.revision })}</Tag>}
        </Space>
      ),
    },
    {
      key: 'findingCount',
      title: field('findingCount'),
      dataIndex: 'findingCount',
      width: 90,
      align: 'center',
      render: (count: number) => (count ? <Tag color="orange">{count}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      ...sortable('updatedAt', ctx),
      title: field('updatedAt'),
      dataIndex: 'updatedAt',
      width: 165,
      render: (at: string) => <Typography.Text type="secondary">{formatDateTime(at)}</Typography.Text>,
    },
  ]
}
