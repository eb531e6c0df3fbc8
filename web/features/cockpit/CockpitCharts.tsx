import ReactEChartsCore from 'echarts-for-react/esm/core'
import { BarChart, FunnelChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useTranslation } from 'react-i18next'
import { coverageLabels, stageLabels, stages } from '../../../domain/cockpit'
import { grades } from '../../../domain/rule-set'
import { stackedBarsOption } from '../../shared/stackedBars'
import { useCodeLabels } from '../../shared/useCodeLabels'
import type { Figures, RollupRow } from './cockpit.types'

echarts.use([BarChart, FunnelChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

/** The 驾驶舱's dark screen or the 市区联动 page's light one. */
export type Tone = 'light' | 'dark'
const ink = (tone: Tone) => (tone === 'dark' ? '#c9d6f0' : '#595959')
const lightColors = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' } as const
const gradeColors = { 优: '#52c41a', 良: '#1677ff', 中: '#faad14', 差: '#ff4d4f' } as const
const stageColors = ['#1677ff', '#13c2c2', '#722ed1', '#fa8c16']
const num = (v: string | null) => (v === null ? null : Number(v))

function Chart({ option, height, ariaLabel, tone, onClick }: { option: Record<string, unknown>; height: number; ariaLabel: string; tone: Tone; onClick?: (p: { dataIndex: number }) => void }) {
  const themed = { ...option, backgroundColor: 'transparent', textStyle: { color: ink(tone) }, animation: false }
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore echarts={echarts} option={themed} notMerge style={{ height }} onEvents={onClick ? { click: onClick } : undefined} />
    </div>
  )
}

const axis = (tone: Tone) => ({ axisLabel: { color: ink(tone) }, axisLine: { lineStyle: { color: ink(tone) } }, splitLine: { lineStyle: { color: tone === 'dark' ? '#2a3550' : '#f0f0f0' } } })
const legend = (tone: Tone) => ({ top: 0, textStyle: { color: ink(tone) } })

/** Coverage of each stage per district (%), grouped bars; a click drills into the district. */
export function StageCoverageChart({ rows, tone, ariaLabel, onClick }: { rows: RollupRow[]; tone: Tone; ariaLabel: string; onClick?: (row: RollupRow) => void }) {
  const { labelOf } = useCodeLabels()
  const label = labelOf(stageLabels)
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    legend: legend(tone),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), ...axis(tone) },
    yAxis: { type: 'value', max: 100, ...axis(tone), axisLabel: { color: ink(tone), formatter: '{value}%' } },
    series: stages.map((stage, i) => ({ name: label(stage), type: 'bar', itemStyle: { color: stageColors[i] }, data: rows.map((r) => num(r.stages[i]!.rate)) })),
  }
  return <Chart option={option} height={300} tone={tone} ariaLabel={ariaLabel} onClick={onClick ? (p) => rows[p.dataIndex] && onClick(rows[p.dataIndex]!) : undefined} />
}

/** The year's lifecycle as a funnel: projects in the budget → goals approved → monitored → evaluated (counts). */
export function LifecycleFunnel({ figures, tone, ariaLabel }: { figures: Figures; tone: Tone; ariaLabel: string }) {
  const { t } = useTranslation()
  const { labelOf } = useCodeLabels()
  const label = labelOf(coverageLabels)
  const projects = figures.coverage[0]?.ofProjects ?? 0
  const data = [{ name: t('cockpit.funnel.projects'), value: projects }, ...figures.coverage.map((c) => ({ name: label(c.dimension), value: c.projects }))]
  const option = {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [{ type: 'funnel', sort: 'none', left: '8%', width: '84%', top: 8, bottom: 8, minSize: '20%', label: { show: true, position: 'inside', color: '#fff', formatter: '{b}\n{c}' }, itemStyle: { borderWidth: 0 }, color: ['#2f54eb', ...stageColors], data }],
  }
  return <Chart option={option} height={280} tone={tone} ariaLabel={ariaLabel} />
}

