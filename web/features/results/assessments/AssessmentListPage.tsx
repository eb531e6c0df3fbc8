import { Button, Card, Empty, Select, Space, Tabs, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { OpenAssessmentsDialog, PublishAssessmentsDialog } from './AssessmentYearDialogs'
import { AssessmentRanking } from './AssessmentRanking'
import { useAssessments } from './assessments.queries'
import type { Assessment, AssessmentFilters } from './assessments.types'
import { AssessmentStatusTag, ConsequenceTag, useAssessmentVocabulary } from './assessmentVocabulary'

/** 考核 (rule 47): the bureau's assessments of its departments and districts, and the year's ranking. */
export function AssessmentListPage() {
  const { t } = useTranslation()
  const [search, setSearch] = useSearchParams()
  const view = search.get('view') === 'ranking' ? 'ranking' : 'list'
  return (
    <Card title={t('assessments.nav.list')} size="small">
      <Tabs
        destroyOnHidden
        activeKey={view}
        onChange={(key) => setSearch(key === 'ranking' ? { view: 'ranking' } : {}, { replace: true })}
        items={[
          { key: 'list', label: t('assessments.tabs.list'), children: <AssessmentList /> },
          { key: 'ranking', label: t('assessments.tabs.ranking'), children: <AssessmentRanking /> },
        ]}
      />
    </Card>
  )
}

function AssessmentList() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const canManage = useCan('results.manage') && user.org.kind === 'jurisdiction'
  const table = useTableState<AssessmentFilters>({})
  const list = useAssessments(table.params)
  const [dialog, setDialog] = useState<'open' | 'publish' | null>(null)
  const filtered = Object.values(table.filters).some((v) => v !== undefined)

  const columns: TableColumnsType<Assessment> = [
    {
      key: 'orgCode',
      title: t('assessments.fields.org'),
      dataIndex: 'orgName',
      width: 240,
      sorter: true,
      sortOrder: table.sortOrderOf('orgCode'),
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/results/assessments/${row.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.orgCode}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'orgKind', title: t('assessments.fields.orgKind'), dataIndex: 'orgKind', width: 90, render: (kind: Assessment['orgKind']) => t(`assessments.orgKinds.${kind}`) },
    { key: 'fiscalYear', title: t('assessments.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 100, sorter: true, sortOrder: table.sortOrderOf('fiscalYear') },
    { key: 'status', title: t('assessments.fields.status'), dataIndex: 'status', width: 110, render: (status: Assessment['status']) => <AssessmentStatusTag status={status} /> },
    { key: 'dueOn', title: t('assessments.fields.dueOn'), dataIndex: 'dueOn', width: 110, render: (d: string) => String(d).slice(0, 10) },
    { key: 'total', title: t('assessments.fields.total'), dataIndex: 'total', width: 90, align: 'right', sorter: true, sortOrder: table.sortOrderOf('total'), render: (v: string | null) => v ?? '—' },
    { key: 'grade', title: t('assessments.fields.grade'), dataIndex: 'grade', width: 80, render: (g: Assessment['grade']) => <GradeTag grade={g} /> },
    { key: 'rank', title: t('assessments.fields.rank'), dataIndex: 'rank', width: 80, align: 'right', sorter: true, sortOrder: table.sortOrderOf('rank'), render: (v: number | null) => v ?? '—' },
    { key: 'consequence', title: t('assessments.fields.consequence'), dataIndex: 'consequence', width: 100, render: (c: Assessment['consequence']) => <ConsequenceTag consequence={c} /> },
  ]

  return (
    <>
      <ListToolbar
        filters={<Filters table={table} />}
        actions={
          <Space>
            {canManage && (
              <>
                <Button type="primary" onClick={() => setDialog('open')}>
                  {t('assessments.open.button')}
                </Button>
                <Button onClick={() => setDialog('publish')}>{t('assessments.publish.button')}</Button>
              </>
            )}
            <ExportButton path="/api/assessments/export" params={table.params} />
          </Space>
        }
      />
      <PagedTable
        label={t('assessments.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('assessments.emptyFiltered') : t('assessments.empty')} />}
      />
      {dialog === 'open' && <OpenAssessmentsDialog onClose={() => setDialog(null)} />}
      {dialog === 'publish' && <PublishAssessmentsDialog onClose={() => setDialog(null)} />}
    </>
  )
}

function Filters({ table }: { table: TableState<AssessmentFilters> }) {
  const { t } = useTranslation()
  const vocabulary = useAssessmentVocabulary()
  const { filters, setFilters } = table
  return (
    <>
      <Select {...filterSelectProps(t('assessments.filters.fiscalYear'), 120)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
      <Select {...filterSelectProps(t('assessments.filters.status'), 130)} options={vocabulary.statusOptions} value={filters.status} onChange={(status?: AssessmentFilters['status']) => setFilters({ status })} />
      <Select
        {...filterSelectProps(t('assessments.filters.orgKind'), 130)}
        options={(['department', 'jurisdiction'] as const).map((value) => ({ value, label: t(`assessments.orgKinds.${value}`) }))}
        value={filters.orgKind}
        onChange={(orgKind?: AssessmentFilters['orgKind']) => setFilters({ orgKind })}
      />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
