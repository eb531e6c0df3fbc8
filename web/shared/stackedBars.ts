/**
 * The ECharts option of counts per group as horizontal stacked bars, one series per status or grade, each bar
 * labelled with its count (empty when 0): the dashboards' "by department" charts.
 */
export function stackedBarsOption<D>(categories: string[], stack: string, series: { name: string; color: string; data: D[] }[]) {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: categories },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack,
      itemStyle: { color: s.color },
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: s.data,
    })),
  }
}
