import { ArrowLeftOutlined, FundProjectionScreenOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Select, Space, Spin, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useCan } from '../auth/CurrentUser'
import { ExportButton } from '../../shared/ExportButton'
import { formatDateTime } from '../../shared/format'
import { JobProgress } from '../../shared/JobProgress'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { errorMessage } from '../../shared/serverErrors'
import { StageCoverageChart } from './CockpitCharts'
import { totalRow, useFigureColumns } from './FiguresColumns'
import { ProjectsTable } from './ProjectsTable'
import { RuleDifferencesCard } from './RuleDifferencesCard'
import { useDepartments, useRefresh, useRollup } from './cockpit.queries'
import type { RollupRow } from './cockpit.types'

/**
 * 市区联动 (rule 48): the roll-up of a jurisdiction — its own departments and each district below it — with the
 * coverage of every stage, lights, grades, execution against time progress, PEFA-style coverage and 考核; a click
 * drills into a district, then into one of its departments and its projects. The drill is in the URL.
 */
export function LinkagePage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const fiscalYear = Number(params.get('year')) || new Date().getFullYear()
  const jurisdiction = params.get('j') ?? undefined
  const department = params.get('d') ?? undefined
  const at = (next: { year?: number; j?: string | null; d?: string | null }) => {
    const p = new URLSearchParams(params)
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === undefined) p.delete(k)
      else p.set(k, String(v))
    }
    return p
  }
  const go = (next: Parameters<typeof at>[0]) => setParams(at(next))
  const href = (next: Parameters<typeof at>[0]) => `/cockpit/linkage?${at(next).toString()}`
  const rollup = useRollup(fiscalYear, jurisdiction)
  const root = rollup.data?.jurisdiction
  const departments = useDepartments(fiscalYear, root?.code)
  const departmentName = departments.data?.rows.find((r) => r.code === department)?.name ?? department

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Select {...filterSelectProps(t('cockpit.fiscalYear'), 120)} value={fiscalYear} options={fiscalYearOptions()} onChange={(year: number) => go({ year })} allowClear={false} />
          <RefreshControl fiscalYear={fiscalYear} jurisdictionCode={root?.code} refreshedAt={rollup.data?.refreshedAt ?? null} progressMonth={rollup.data?.progressMonth ?? null} />
          <ExportButton path="/api/cockpit/rollup/export" params={{ fiscalYear, jurisdictionCode: jurisdiction }} />
          <Link to={`/cockpit?year=${fiscalYear}${jurisdiction ? `&j=${encodeURIComponent(jurisdiction)}` : ''}`}>
            <Button icon={<FundProjectionScreenOutlined aria-hidden />}>{t('cockpit.nav.cockpit')}</Button>
          </Link>
        </Space>
      </Card>
      {root && (
        <Breadcrumb
          items={[
            ...(jurisdiction ? [{ title: <Link to={href({ j: null, d: null })}>{t('cockpit.drill.top')}</Link> }] : []),
            { title: department ? <Link to={href({ d: null })}>{root.name}</Link> : root.name },
            ...(department ? [{ title: departmentName }] : []),
          ]}
        />
      )}
      {rollup.isPending ? (
        <Spin />
      ) : rollup.isError ? (
        <Alert type="error" showIcon title={errorMessage(rollup.error)} action={<Button onClick={() => rollup.refetch()}>{t('common.retry')}</Button>} />
      ) : department ? (
        <Card size="small" title={t('cockpit.drill.projects', { name: departmentName })} extra={<Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go({ d: null })}>{t('cockpit.drill.back')}</Button>}>
          <ProjectsTable fiscalYear={fiscalYear} departmentCode={department} />
        </Card>
      ) : (
        <>
          <Card size="small" title={t('cockpit.sections.districts')}>
            <RollupTable rows={[...rollup.data.rows, totalRow(t('cockpit.fields.total'), rollup.data.total)]} hrefOf={(row) => (row.own ? null : href({ j: row.code, d: null }))} />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} xxl={14}>
              <Card size="small" title={t('cockpit.sections.coverageChart')}>
                <StageCoverageChart rows={rollup.data.rows} tone="light" ariaLabel={t('cockpit.sections.coverageChart')} onClick={(row) => !row.own && go({ j: row.code, d: null })} />
              </Card>
            </Col>
            <Col xs={24} xxl={10}>
              <RuleDifferencesCard fiscalYear={fiscalYear} jurisdictionCode={root?.code} />
            </Col>
          </Row>
          <Card size="small" title={t('cockpit.drill.departments', { name: root?.name })}>
            {departments.isPending ? <Spin /> : departments.isError ? <Alert type="error" showIcon title={errorMessage(departments.error)} /> : <RollupTable rows={departments.data.rows} hrefOf={(row) => href({ d: row.code })} />}
          </Card>
        </>
      )}
    </Space>
  )
}

function RollupTable({ rows, hrefOf }: { rows: RollupRow[]; hrefOf: (row: RollupRow) => string | null }) {
  const { t } = useTranslation()
  const figures = useFigureColumns<RollupRow>()
  const columns: ColumnsType<RollupRow> = [
    {
      title: t('cockpit.fields.name'),
      key: 'name',
      fixed: 'left',
      width: 160,
      render: (_, r) => {
        const to = r.code === '__total' ? null : hrefOf(r)
        return to ? <Link to={to}>{r.name}</Link> : <strong>{r.name}</strong>
      },
    },
    ...figures,
  ]
  if (rows.length === 0) return <Empty description={t('cockpit.noRows')} />
  return <Table<RollupRow> rowKey="code" size="small" columns={columns} dataSource={rows} pagination={rows.length > 15 ? { pageSize: 10, showSizeChanger: true } : false} scroll={{ x: 1100 }} />
}

/** The time of the last refresh and, for a finance administrator, the button that queues a new one. */
function RefreshControl({ fiscalYear, jurisdictionCode, refreshedAt, progressMonth }: { fiscalYear: number; jurisdictionCode?: string; refreshedAt: string | null; progressMonth: number | null }) {
  const { t } = useTranslation()
  const canRefresh = useCan('results.manage')
  const refresh = useRefresh()
  const [jobId, setJobId] = useState<string | null>(null)
  return (
    <Space wrap>
      <Typography.Text type="secondary" data-testid="cockpit-refreshed-at">
        {refreshedAt ? t('cockpit.refreshedAt', { time: formatDateTime(refreshedAt) }) : t('cockpit.neverRefreshed')}
        {progressMonth ? ` · ${t('cockpit.progressMonth', { month: progressMonth })}` : ''}
      </Typography.Text>
      {canRefresh && (
        <Button
          icon={<ReloadOutlined aria-hidden />}
          loading={refresh.start.isPending || jobId !== null}
          onClick={async () => setJobId((await refresh.start.mutateAsync({ fiscalYear, jurisdictionCode })).jobRunId)}
        >
          {jobId ? t('cockpit.refreshing') : t('cockpit.refresh')}
        </Button>
      )}
      {jobId && (
        <div style={{ minWidth: 240 }}>
          <JobProgress jobId={jobId} pollMs={500} onDone={() => { setJobId(null); void refresh.done() }} onFailed={() => setJobId(null)} />
        </div>
      )}
    </Space>
  )
}
