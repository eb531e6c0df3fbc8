import { UploadOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { SelfImportDialog } from './SelfImportDialog'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useSelfFormList } from './self.queries'
import type { SelfFormFilters, SelfFormListItem } from './self.types'
import { GradeTag, SelfStatusTag, useSelfVocabulary } from './selfVocabulary'

/** The filters a link may carry (a round's figures link here with ?roundId=…&status=…). */
const linkable = ['roundId', 'status', 'grade', 'departmentCode', 'unitCode', 'projectId', 'kind', 'q'] as const

/** 自评表: the forms in the user's scope — filtered, sorted, paged — with their total and grade; the list exports to Excel. */
export function SelfFormListPage() {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const initial = Object.fromEntries(linkable.flatMap((k) => (search.get(k) ? [[k, search.get(k)!]] : []))) as SelfFormFilters
  if (search.get('fiscalYear')) initial.fiscalYear = Number(search.get('fiscalYear'))
  const table = useTableState<SelfFormFilters>(initial)
  const list = useSelfFormList(table.params)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')
  const canImport = useCan('evaluation.fill')
  const [importing, setImporting] = useState(false)

  const columns: TableColumnsType<SelfFormListItem> = [
    {
      key: 'projectName',
      title: t('evaluationSelf.fields.project'),
      width: 280,
      sorter: true,
      sortOrder: table.sortOrderOf('projectName'),
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/evaluation/self/${row.id}`}>{row.projectName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.kind === 'department' ? t('evaluationSelf.kinds.department') : row.projectCode} · {row.fiscalYear}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'department', title: t('evaluationSelf.fields.department'), dataIndex: 'departmentName', width: 150, ellipsis: { showTitle: true } },
    { key: 'unit', title: t('evaluationSelf.fields.unit'), dataIndex: 'unitName', width: 160, ellipsis: { showTitle: true } },
    { key: 'executionRate', title: t('evaluationSelf.funds.executionRate'), dataIndex: 'executionRate', width: 100, align: 'right', sorter: true, sortOrder: table.sortOrderOf('executionRate'), render: (v: string | null) => (v === null ? '—' : `${v}%`) },
    { key: 'total', title: t('evaluationSelf.fields.total'), dataIndex: 'total', width: 90, align: 'right', sorter: true, sortOrder: table.sortOrderOf('total'), render: (v: string | null) => v ?? '—' },
    { key: 'grade', title: t('evaluationSelf.fields.grade'), dataIndex: 'grade', width: 80, render: (g: SelfFormListItem['grade']) => <GradeTag grade={g} /> },
    { key: 'status', title: t('evaluationSelf.fields.status'), dataIndex: 'status', width: 120, render: (s: SelfFormListItem['status']) => <SelfStatusTag status={s} /> },
  ]

  return (
    <Card title={t('evaluationSelf.nav.forms')} size="small">
      <ListToolbar
        filters={<FormFilters table={table} />}
        actions={
          <Space>
            {canImport && (
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
                {t('evaluationSelf.import.open')}
              </Button>
            )}
            <ExportButton path="/api/evaluation/self/export" params={table.params} />
          </Space>
        }
      />
      <PagedTable
        label={t('evaluationSelf.forms.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('evaluationSelf.emptyFiltered') : t('evaluationSelf.forms.empty')} />}
      />
      {importing && <SelfImportDialog onClose={() => setImporting(false)} />}
    </Card>
  )
}

function FormFilters({ table }: { table: TableState<SelfFormFilters> }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useSelfVocabulary()
  const { filters, setFilters } = table
  const kinds = [
    { value: 'project', label: t('evaluationSelf.kinds.project') },
    { value: 'department', label: t('evaluationSelf.kinds.department') },
  ]
  return (
    <>
      <SearchInput label={t('evaluationSelf.forms.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={220} />
      <Select {...filterSelectProps(t('evaluationSelf.fields.fiscalYear'), 110)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
      {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
        <OrgTreeSelect kinds={['department']} label={t('evaluationSelf.fields.department')} value={filters.departmentCode} onChange={(departmentCode) => setFilters({ departmentCode })} allowClear width={200} />
      )}
      <Select {...filterSelectProps(t('evaluationSelf.fields.status'), 130)} options={vocabulary.statusOptions} value={filters.status} onChange={(status?: SelfFormFilters['status']) => setFilters({ status })} />
      <Select {...filterSelectProps(t('evaluationSelf.fields.grade'), 100)} options={vocabulary.gradeOptions} value={filters.grade} onChange={(grade?: SelfFormFilters['grade']) => setFilters({ grade })} />
      <Select {...filterSelectProps(t('evaluationSelf.forms.kind'), 120)} options={kinds} value={filters.kind} onChange={(kind?: SelfFormFilters['kind']) => setFilters({ kind })} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
