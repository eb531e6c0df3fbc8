import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { toWanYuan } from '../../../../domain/money'
import { DownloadButton } from '../../../shared/DownloadButton'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { errorMessage } from '../../../shared/serverErrors'
import { useCurrentUser } from '../../auth/CurrentUser'
import { ExecutionChart, LightsChart } from './DashboardCharts'
import { DeviationTable, LateTables } from './DashboardTables'
import { drillPath, exportUrl, reportUrl, useMonitoringDashboard } from './dashboard.queries'
import type { Dashboard } from './dashboard.types'

/**
 * 监控看板: a round's lights by department (and, for a city, by district), execution against time progress, the
 * largest deviations and the late reporters. Every bar, figure and row opens the forms behind it.
 */
export function MonitoringDashboardPage() {
  const { t } = useTranslation()
  const [fiscalYear, setFiscalYear] = useState(() => new Date().getFullYear())
  const [roundId, setRoundId] = useState<string | undefined>()
  const dashboard = useMonitoringDashboard({ roundId, fiscalYear })
  const data = dashboard.data

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Select
            {...filterSelectProps(t('monitoringDashboard.fiscalYear'), 110)}
            allowClear={false}
            value={fiscalYear}
            options={fiscalYearOptions()}
            onChange={(year: number) => {
              setFiscalYear(year)
              setRoundId(undefined)
            }}
          />
          <Select
            {...filterSelectProps(t('monitoringDashboard.round'), 300)}
            allowClear={false}
            value={data?.round?.id}
            options={(data?.rounds ?? []).map((r) => ({ value: r.id, label: `${r.jurisdictionName} · ${r.name}` }))}
            onChange={(id: string) => setRoundId(id)}
            notFoundContent={t('monitoringDashboard.noRounds')}
          />
          {data?.round && <Downloads key={data.round.id} roundId={data.round.id} departments={data.byDepartment} />}
        </Space>
      </Card>
      {dashboard.isPending ? (
        <Spin />
      ) : dashboard.isError ? (
        <Alert type="error" showIcon title={t('monitoringDashboard.loadFailed')} description={errorMessage(dashboard.error)} action={<Button onClick={() => dashboard.refetch()}>{t('common.retry')}</Button>} />
      ) : !data?.round || !data.totals ? (
        <Card>
          <Empty description={t('monitoringDashboard.empty', { year: data?.fiscalYear ?? fiscalYear })} />
        </Card>
      ) : (
        <DashboardBody data={data as Loaded} />
      )}
    </Space>
  )
}

/** The round's report and forms workbook; a bureau may narrow both to one department. */
function Downloads({ roundId, departments }: { roundId: string; departments: Dashboard['byDepartment'] }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const [departmentCode, setDepartmentCode] = useState<string | undefined>()
  return (
    <>
      {user.org.kind === 'jurisdiction' && departments.length > 1 && (
        <Select
          {...filterSelectProps(t('monitoringDashboard.reportDepartment'), 220)}
          value={departmentCode}
          onChange={(code?: string) => setDepartmentCode(code)}
          options={departments.map((d) => ({ value: d.departmentCode, label: d.departmentName }))}
        />
      )}
      {user.org.kind !== 'unit' && <DownloadButton href={reportUrl(roundId, departmentCode)}>{t('monitoringDashboard.downloadReport')}</DownloadButton>}
      <DownloadButton href={exportUrl(roundId, departmentCode)}>{t('monitoringDashboard.exportForms')}</DownloadButton>
    </>
  )
}

type Loaded = Dashboard & { round: NonNullable<Dashboard['round']>; totals: NonNullable<Dashboard['totals']>; timeProgress: string }

function DashboardBody({ data }: { data: Loaded }) {
  const { t } = useTranslation()
  const { totals, round, timeProgress } = data
  // A department looks at its units; a bureau at its departments.
  const byUnit = data.byUnit.length > 0
  const departments = byUnit
    ? data.byUnit.map((u) => ({ ...u, name: u.unitName ?? t('monitoringDashboard.departmentForm', { name: data.byDepartment[0]?.departmentName ?? '' }) }))
    : data.byDepartment.map((d) => ({ ...d, name: d.departmentName }))
  const lightsTitle = t(byUnit ? 'monitoringDashboard.lightsByUnit' : 'monitoringDashboard.lightsByDepartment')
  const executionTitle = t(byUnit ? 'monitoringDashboard.executionByUnit' : 'monitoringDashboard.executionByDepartment', { time: timeProgress })
  const districts = data.byDistrict.map((d) => ({ ...d, name: d.jurisdictionName }))
  const figure = (title: string, value: string | number, to: string, suffix?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Link to={to}>
          <Statistic title={title} value={value} suffix={suffix} />
        </Link>
      </Card>
    </Col>
  )
  return (
    <>
      <Typography.Text type="secondary">
        {t('monitoringDashboard.roundLine', { name: round.name, jurisdiction: round.jurisdictionName, month: round.cutoffMonth, deadline: round.deadline.slice(0, 10) })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {figure(t('monitoringDashboard.forms'), totals.forms, drillPath(totals.drill))}
        {figure(t('monitoringDashboard.reported'), `${totals.reported} / ${totals.forms}`, drillPath(totals.drill))}
        {figure(t('monitoringDashboard.late'), totals.late, drillPath(totals.drill))}
        {figure(t('monitoringDashboard.red'), totals.lights.red, drillPath({ ...totals.drill, light: 'red' }))}
        {figure(t('monitoringDashboard.key'), totals.key, drillPath({ ...totals.drill, isKey: true }))}
        {figure(t('monitoringDashboard.executionVsTime', { time: timeProgress }), totals.executionRate ?? '—', drillPath(totals.drill), '%')}
      </Row>
      <Typography.Text type="secondary">
        {t('monitoringDashboard.money', { adjusted: toWanYuan(totals.budgetAdjusted, 2), executed: toWanYuan(totals.executed, 2) })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card title={lightsTitle} size="small">
            {departments.length ? <LightsChart groups={departments} ariaLabel={lightsTitle} /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={executionTitle} size="small">
            {departments.length ? <ExecutionChart groups={departments} timeProgress={timeProgress} ariaLabel={executionTitle} /> : <Empty />}
          </Card>
        </Col>
        {districts.length > 0 && (
          <Col xs={24}>
            <Card title={t('monitoringDashboard.lightsByDistrict')} size="small">
              <LightsChart groups={districts} ariaLabel={t('monitoringDashboard.lightsByDistrict')} />
            </Card>
          </Col>
        )}
        <Col xs={24}>
          <DeviationTable rows={data.largestDeviations} timeProgress={timeProgress} />
        </Col>
        <Col xs={24}>
          <LateTables units={data.late.units} departments={data.late.departments} />
        </Col>
      </Row>
    </>
  )
}
