import { Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { formatMoney } from '../../../../domain/money'
import type { Grade } from '../../../../domain/rule-set'
import { LoadFailed } from '../../../shared/LoadFailed'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { LightTag } from '../../monitoring/dashboard/DashboardTables'
import { ProposalActionTag } from '../budget/budgetVocabulary'
import { RectificationStatusTag, useRectificationVocabulary } from '../rectifications/rectificationVocabulary'
import { useProjectResults } from './resultsViews.queries'
import type { ProjectResults } from './resultsViews.types'

type Version = ProjectResults['versions'][number]

/**
 * 项目绩效结果: every year of the project — each version of a continuing (延续) project — with its grades
 * (self-evaluation, key evaluation, spot-check), monitoring lights, rectification items and the budget decided from
 * them for the year after. Newest year first.
 */
export function ProjectResultsPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const query = useProjectResults(id)
  if (query.isPending) return <Spin />
  if (query.isError) return <LoadFailed query={query} backTo="/projects" backLabel={t('resultsViews.backToProjects')} />
  const data = query.data
  const { project } = data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('resultsViews.project.title', { name: project.name })} extra={<Link to={`/projects/${project.id}`}>{t('resultsViews.project.open')}</Link>}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('resultsViews.fields.code')}>{project.code}</Descriptions.Item>
          <Descriptions.Item label={t('resultsViews.fields.unit')}>{project.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('resultsViews.fields.department')}>{project.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('resultsViews.fields.years')}>{data.versions.map((v) => v.fiscalYear).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      {[...data.versions].reverse().map((version) => (
        <YearCard key={version.id} version={version} data={data} current={version.id === project.id} />
      ))}
    </Space>
  )
}

function YearCard({ version, data, current }: { version: Version; data: ProjectResults; current: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useRectificationVocabulary()
  const mine = <T extends { projectId: string | null }>(rows: T[]) => rows.filter((r) => r.projectId === version.id)
  const selfForms = mine(data.selfEvaluations)
  const keys = mine(data.keyEvaluations)
  const spots = mine(data.spotChecks)
  const forms = mine(data.monitoring)
  const items = mine(data.rectifications)
  const decisions = mine(data.budgetDecisions)
  const nothing = !selfForms.length && !keys.length && !spots.length && !forms.length && !items.length && !decisions.length
  const itemColumns: TableColumnsType<ProjectResults['rectifications'][number]> = [
    { key: 'problem', title: t('resultsViews.fields.problem'), dataIndex: 'problem', ellipsis: true, render: (p: string, r) => <Link to={`/results/rectifications/${r.id}`}>{p}</Link> },
    { key: 'source', title: t('resultsViews.fields.source'), dataIndex: 'sourceType', width: 140, render: (s: ProjectResults['rectifications'][number]['sourceType']) => vocabulary.source(s) },
    { key: 'dueOn', title: t('resultsViews.fields.dueOn'), dataIndex: 'dueOn', width: 170, render: (d: string, r) => <Space size={4}>{d}{r.overdue && <Tag color="red">{t('resultsViews.overdue')}</Tag>}</Space> },
    { key: 'status', title: t('resultsViews.fields.status'), dataIndex: 'status', width: 110, render: (s: ProjectResults['rectifications'][number]['status']) => <RectificationStatusTag status={s} /> },
  ]
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('resultsViews.project.year', { year: version.fiscalYear })}
          <Typography.Text type="secondary">{version.name}</Typography.Text>
          {version.attribute === 'continuing' && <Tag color="blue">{t('resultsViews.continuing')}</Tag>}
          {current && <Tag>{t('resultsViews.project.thisVersion')}</Tag>}
        </Space>
      }
      extra={!current && <Link to={`/results/projects/${version.id}`}>{t('resultsViews.project.openYear')}</Link>}
      aria-label={t('resultsViews.project.year', { year: version.fiscalYear })}
    >
      {nothing ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resultsViews.project.noResults')} />
      ) : (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered>
            <Descriptions.Item label={t('resultsViews.fields.selfEvaluation')}>
              <GradeLinks rows={selfForms} to={(id) => `/evaluation/self/${id}`} />
            </Descriptions.Item>
            <Descriptions.Item label={t('resultsViews.fields.keyEvaluation')}>
              <GradeLinks rows={keys} to={(id) => `/evaluation/key/${id}`} />
            </Descriptions.Item>
            <Descriptions.Item label={t('resultsViews.fields.spotCheck')}>
              {spots.length === 0
                ? '—'
                : spots.map((s) => (
                    <Link key={s.id} to={`/evaluation/spot-checks/${s.spotCheckId}/items/${s.id}`}>
                      <Space size={4}>
                        <GradeTag grade={s.unitGrade} />→<GradeTag grade={s.reviewerGrade} />
                        {s.gap !== null && t('resultsViews.gap', { gap: s.gap })}
                        {s.flagged && <Tag color="red">{t('resultsViews.flagged')}</Tag>}
                      </Space>
                    </Link>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('resultsViews.fields.decision', { year: version.fiscalYear + 1 })}>
              {decisions.length === 0
                ? '—'
                : decisions.map((d) => (
                    <Space key={d.id} size={4} wrap>
                      <ProposalActionTag action={d.proposedAction} />
                      {t('resultsViews.proposed', { amount: formatMoney(d.proposedAmount) })}
                      {d.decidedAmount === null ? <Tag>{t('resultsViews.undecided')}</Tag> : <Typography.Text strong>{t('resultsViews.decided', { amount: formatMoney(d.decidedAmount) })}</Typography.Text>}
                    </Space>
                  ))}
            </Descriptions.Item>
          </Descriptions>
          {forms.length > 0 && (
            <Space wrap aria-label={t('resultsViews.fields.monitoring')}>
              <Typography.Text type="secondary">{t('resultsViews.fields.monitoring')}</Typography.Text>
              {forms.map((f) => (
                <Link key={f.id} to={`/monitoring/forms/${f.id}`}>
                  <Space size={2}>
                    {t('resultsViews.cutoff', { month: f.cutoffMonth })}
                    <Typography.Text type="secondary">{t('resultsViews.budgetLight')}</Typography.Text>
                    <LightTag light={f.budgetLight} />
                    <Typography.Text type="secondary">{t('resultsViews.projectLight')}</Typography.Text>
                    <LightTag light={f.projectLight} />
                  </Space>
                </Link>
              ))}
            </Space>
          )}
          {items.length > 0 && <Table size="small" rowKey="id" aria-label={t('resultsViews.fields.rectifications')} columns={itemColumns} dataSource={items} pagination={false} />}
        </Space>
      )}
    </Card>
  )
}

/** Each evaluation's grade and total, linking to it; a dash when there is none. */
function GradeLinks({ rows, to }: { rows: { id: string; grade: Grade | null; total: string | null }[]; to: (id: string) => string }) {
  if (rows.length === 0) return '—'
  return rows.map((r) => (
    <Link key={r.id} to={to(r.id)}>
      <Space size={4}>
        <GradeTag grade={r.grade} />
        {r.total ?? ''}
      </Space>
    </Link>
  ))
}
