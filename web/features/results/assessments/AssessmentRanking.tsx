import { Empty, Flex, Segmented, Select, Table, Typography } from 'antd'
import { BulletinButton } from '../bulletins/BulletinButton'
import type { TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Grade } from '../../../../domain/rule-set'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { useAssessments } from './assessments.queries'
import type { Assessment } from './assessments.types'
import { ConsequenceTag } from './assessmentVocabulary'

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

const gradeColors: Record<Grade, string> = { 优: '#52c41a', 良: '#1677ff', 中: '#faad14', 差: '#f5222d' }

/** A year's published ranking — departments and districts apart — as a table and a bar chart of totals by org. */
export function AssessmentRanking() {
  const { t } = useTranslation()
  const [fiscalYear, setFiscalYear] = useState(dayjs().year() - 1)
  const [orgKind, setOrgKind] = useState<'department' | 'jurisdiction'>('department')
  const list = useAssessments({ fiscalYear, orgKind, status: 'published', sort: 'rank', order: 'asc', pageSize: 200 })
  const rows = list.data?.items ?? []

  const columns: TableColumnsType<Assessment> = [
    { key: 'rank', title: t('assessments.fields.rank'), dataIndex: 'rank', width: 70, align: 'right' },
    { key: 'org', title: t('assessments.fields.org'), dataIndex: 'orgName', render: (name: string, row) => <Link to={`/results/assessments/${row.id}`}>{name}</Link> },
    { key: 'total', title: t('assessments.fields.total'), dataIndex: 'total', width: 90, align: 'right' },
    { key: 'grade', title: t('assessments.fields.grade'), dataIndex: 'grade', width: 80, render: (g: Assessment['grade']) => <GradeTag grade={g} /> },
    { key: 'consequence', title: t('assessments.fields.consequence'), dataIndex: 'consequence', width: 100, render: (c: Assessment['consequence']) => <ConsequenceTag consequence={c} /> },
  ]

  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.orgName) },
    series: [
      {
        type: 'bar',
        name: t('assessments.fields.total'),
        label: { show: true, position: 'right' },
        data: rows.map((r) => ({ value: Number(r.total ?? 0), itemStyle: { color: r.grade ? gradeColors[r.grade] : '#bfbfbf' } })),
      },
    ],
  }

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Select {...filterSelectProps(t('assessments.filters.fiscalYear'), 120)} allowClear={false} options={fiscalYearOptions()} value={fiscalYear} onChange={(y: number) => setFiscalYear(y)} />
        <Segmented
          aria-label={t('assessments.filters.orgKind')}
          value={orgKind}
          onChange={(v) => setOrgKind(v as typeof orgKind)}
          options={(['department', 'jurisdiction'] as const).map((value) => ({ value, label: t(`assessments.orgKinds.${value}`) }))}
        />
        {rows.length > 0 && <BulletinButton of={{ kind: 'assessment', year: fiscalYear }} />}
      </Flex>
      {!list.isPending && rows.length === 0 ? (
        <Empty description={t('assessments.rankingEmpty')} />
      ) : (
        <Flex gap={24} wrap align="start">
          <div style={{ flex: '1 1 420px', minWidth: 360 }}>
            <Table<Assessment> aria-label={t('assessments.rankingLabel')} rowKey="id" size="small" columns={columns} dataSource={rows} loading={list.isFetching} pagination={false} />
          </div>
          <div style={{ flex: '1 1 480px', minWidth: 360 }}>
            <Typography.Title level={5}>{t('assessments.chart.title', { year: fiscalYear })}</Typography.Title>
            <div role="img" aria-label={t('assessments.chart.ariaLabel', { year: fiscalYear })}>
              <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(200, 40 + rows.length * 30) }} />
            </div>
          </div>
        </Flex>
      )}
    </>
  )
}
