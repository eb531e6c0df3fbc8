import ReactEChartsCore from 'echarts-for-react/esm/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { grades, type Grade } from '../../../../domain/rule-set'
import { stackedBarsOption } from '../../../shared/stackedBars'
import { useTermWords } from '../../../shared/useTermWords'
import { selfListPath } from './dashboard.queries'
import type { GradeGroup } from './dashboard.types'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** 优/良/中/差 as the grade tags show them. */
export const gradeColors: Record<Grade, string> = { 优: '#52c41a', 良: '#1677ff', 中: '#faad14', 差: '#f5222d' }

const rowHeight = (n: number) => Math.max(180, 60 + n * 34)

/** Grades per group as stacked bars; a click on a department's bar opens its forms of that grade. */
export function GradesChart({ groups, fiscalYear, ariaLabel, drill }: { groups: GradeGroup[]; fiscalYear: number; ariaLabel: string; drill: boolean }) {
  const navigate = useNavigate()
  const words = useTermWords()
  const option = stackedBarsOption(
    groups.map((g) => g.name),
    'grades',
    grades.map((grade) => ({ name: words.grade(grade), color: gradeColors[grade], data: groups.map((g) => ({ value: g.grades[grade], filters: { ...g.drill, fiscalYear, grade } })) })),
  )
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: rowHeight(groups.length) }}
        onEvents={{ click: (p: { data?: { filters?: Record<string, string | number> } }) => drill && p.data?.filters && navigate(selfListPath(p.data.filters)) }}
      />
    </div>
  )
}

/** How many submitted 自评表 fall in each band of totals (差 below 60, then 10 points each). */
export function ScoresChart({ scores, ariaLabel }: { scores: { from: number; to: number; count: number }[]; ariaLabel: string }) {
  const { t } = useTranslation()
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: scores.map((s, i) => (i === scores.length - 1 ? `${s.from}–${s.to}` : `${s.from}–<${s.to}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('evaluationDashboard.forms'), type: 'bar', label: { show: true, position: 'top' }, itemStyle: { color: '#5470c6' }, data: scores.map((s) => s.count) }],
  }
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 240 }} />
    </div>
  )
}