/** The latest monitoring round's lights (目标执行预警). */
export function LightsChart({ lights, tone, ariaLabel }: { lights: Figures['lights']; tone: Tone; ariaLabel: string }) {
  const { t } = useTranslation()
  const option = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { ...legend(tone), bottom: 0, top: undefined },
    series: [{ type: 'pie', radius: ['45%', '70%'], label: { color: ink(tone), formatter: '{c}' }, data: (['green', 'yellow', 'red'] as const).map((k) => ({ name: t(`cockpit.lights.${k}`), value: lights[k], itemStyle: { color: lightColors[k] } })) }],
  }
  return <Chart option={option} height={260} tone={tone} ariaLabel={ariaLabel} />
}

/** Grades of the self-evaluations per district, stacked. */
export function GradesChart({ rows, tone, ariaLabel }: { rows: { name: string; grades: Figures['grades'] }[]; tone: Tone; ariaLabel: string }) {
  const base = stackedBarsOption(rows.map((r) => r.name), 'grade', grades.map((g) => ({ name: g, color: gradeColors[g], data: rows.map((r) => r.grades[g]) })))
  const option = { ...base, legend: legend(tone), xAxis: { ...base.xAxis, ...axis(tone) }, yAxis: { ...base.yAxis, ...axis(tone) } }
  return <Chart option={option} height={Math.max(220, 60 + rows.length * 30)} tone={tone} ariaLabel={ariaLabel} />
}

/** 执行率 per district against 时间进度 (a line across the bars). */
export function ExecutionChart({ rows, timeProgress, tone, ariaLabel }: { rows: RollupRow[]; timeProgress: string | null; tone: Tone; ariaLabel: string }) {
  const { t } = useTranslation()
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    legend: legend(tone),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), ...axis(tone) },
    yAxis: { type: 'value', ...axis(tone), axisLabel: { color: ink(tone), formatter: '{value}%' } },
    series: [
      {
        name: t('cockpit.fields.executionRate'),
        type: 'bar',
        itemStyle: { color: '#36cfc9' },
        label: { show: true, position: 'top', color: ink(tone), formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value}%`) },
        data: rows.map((r) => num(r.execution.executionRate)),
        markLine: timeProgress === null ? undefined : { symbol: 'none', lineStyle: { color: '#ff7a45', type: 'dashed' }, label: { color: '#ff7a45', position: 'insideEndTop', formatter: `${t('cockpit.fields.timeProgress')} ${timeProgress}%` }, data: [{ yAxis: Number(timeProgress) }] },
      },
    ],
  }
  return <Chart option={option} height={280} tone={tone} ariaLabel={ariaLabel} />
}

/** 考核 totals, best first, with each district's rank. */
export function RankingChart({ rows, tone, ariaLabel }: { rows: RollupRow[]; tone: Tone; ariaLabel: string }) {
  const ranked = rows.filter((r) => r.assessment?.total != null).sort((a, b) => (a.assessment!.rank ?? 999) - (b.assessment!.rank ?? 999))
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, ...axis(tone) },
    yAxis: { type: 'category', inverse: true, data: ranked.map((r) => `${r.assessment!.rank ?? '—'}. ${r.name}`), ...axis(tone) },
    series: [{ type: 'bar', itemStyle: { color: '#597ef7' }, label: { show: true, position: 'right', color: ink(tone) }, data: ranked.map((r) => Number(r.assessment!.total)) }],
  }
  return <Chart option={option} height={Math.max(200, 40 + ranked.length * 30)} tone={tone} ariaLabel={ariaLabel} />
}

/** PEFA-style coverage: share of spending under goals, monitoring and evaluation. */
export function SpendingCoverageChart({ figures, tone, ariaLabel }: { figures: Figures; tone: Tone; ariaLabel: string }) {
  const { labelOf } = useCodeLabels()
  const label = labelOf(coverageLabels)
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, ...axis(tone), axisLabel: { color: ink(tone), formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: figures.coverage.map((c) => label(c.dimension)), ...axis(tone) },
    series: [{ type: 'bar', itemStyle: { color: '#73d13d' }, label: { show: true, position: 'right', color: ink(tone), formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value}%`) }, data: figures.coverage.map((c) => num(c.share)) }],
  }
  return <Chart option={option} height={180} tone={tone} ariaLabel={ariaLabel} />
}
