import ReactEChartsCore from 'echarts-for-react/esm/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { toWanYuan } from '../../../../domain/money'
import { rectificationStatuses } from '../../../../domain/results'
import { stackedBarsOption } from '../../../shared/stackedBars'
import { useRectificationVocabulary } from '../rectifications/rectificationVocabulary'
import type { DecisionSums, StatusCounts } from './resultsViews.types'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

const statusColors = { open: '#faad14', responded: '#1677ff', verified: '#13c2c2', closed: '#8c8c8c' } as const
const rowHeight = (n: number) => Math.max(200, 70 + n * 36)

function Chart({ option, rows, ariaLabel, onClick }: { option: object; rows: number; ariaLabel: string; onClick?: (p: { dataIndex: number }) => void }) {
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: rowHeight(rows) }} onEvents={onClick ? { click: onClick } : undefined} />
    </div>
  )
}

type Group = StatusCounts & { name: string; to?: string }

/** Items per group by status, stacked; a click opens the group's page. */
export function RectificationStatusChart({ groups, ariaLabel }: { groups: Group[]; ariaLabel: string }) {
  const vocabulary = useRectificationVocabulary()
  const navigate = useNavigate()
  const option = stackedBarsOption(
    groups.map((g) => g.name),
    'status',
    rectificationStatuses.map((status) => ({ name: vocabulary.status(status), color: statusColors[status], data: groups.map((g) => g[status]) })),
  )
  return <Chart option={option} rows={groups.length} ariaLabel={ariaLabel} onClick={(p) => groups[p.dataIndex]?.to && navigate(groups[p.dataIndex]!.to!)} />
}

/** 销号率 per group (closed of all, %), each bar labelled with its overdue items; a group without items shows 无. */
export function ClosureChart({ groups, ariaLabel }: { groups: Group[]; ariaLabel: string }) {
  const { t } = useTranslation()
  const label = (index: number) => {
    const g = groups[index]
    if (!g || g.total === 0) return t('resultsViews.dashboard.none')
    const overdue = g.overdue ? ` · ${t('resultsViews.dashboard.overdueCount', { count: g.overdue })}` : ''
    return `${g.closureRate}%${overdue}`
  }
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params: { dataIndex: number; name: string }[]) => `${params[0]?.name ?? ''}<br/>${t('resultsViews.fields.closureRate')} ${label(params[0]?.dataIndex ?? -1)}` },
    grid: { left: 8, right: 110, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.name) },
    series: [
      {
        name: t('resultsViews.fields.closureRate'),
        type: 'bar',
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => label(p.dataIndex) },
        data: groups.map((g) => ({ value: g.closureRate === null ? 0 : Number(g.closureRate), itemStyle: { color: g.overdue > 0 ? '#fa8c16' : '#52c41a' } })),
      },
    ],
  }
  return <Chart option={option} rows={groups.length} ariaLabel={ariaLabel} />
}

/** Proposed against decided amounts (万元) per category: an action or a department. */
export function DecisionAmountChart({ groups, ariaLabel }: { groups: (DecisionSums & { name: string })[]; ariaLabel: string }) {
  const { t } = useTranslation()
  const wan = (amount: string) => Number(toWanYuan(amount, 2))
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v} ${t('resultsViews.wanYuan')}` },
    legend: { top: 0 },
    grid: { left: 8, right: 64, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: t('resultsViews.wanYuan') },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.name) },
    series: [
      { name: t('resultsViews.fields.proposedAmount'), type: 'bar', itemStyle: { color: '#91caff' }, label: { show: true, position: 'right' }, data: groups.map((g) => wan(g.proposedAmount)) },
      { name: t('resultsViews.fields.decidedAmount'), type: 'bar', itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' }, data: groups.map((g) => wan(g.decidedAmount)) },
    ],
  }
  return <Chart option={option} rows={groups.length * 1.6} ariaLabel={ariaLabel} />
}
