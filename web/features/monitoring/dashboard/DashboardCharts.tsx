import ReactEChartsCore from 'echarts-for-react/esm/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { type Light, lightLabels, lights } from '../../../../domain/lights'
import { useCodeLabels } from '../../../shared/useCodeLabels'
import { drillPath } from './dashboard.queries'
import type { Drill, Summary } from './dashboard.types'

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

/** The lights' colours, as the light tags show them. */
export const lightColors: Record<Light | 'unlit', string> = { red: '#f5222d', yellow: '#faad14', green: '#52c41a', blue: '#1677ff', unlit: '#bfbfbf' }

const rowHeight = (n: number) => Math.max(180, 60 + n * 34)

/** A chart named for screen readers whose data items carry a drill: a click opens those forms. */
function DrillChart({ option, rows, ariaLabel }: { option: object; rows: number; ariaLabel: string }) {
  const navigate = useNavigate()
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: rowHeight(rows) }}
        onEvents={{ click: (p: { data?: { drill?: Drill } }) => p.data?.drill && navigate(drillPath(p.data.drill)) }}
      />
    </div>
  )
}

interface Group extends Summary {
  name: string
}

/** Lights per group (department or district) as stacked bars; a click opens the forms of that group and light. */
export function LightsChart({ groups, ariaLabel }: { groups: Group[]; ariaLabel: string }) {
  const { t } = useTranslation()
  const { labelOf } = useCodeLabels()
  const lightName = labelOf(lightLabels)
  const series = [...lights, 'unlit' as const].map((light) => ({
    name: light === 'unlit' ? t('monitoringDashboard.unlit') : lightName(light),
    type: 'bar' as const,
    stack: 'lights',
    itemStyle: { color: lightColors[light] },
    label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
    data: groups.map((g) => ({ value: g.lights[light], drill: { ...g.drill, ...(light === 'unlit' ? {} : { light }) } satisfies Drill })),
  }))
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.name) },
    series,
  }
  return <DrillChart option={option} rows={groups.length} ariaLabel={ariaLabel} />
}

/** 执行率 per group against the time-progress line (m/12); a click opens the group's forms. */
export function ExecutionChart({ groups, timeProgress, ariaLabel }: { groups: Group[]; timeProgress: string; ariaLabel: string }) {
  const { t } = useTranslation()
  const progress = Number(timeProgress)
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10) },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.name) },
    series: [
      {
        name: t('monitoringDashboard.executionRate'),
        type: 'bar',
        label: { show: true, position: 'right', formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value}%`) },
        data: groups.map((g) => {
          // One neutral colour: the budget light itself is the server's (rule set), shown in the lights chart and tables.
          const value = g.executionRate === null ? null : Number(g.executionRate)
          return { value, itemStyle: { color: '#5470c6' }, drill: g.drill }
        }),
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#595959' },
          // The category axis runs top-down (inverse), so the line's start is at the top, clear of the value axis.
          label: { position: 'start', formatter: t('monitoringDashboard.timeProgressLine', { value: timeProgress }) },
          data: [{ xAxis: progress }],
        },
      },
    ],
  }
  return <DrillChart option={option} rows={groups.length} ariaLabel={ariaLabel} />
}
