import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { budgetProposalActionLabels } from '../../../../domain/results'
import { formatMoney } from '../../../../domain/money'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { errorMessage } from '../../../shared/serverErrors'
import { useCodeLabels } from '../../../shared/useCodeLabels'
import { ClosureChart, DecisionAmountChart, RectificationStatusChart } from './ResultsCharts'
import { useResultsDashboard } from './resultsViews.queries'
import type { ResultsDashboard } from './resultsViews.types'

/**
 * 结果应用看板: rectification status, overdue items and closure per department (and, for a city, per district);
 * the budget decisions made from the year's results — proposed against decided, by action and by department.
 */
export function ResultsDashboardPage() {
  const { t } = useTranslation()
  // Results of a year are applied in the next: last year is the one being worked through.
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(() => new Date().getFullYear() - 1)
  const dashboard = useResultsDashboard(fiscalYear)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Select {...filterSelectProps(t('resultsViews.dashboard.fiscalYear'), 140)} placeholder={t('resultsViews.dashboard.allYears')} value={fiscalYear} options={fiscalYearOptions()} onChange={(year?: number) => setFiscalYear(year)} />
          <Typography.Text type="secondary">{fiscalYear === undefined ? t('resultsViews.dashboard.allYearsHint') : t('resultsViews.dashboard.yearHint', { year: fiscalYear, budgetYear: fiscalYear + 1 })}</Typography.Text>
        </Space>
      </Card>
      {dashboard.isPending ? (
        <Spin />
      ) : dashboard.isError ? (
        <Alert type="error" showIcon title={errorMessage(dashboard.error)} action={<Button onClick={() => dashboard.refetch()}>{t('common.retry')}</Button>} />
      ) : (
        <DashboardBody data={dashboard.data} />
      )}
    </Space>
  )
}

function DashboardBody({ data }: { data: ResultsDashboard }) {
  const { t } = useTranslation()
  const { labelOf } = useCodeLabels()
  const action = labelOf(budgetProposalActionLabels)
  const r = data.rectifications
  const departments = data.rectificationsByDepartment.map((d) => ({ ...d, name: d.departmentName, to: `/results/departments/${encodeURIComponent(d.departmentCode)}` }))
  const districts = data.rectificationsByJurisdiction.map((d) => ({ ...d, name: d.jurisdictionName }))
  const decided = data.decisionsByAction.reduce((sum, a) => sum + a.count, 0)
  const figure = (title: string, value: string | number, to?: string, suffix?: string) => (
    <Col xs={12} md={6}>
      <Card size="small">{to ? <Link to={to}><Statistic title={title} value={value} suffix={suffix} /></Link> : <Statistic title={title} value={value} suffix={suffix} />}</Card>
    </Col>
  )
  return (
    <>
      <Row gutter={[12, 12]}>
        {figure(t('resultsViews.dashboard.items'), r.total, '/results/rectifications')}
        {figure(t('resultsViews.fields.openItems'), r.open, '/results/rectifications')}
        {figure(t('resultsViews.fields.overdueItems'), r.overdue, '/results/rectifications?overdue=true')}
        {figure(t('resultsViews.fields.closureRate'), r.closureRate ?? '—', undefined, r.closureRate ? '%' : undefined)}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('resultsViews.dashboard.statusByDepartment')}>
            {departments.length ? <RectificationStatusChart groups={departments} ariaLabel={t('resultsViews.dashboard.statusByDepartment')} /> : <Empty description={t('resultsViews.dashboard.noItems')} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('resultsViews.dashboard.closureByDepartment')}>
            {departments.length ? <ClosureChart groups={departments} ariaLabel={t('resultsViews.dashboard.closureByDepartment')} /> : <Empty description={t('resultsViews.dashboard.noItems')} />}
          </Card>
        </Col>
        {districts.length > 1 && (
          <Col xs={24}>
            <Card size="small" title={t('resultsViews.dashboard.closureByDistrict')}>
              <ClosureChart groups={districts} ariaLabel={t('resultsViews.dashboard.closureByDistrict')} />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={12}>
          <Card size="small" title={t('resultsViews.dashboard.decisionsByAction', { year: data.budgetYear ?? '' })}>
            {decided ? (
              <>
                <DecisionAmountChart groups={data.decisionsByAction.map((a) => ({ ...a, name: action(a.proposedAction) }))} ariaLabel={t('resultsViews.dashboard.decisionsByAction', { year: data.budgetYear ?? '' })} />
                <Typography.Text type="secondary">
                  {data.decisionsByAction.map((a) => t('resultsViews.dashboard.actionLine', { action: action(a.proposedAction), count: a.count, decided: a.decided, proposed: formatMoney(a.proposedAmount), decidedAmount: formatMoney(a.decidedAmount) })).join('；')}
                </Typography.Text>
              </>
            ) : (
              <Empty description={t('resultsViews.dashboard.noDecisions')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('resultsViews.dashboard.decisionsByDepartment', { year: data.budgetYear ?? '' })}>
            {data.decisionsByDepartment.length ? (
              <DecisionAmountChart groups={data.decisionsByDepartment.map((d) => ({ ...d, name: d.departmentName }))} ariaLabel={t('resultsViews.dashboard.decisionsByDepartment', { year: data.budgetYear ?? '' })} />
            ) : (
              <Empty description={t('resultsViews.dashboard.noDecisions')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  )
}
