import { Card, Col, Empty, Row, Space, Spin, Statistic, Table, Tag } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { type AssessmentStatus, assessmentStatusLabels } from '../../../../domain/assessment'
import { formatMoney } from '../../../../domain/money'
import { grades } from '../../../../domain/rule-set'
import { LoadFailed } from '../../../shared/LoadFailed'
import { useCodeLabels } from '../../../shared/useCodeLabels'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { ProposalActionTag } from '../budget/budgetVocabulary'
import { RectificationStatusTag } from '../rectifications/rectificationVocabulary'
import { useDepartmentResults } from './resultsViews.queries'
import type { DepartmentResults } from './resultsViews.types'

type Data = DepartmentResults

/** 部门绩效结果: a department's 考核 history, open rectification items, budget decisions and its projects' grades by year. */
export function DepartmentResultsPage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const query = useDepartmentResults(code)
  if (query.isPending) return <Spin />
  if (query.isError) return <LoadFailed query={query} backTo="/results/departments" backLabel={t('resultsViews.nav.departments')} />
  const data = query.data
  const latest = data.assessments.find((a) => a.grade)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={`${data.department.name} · ${data.department.jurisdictionName}`}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Statistic title={t('resultsViews.fields.openItems')} value={data.rectifications.open} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('resultsViews.fields.overdueItems')} value={data.rectifications.overdue} styles={{ content: { color: data.rectifications.overdue > 0 ? '#cf1322' : undefined } }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('resultsViews.fields.closureRate')} value={data.rectifications.closureRate ?? '—'} suffix={data.rectifications.closureRate ? '%' : undefined} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('resultsViews.fields.lastAssessment')} valueRender={() => (latest ? <Space><span>{latest.fiscalYear}</span><GradeTag grade={latest.grade} /></Space> : '—')} />
          </Col>
        </Row>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Assessments rows={data.assessments} />
        </Col>
        <Col xs={24} xl={12}>
          <GradeDistribution rows={data.gradeDistribution} />
        </Col>
      </Row>
      <OpenItems rows={data.openItems} />
      <Decisions data={data} />
    </Space>
  )
}

