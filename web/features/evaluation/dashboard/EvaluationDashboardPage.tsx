import { Alert, Button, Card, Col, Empty, Progress, Row, Select, Space, Spin, Statistic, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { keyEvaluationStageLabels } from '../../../../domain/evaluation'
import { grades } from '../../../../domain/rule-set'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { errorMessage } from '../../../shared/serverErrors'
import { useCodeLabels } from '../../../shared/useCodeLabels'
import { useTermWords } from '../../../shared/useTermWords'
import { GradesChart, ScoresChart, gradeColors } from './EvaluationCharts'
import { selfListPath, useEvaluationDashboard } from './dashboard.queries'
import type { EvaluationDashboard } from './dashboard.types'

/**
 * 绩效评价看板: for a fiscal year, self-evaluation coverage and grades by department (and, for a city, by district),
 * the distribution of totals, the largest spot-check gaps and the key evaluations by stage. Department bars and the
 * figures open the 自评表 behind them.
 */
export function EvaluationDashboardPage() {
  const { t } = useTranslation()
  // Self-evaluation is of the year just ended.
  const [fiscalYear, setFiscalYear] = useState(() => new Date().getFullYear() - 1)
  const dashboard = useEvaluationDashboard(fiscalYear)
  const data = dashboard.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Select {...filterSelectProps(t('evaluationDashboard.fiscalYear'), 110)} allowClear={false} value={fiscalYear} options={fiscalYearOptions()} onChange={(year: number) => setFiscalYear(year)} />
      </Card>
      {dashboard.isPending ? (
        <Spin />
      ) : dashboard.isError ? (
        <Alert type="error" showIcon title={t('evaluationDashboard.loadFailed')} description={errorMessage(dashboard.error)} action={<Button onClick={() => dashboard.refetch()}>{t('common.retry')}</Button>} />
      ) : !data || (data.forms === 0 && data.keyEvaluations.every((k) => k.count === 0)) ? (
        <Card>
          <Empty description={t('evaluationDashboard.empty', { year: fiscalYear })} />
        </Card>
      ) : (
        <DashboardBody data={data} />
      )}
    </Space>
  )
}

function DashboardBody({ data }: { data: EvaluationDashboard }) {
  const { t } = useTranslation()
  const words = useTermWords()
  const { labelOf } = useCodeLabels()
  const stageName = labelOf(keyEvaluationStageLabels)
  const year = data.fiscalYear
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to={selfListPath({ fiscalYear: year })}>
              <Statistic title={t('evaluationDashboard.forms')} value={data.forms} />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('evaluationDashboard.coverage')} value={data.coverage?.rate ?? '—'} suffix={data.coverage ? '%' : undefined} />
            {data.coverage && <Link to="/evaluation/self/coverage">{t('evaluationDashboard.coverageDetail', { submitted: data.coverage.submitted, expected: data.coverage.expected })}</Link>}
          </Card>
        </Col>
        {grades.map((grade) => (
          <Col xs={6} md={3} key={grade}>
            <Card size="small">
              <Link to={selfListPath({ fiscalYear: year, grade })}>
                <Statistic title={words.grade(grade)} value={data.grades[grade]} styles={{ content: { color: gradeColors[grade] } }} />
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('evaluationDashboard.byDepartment')} size="small">
            {data.byDepartment.length ? <GradesChart groups={data.byDepartment} fiscalYear={year} drill ariaLabel={t('evaluationDashboard.byDepartment')} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('evaluationDashboard.scores')} size="small">
            <ScoresChart scores={data.scores} ariaLabel={t('evaluationDashboard.scores')} />
          </Card>
        </Col>
        {data.byDistrict.length > 0 && (
          <Col xs={24} lg={12}>
            <Card title={t('evaluationDashboard.byDistrict')} size="small">
              <GradesChart groups={data.byDistrict} fiscalYear={year} drill={false} ariaLabel={t('evaluationDashboard.byDistrict')} />
            </Card>
          </Col>
        )}
        {data.coverage && (
          <Col xs={24} lg={12}>
            <Card title={t('evaluationDashboard.coverageByDepartment')} size="small">
              <Table
                size="small"
                rowKey="departmentCode"
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                aria-label={t('evaluationDashboard.coverageByDepartment')}
                dataSource={data.coverage.departments}
                columns={[
                  { key: 'name', title: t('evaluationDashboard.department'), dataIndex: 'departmentName', render: (name: string, d) => <Link to={selfListPath({ fiscalYear: year, departmentCode: d.departmentCode })}>{name}</Link> },
                  { key: 'count', title: t('evaluationDashboard.submittedOfExpected'), render: (_: unknown, d) => `${d.submitted} / ${d.expected}` },
                  { key: 'rate', title: t('evaluationDashboard.coverage'), render: (_: unknown, d) => <Progress percent={Number(d.rate)} size="small" status={Number(d.rate) < 100 ? 'active' : 'success'} /> },
                ]}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={t('evaluationDashboard.spotCheckGaps')} size="small">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              aria-label={t('evaluationDashboard.spotCheckGaps')}
              locale={{ emptyText: t('evaluationDashboard.noGaps') }}
              dataSource={data.spotCheckGaps}
              columns={[
                { key: 'title', title: t('evaluationDashboard.form'), render: (_: unknown, g) => <Link to={`/evaluation/spot-checks/${g.spotCheckId}/items/${g.id}`}>{g.title || g.spotCheckName}</Link> },
                { key: 'unit', title: t('evaluationDashboard.unitTotal'), dataIndex: 'unitTotal' },
                { key: 'reviewer', title: t('evaluationDashboard.reviewerTotal'), dataIndex: 'reviewerTotal' },
                { key: 'gap', title: t('evaluationDashboard.gap'), render: (_: unknown, g) => (g.flagged ? <Tag color="red">{g.gap}</Tag> : g.gap) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('evaluationDashboard.keyEvaluations')} size="small" extra={<Link to="/evaluation/key">{t('evaluationDashboard.open')}</Link>}>
            <Row gutter={[8, 8]}>
              {data.keyEvaluations.map((k) => (
                <Col xs={8} key={k.stage}>
                  <Statistic title={stageName(k.stage)} value={k.count} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  )
}
