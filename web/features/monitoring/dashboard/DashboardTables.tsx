import { Card, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { type Light, lightLabels } from '../../../../domain/lights'
import { formatMoney } from '../../../../domain/money'
import { useCodeLabels } from '../../../shared/useCodeLabels'
import { lightColors } from './DashboardCharts'
import { drillPath } from './dashboard.queries'
import type { Deviation, LateDepartment, LateUnit } from './dashboard.types'

export function LightTag({ light }: { light: Light | null }) {
  const { t, labelOf } = useCodeLabels()
  if (!light) return <Tag>{t('monitoringDashboard.unlit')}</Tag>
  return <Tag color={lightColors[light]}>{labelOf(lightLabels)(light)}</Tag>
}

/** The project forms whose execution is furthest from the time progress. */
export function DeviationTable({ rows, timeProgress }: { rows: Deviation[]; timeProgress: string }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<Deviation> = [
    {
      key: 'project',
      title: t('monitoringDashboard.columns.project'),
      render: (_, row) => (
        <>
          <Link to={drillPath(row.drill)}>{row.projectName}</Link>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.projectCode}
          </Typography.Text>
        </>
      ),
    },
    { key: 'unit', title: t('monitoringDashboard.columns.unit'), render: (_, row) => `${row.departmentName} / ${row.unitName}` },
    { key: 'budget', title: t('monitoringDashboard.columns.budgetAdjusted'), align: 'right', render: (_, row) => formatMoney(row.budgetAdjusted) },
    { key: 'executed', title: t('monitoringDashboard.columns.executed'), align: 'right', render: (_, row) => formatMoney(row.executed) },
    { key: 'rate', title: t('monitoringDashboard.columns.executionRate'), align: 'right', sorter: (a, b) => Number(a.executionRate) - Number(b.executionRate), render: (_, row) => `${row.executionRate}%` },
    {
      key: 'deviation',
      title: t('monitoringDashboard.columns.deviation'),
      align: 'right',
      sorter: (a, b) => Math.abs(Number(a.deviation)) - Math.abs(Number(b.deviation)),
      render: (_, row) => <Typography.Text type={Number(row.deviation) < 0 ? 'danger' : undefined}>{Number(row.deviation) > 0 ? `+${row.deviation}` : row.deviation}</Typography.Text>,
    },
    { key: 'budgetLight', title: t('monitoringDashboard.columns.budgetLight'), render: (_, row) => <LightTag light={row.budgetLight} /> },
    { key: 'projectLight', title: t('monitoringDashboard.columns.projectLight'), render: (_, row) => <LightTag light={row.projectLight} /> },
    { key: 'red', title: t('monitoringDashboard.columns.redIndicators'), align: 'right', dataIndex: 'redIndicators' },
  ]
  return (
    <Card title={t('monitoringDashboard.deviations', { time: timeProgress })} size="small">
      <Table rowKey="formId" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: t('monitoringDashboard.noDeviations') }} />
    </Card>
  )
}

/** Who has not reported after the deadline: units (a department sees its own) and departments (for finance). */
export function LateTables({ units, departments }: { units: LateUnit[]; departments: LateDepartment[] }) {
  const { t } = useTranslation()
  const unitColumns: TableColumnsType<LateUnit> = [
    { key: 'unit', title: t('monitoringDashboard.columns.unit'), render: (_, row) => <Link to={drillPath(row.drill)}>{row.unitName ?? t('monitoringDashboard.departmentForm', { name: row.departmentName })}</Link> },
    { key: 'department', title: t('monitoringDashboard.columns.department'), dataIndex: 'departmentName' },
    { key: 'late', title: t('monitoringDashboard.columns.late'), align: 'right', dataIndex: 'late', sorter: (a, b) => a.late - b.late },
    { key: 'reminded', title: t('monitoringDashboard.columns.reminded'), align: 'right', render: (_, row) => (row.remindCount ? t('monitoringDashboard.remindedTimes', { times: row.remindCount, at: row.remindedAt?.slice(0, 10) ?? '' }) : '—') },
  ]
  const departmentColumns: TableColumnsType<LateDepartment> = [
    { key: 'department', title: t('monitoringDashboard.columns.department'), render: (_, row) => <Link to={drillPath(row.drill)}>{row.departmentName}</Link> },
    { key: 'late', title: t('monitoringDashboard.columns.late'), align: 'right', dataIndex: 'late' },
    { key: 'awaiting', title: t('monitoringDashboard.columns.awaitingDepartment'), align: 'right', render: (_, row) => <Link to={drillPath({ ...row.drill, status: 'submitted' })}>{row.awaitingDepartment}</Link> },
  ]
  return (
    <Card title={t('monitoringDashboard.lateReporters')} size="small">
      <Table rowKey={(r) => `${r.departmentCode}/${r.unitCode ?? ''}`} size="small" columns={unitColumns} dataSource={units} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: t('monitoringDashboard.noneLate') }} />
      {departments.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('monitoringDashboard.lateDepartments')}
          </Typography.Title>
          <Table rowKey="departmentCode" size="small" columns={departmentColumns} dataSource={departments} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
        </>
      )}
    </Card>
  )
}