function Assessments({ rows }: { rows: Data['assessments'] }) {
  const { t } = useTranslation()
  const status = useCodeLabels().labelOf<AssessmentStatus>(assessmentStatusLabels)
  const columns: TableColumnsType<Data['assessments'][number]> = [
    { key: 'year', title: t('resultsViews.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 90 },
    { key: 'status', title: t('resultsViews.fields.status'), dataIndex: 'status', render: (s: AssessmentStatus) => status(s) },
    { key: 'total', title: t('resultsViews.fields.total'), dataIndex: 'total', render: (v: string | null) => v ?? '—' },
    { key: 'grade', title: t('resultsViews.fields.grade'), dataIndex: 'grade', render: (g: Data['assessments'][number]['grade']) => <GradeTag grade={g} /> },
    { key: 'rank', title: t('resultsViews.fields.rank'), dataIndex: 'rank', render: (v: number | null) => v ?? '—' },
  ]
  return (
    <Card size="small" title={t('resultsViews.department.assessments')}>
      <Table size="small" rowKey="id" aria-label={t('resultsViews.department.assessments')} columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resultsViews.department.noAssessments')} /> }} />
    </Card>
  )
}

/** Projects' grades per year and source, one column per grade. */
function GradeDistribution({ rows }: { rows: Data['gradeDistribution'] }) {
  const { t } = useTranslation()
  const keyOf = (r: { fiscalYear: number; source: string }) => `${r.fiscalYear}/${r.source}`
  const table = [...new Map(rows.map((r) => [keyOf(r), { key: keyOf(r), fiscalYear: r.fiscalYear, source: r.source }])).values()].map((line) => ({
    ...line,
    ...Object.fromEntries(grades.map((g) => [g, rows.find((r) => keyOf(r) === line.key && r.grade === g)?.count ?? 0])),
  })) as ({ key: string; fiscalYear: number; source: string } & Record<string, number>)[]
  const columns: TableColumnsType<(typeof table)[number]> = [
    { key: 'year', title: t('resultsViews.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 90 },
    { key: 'source', title: t('resultsViews.fields.gradeSource'), dataIndex: 'source', render: (s: string) => t(`resultsViews.gradeSources.${s}`) },
    ...grades.map((g) => ({ key: g, title: <GradeTag grade={g} />, dataIndex: g, width: 70 })),
  ]
  return (
    <Card size="small" title={t('resultsViews.department.grades')}>
      <Table size="small" rowKey="key" aria-label={t('resultsViews.department.grades')} columns={columns} dataSource={table} pagination={false} />
    </Card>
  )
}

function OpenItems({ rows }: { rows: Data['openItems'] }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<Data['openItems'][number]> = [
    { key: 'problem', title: t('resultsViews.fields.problem'), dataIndex: 'problem', ellipsis: true, render: (p: string, r) => <Link to={`/results/rectifications/${r.id}`}>{p}</Link> },
    { key: 'project', title: t('resultsViews.fields.project'), dataIndex: 'projectName', width: 220, ellipsis: true, render: (name: string | null, r) => (r.projectId ? <Link to={`/results/projects/${r.projectId}`}>{name}</Link> : '—') },
    { key: 'owner', title: t('resultsViews.fields.owner'), dataIndex: 'ownerName', width: 160, ellipsis: true },
    { key: 'dueOn', title: t('resultsViews.fields.dueOn'), dataIndex: 'dueOn', width: 170, render: (d: string, r) => <Space size={4}>{d}{r.overdue && <Tag color="red">{t('resultsViews.overdue')}</Tag>}</Space> },
    { key: 'status', title: t('resultsViews.fields.status'), dataIndex: 'status', width: 110, render: (s: Data['openItems'][number]['status']) => <RectificationStatusTag status={s} /> },
  ]
  return (
    <Card size="small" title={t('resultsViews.department.openItems', { count: rows.length })}>
      <Table size="small" rowKey="id" aria-label={t('resultsViews.department.openItemsLabel')} columns={columns} dataSource={rows} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resultsViews.department.noOpenItems')} /> }} />
    </Card>
  )
}

function Decisions({ data }: { data: Data }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<Data['budgetDecisions'][number]> = [
    { key: 'year', title: t('resultsViews.fields.budgetYear'), dataIndex: 'fiscalYear', width: 90 },
    {
      key: 'project',
      title: t('resultsViews.fields.project'),
      dataIndex: 'projectName',
      ellipsis: true,
      render: (name: string | null, r) => (r.projectId ? <Link to={`/results/projects/${r.projectId}`}>{name}</Link> : <Tag color="cyan">{t(`budgetDecisions.subjects.${r.subjectKind}`)}</Tag>),
    },
    { key: 'grade', title: t('resultsViews.fields.grade'), dataIndex: 'grade', width: 80, render: (g: Data['budgetDecisions'][number]['grade']) => <GradeTag grade={g} /> },
    { key: 'action', title: t('resultsViews.fields.action'), dataIndex: 'proposedAction', width: 110, render: (a: Data['budgetDecisions'][number]['proposedAction']) => <ProposalActionTag action={a} /> },
    { key: 'proposed', title: t('resultsViews.fields.proposedAmount'), dataIndex: 'proposedAmount', width: 150, align: 'right', render: (v: string) => formatMoney(v) },
    { key: 'decided', title: t('resultsViews.fields.decidedAmount'), dataIndex: 'decidedAmount', width: 150, align: 'right', render: (v: string | null) => (v === null ? <Tag>{t('resultsViews.undecided')}</Tag> : formatMoney(v)) },
  ]
  return (
    <Card size="small" title={t('resultsViews.department.decisions')}>
      <Space wrap style={{ marginBottom: 8 }}>
        {data.decisionYears.map((y) => (
          <Tag key={y.fiscalYear} color="blue">
            {t('resultsViews.department.yearSums', { year: y.fiscalYear, count: y.count, decided: y.decided, proposed: formatMoney(y.proposedAmount), decidedAmount: formatMoney(y.decidedAmount) })}
          </Tag>
        ))}
      </Space>
      <Table size="small" rowKey="id" aria-label={t('resultsViews.department.decisions')} columns={columns} dataSource={data.budgetDecisions} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resultsViews.department.noDecisions')} /> }} />
    </Card>
  )
}
