import { FileZipOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Select, Space, Tag } from 'antd'
import type { TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DownloadButton } from '../../shared/DownloadButton'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { PagedTable } from '../../shared/PagedTable'
import { SearchInput } from '../../shared/SearchInput'
import { useTableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { BundleDialog } from './BundleDialog'
import { packageUrl, useNpcPackages } from './npc.queries'
import type { NpcPackageFilters, NpcPackageRow } from './npc.types'

const count = (n: number, color: string) => (n > 0 ? <Tag color={color}>{n}</Tag> : n)

/**
 * 人大材料 (issue 14): for the budget review of a year, each department in the user's scope with what its Word package
 * holds — major projects and their approved goals, the overall goal, last year's key evaluations and self-evaluations,
 * open rectification — a download per department, and 生成全部 (a bureau's own departments in one zip, as a job).
 */
export function NpcPackagesPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const table = useTableState<NpcPackageFilters>({ fiscalYear: dayjs().year() })
  const list = useNpcPackages(table.params)
  const [bundling, setBundling] = useState(false)
  const year = table.filters.fiscalYear
  const atBureau = user.org.kind === 'jurisdiction'
  const filtered = !!table.filters.q || !!table.filters.jurisdictionCode
  // 生成全部 bundles the district the list is filtered to, else the user's own jurisdiction.
  const chosen = table.filters.jurisdictionCode
  const bundleScope = chosen ? { code: chosen, name: list.data?.items.find((r) => r.jurisdictionCode === chosen)?.jurisdictionName ?? chosen } : { name: user.org.name }

  const columns: TableColumnsType<NpcPackageRow> = [
    { key: 'name', title: t('npc.fields.department'), dataIndex: 'name', width: 170 },
    { key: 'code', title: t('npc.fields.code'), dataIndex: 'code', width: 100 },
    { key: 'jurisdiction', title: t('npc.fields.jurisdiction'), dataIndex: 'jurisdictionName', width: 100 },
    {
      key: 'major',
      title: t('npc.fields.majorProjects'),
      width: 140,
      render: (_: unknown, row) => (row.majorProjects ? t('npc.majorWithGoal', { count: row.majorProjects, approved: row.majorWithGoal }) : 0),
    },
    { key: 'departmentGoal', title: t('npc.fields.departmentGoal'), dataIndex: 'departmentGoal', width: 100, render: (has: boolean) => (has ? <Tag color="green">{t('npc.has')}</Tag> : <Tag>{t('npc.none')}</Tag>) },
    { key: 'keyEvaluations', title: t('npc.fields.keyEvaluations', { year: year - 1 }), dataIndex: 'keyEvaluations', width: 110 },
    { key: 'selfEvaluations', title: t('npc.fields.selfEvaluations', { year: year - 1 }), dataIndex: 'selfEvaluations', width: 110 },
    { key: 'openRectifications', title: t('npc.fields.openRectifications'), dataIndex: 'openRectifications', width: 100, render: (n: number) => count(n, 'gold') },
    { key: 'status', title: t('npc.fields.status'), dataIndex: 'status', width: 90, render: (status: NpcPackageRow['status']) => <Tag color={status === 'ready' ? 'blue' : 'default'}>{t(`npc.status.${status}`)}</Tag> },
    {
      key: 'download',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Space size={4}>
          {(['docx', 'pdf'] as const).map((format) => (
            <DownloadButton key={format} size="small" href={packageUrl(row.code, row.fiscalYear, format)} aria-label={t('npc.downloadOf', { name: row.name, format: t(`npc.formats.${format}`) })}>
              {t(`npc.formats.${format}`)}
            </DownloadButton>
          ))}
        </Space>
      ),
    },
  ]

  return (
    <Card title={t('npc.nav.packages')} size="small">
      <Alert type="info" showIcon title={t('npc.intro', { year, lastYear: year - 1 })} style={{ marginBottom: 12 }} />
      <ListToolbar
        filters={
          <>
            <Select {...filterSelectProps(t('npc.fields.fiscalYear'), 120)} allowClear={false} value={year} options={fiscalYearOptions()} onChange={(fiscalYear: number) => table.setFilters({ fiscalYear })} />
            <SearchInput label={t('npc.filters.q')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} width={200} />
            {atBureau && user.permissions.includes('org.read') && (
              <OrgTreeSelect kinds={['jurisdiction']} label={t('npc.fields.jurisdiction')} value={table.filters.jurisdictionCode} onChange={(jurisdictionCode) => table.setFilters({ jurisdictionCode })} allowClear width={180} />
            )}
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          <>
            <ExportButton path="/api/npc/packages/export" params={table.params} />
            {atBureau && (
              <Button type="primary" icon={<FileZipOutlined aria-hidden />} onClick={() => setBundling(true)}>
                {t('npc.bundle.open')}
              </Button>
            )}
          </>
        }
      />
      <PagedTable
        label={t('npc.nav.packages')}
        rowKey="code"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('npc.emptyFiltered') : t('npc.empty')} />}
      />
      {bundling && <BundleDialog fiscalYear={year} jurisdiction={bundleScope} onClose={() => setBundling(false)} />}
    </Card>
  )
}
