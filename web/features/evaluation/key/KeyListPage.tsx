import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, InputNumber, Select, Space, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { keyEvaluationLevelLabels, keyEvaluationLevels, keyEvaluationStageLabels, keyEvaluationStages } from '../../../../domain/evaluation'
import { ExportButton } from '../../../shared/ExportButton'
import { formatDateTime } from '../../../shared/format'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { filterSelectProps } from '../../../shared/listFilters'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCan } from '../../auth/CurrentUser'
import { CreateKeyDialog } from './CreateKeyDialog'
import { useKeyList } from './key.queries'
import type { KeyFilters, KeyListItem } from './key.types'
import { GradeTag, StageTag, useLang } from './keyVocabulary'

/** 部门评价 / 财政重点评价: the evaluations in the user's scope, filtered, paged and exported; finance and departments select new objects. */
export function KeyListPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const canKey = useCan('evaluation.key')
  const [creating, setCreating] = useState(false)
  const table = useTableState<KeyFilters>({})
  const list = useKeyList(table.params)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  const columns: TableColumnsType<KeyListItem> = [
    {
      key: 'name',
      title: t('evaluationKey.fields.name'),
      dataIndex: 'name',
      width: 300,
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/evaluation/key/${row.id}`}>{name}</Link>
          {row.projectCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.projectCode}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'fiscalYear', title: t('evaluationKey.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 80, sorter: true, sortOrder: table.sortOrderOf('fiscalYear') },
    { key: 'level', title: t('evaluationKey.fields.level'), dataIndex: 'level', width: 130, render: (level: KeyListItem['level']) => <Tag color={level === 'finance' ? 'blue' : 'geekblue'}>{keyEvaluationLevelLabels[level][lang]}</Tag> },
    { key: 'department', title: t('evaluationKey.fields.department'), dataIndex: 'departmentName', width: 150, ellipsis: { showTitle: true } },
    { key: 'unit', title: t('evaluationKey.fields.unit'), dataIndex: 'unitName', width: 150, ellipsis: { showTitle: true }, render: (u: string | null) => u ?? '—' },
    { key: 'stage', title: t('evaluationKey.fields.stage'), dataIndex: 'stage', width: 130, sorter: true, sortOrder: table.sortOrderOf('stage'), render: (stage: KeyListItem['stage']) => <StageTag stage={stage} /> },
    { key: 'total', title: t('evaluationKey.fields.total'), dataIndex: 'total', width: 90, align: 'right', sorter: true, sortOrder: table.sortOrderOf('total'), render: (v: string | null) => v ?? '—' },
    { key: 'grade', title: t('evaluationKey.fields.grade'), dataIndex: 'grade', width: 70, render: (g: KeyListItem['grade']) => <GradeTag grade={g} /> },
    { key: 'createdAt', title: t('evaluationKey.fields.createdAt'), dataIndex: 'createdAt', width: 150, sorter: true, sortOrder: table.sortOrderOf('createdAt'), render: formatDateTime },
  ]

  return (
    <Card title={t('evaluationKey.nav.list')} size="small">
      <ListToolbar
        filters={<KeyListFilters table={table} />}
        actions={
          <Space>
            <ExportButton path="/api/evaluation/key/export" params={table.params} />
            {canKey && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('evaluationKey.create')}
              </Button>
            )}
          </Space>
        }
      />
      <PagedTable
        label={t('evaluationKey.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('evaluationKey.emptyFiltered') : t('evaluationKey.empty')} />}
      />
      {creating && <CreateKeyDialog onClose={() => setCreating(false)} />}
    </Card>
  )
}

function KeyListFilters({ table }: { table: TableState<KeyFilters> }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { filters, setFilters } = table
  return (
    <>
      <SearchInput label={t('evaluationKey.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={200} />
      <InputNumber aria-label={t('evaluationKey.filters.fiscalYear')} placeholder={t('evaluationKey.filters.fiscalYear')} min={2000} max={2100} value={filters.fiscalYear} onChange={(v) => setFilters({ fiscalYear: v ?? undefined })} style={{ width: 100 }} />
      <Select {...filterSelectProps(t('evaluationKey.filters.level'), 140)} options={keyEvaluationLevels.map((l) => ({ value: l, label: keyEvaluationLevelLabels[l][lang] }))} value={filters.level} onChange={(level?: KeyFilters['level']) => setFilters({ level })} />
      <Select {...filterSelectProps(t('evaluationKey.filters.stage'), 140)} options={keyEvaluationStages.map((s) => ({ value: s, label: keyEvaluationStageLabels[s][lang] }))} value={filters.stage} onChange={(stage?: KeyFilters['stage']) => setFilters({ stage })} />
      <Select {...filterSelectProps(t('evaluationKey.filters.grade'), 90)} options={(['优', '良', '中', '差'] as const).map((g) => ({ value: g, label: g }))} value={filters.grade} onChange={(grade?: KeyFilters['grade']) => setFilters({ grade })} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
