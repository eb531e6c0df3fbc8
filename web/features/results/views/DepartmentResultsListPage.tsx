import { Button, Card, Empty, Space, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { useTableState } from '../../../shared/useTableState'
import { useCurrentUser } from '../../auth/CurrentUser'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useResultDepartments } from './resultsViews.queries'
import type { ResultDepartment, ResultDepartmentFilters } from './resultsViews.types'

/** 部门绩效结果: the departments in the user's scope with their open and overdue items and latest 考核; each opens its page. */
export function DepartmentResultsListPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const table = useTableState<ResultDepartmentFilters>({})
  const list = useResultDepartments(table.params)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')
  const columns: TableColumnsType<ResultDepartment> = [
    { key: 'code', title: t('resultsViews.fields.departmentCode'), dataIndex: 'code', width: 130, sorter: true, sortOrder: table.sortOrderOf('code') },
    { key: 'name', title: t('resultsViews.fields.department'), dataIndex: 'name', width: 220, render: (name: string, row) => <Link to={`/results/departments/${encodeURIComponent(row.code)}`}>{name}</Link> },
    { key: 'jurisdiction', title: t('resultsViews.fields.jurisdiction'), dataIndex: 'jurisdictionName', width: 140 },
    { key: 'openItems', title: t('resultsViews.fields.openItems'), dataIndex: 'openItems', width: 130, sorter: true, sortOrder: table.sortOrderOf('openItems'), render: (n: number) => (n > 0 ? <Tag color="gold">{n}</Tag> : n) },
    { key: 'overdueItems', title: t('resultsViews.fields.overdueItems'), dataIndex: 'overdueItems', width: 130, sorter: true, sortOrder: table.sortOrderOf('overdueItems'), render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
    {
      key: 'assessment',
      title: t('resultsViews.fields.lastAssessment'),
      dataIndex: 'lastAssessmentGrade',
      width: 160,
      render: (grade: ResultDepartment['lastAssessmentGrade'], row) =>
        grade ? (
          <Space size={4}>
            <Typography.Text type="secondary">{row.lastAssessmentYear}</Typography.Text>
            <GradeTag grade={grade} />
          </Space>
        ) : (
          '—'
        ),
    },
  ]
  return (
    <Card title={t('resultsViews.nav.departments')} size="small">
      <ListToolbar
        filters={
          <>
            <SearchInput label={t('resultsViews.filters.q')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} width={220} />
            {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
              <OrgTreeSelect kinds={['jurisdiction']} label={t('resultsViews.filters.jurisdiction')} value={table.filters.jurisdictionCode} onChange={(jurisdictionCode) => table.setFilters({ jurisdictionCode })} allowClear width={200} />
            )}
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={<ExportButton path="/api/results/departments/export" params={table.params} />}
      />
      <PagedTable
        label={t('resultsViews.nav.departments')}
        rowKey="code"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('resultsViews.departments.emptyFiltered') : t('resultsViews.departments.empty')} />}
      />
    </Card>
  )
}
