import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Space, Table, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { evaluationObjectKindLabels, evaluationTemplateLabels, type KeyEvaluationStage, keyEvaluationLevelLabels, keyEvaluationStageLabels } from '../../../../domain/evaluation'
import { apiUrl } from '../../../api/client'
import { PageSpinner } from '../../../layout/AppLayout'
import { DownloadButton } from '../../../shared/DownloadButton'
import { formatDateTime } from '../../../shared/format'
import { LoadFailed } from '../../../shared/LoadFailed'
import { errorMessage } from '../../../shared/serverErrors'
import { keyPath, useExchange, useKeyEvaluation, useLinked, useMoveStage, useSavePlan } from './key.queries'
import type { KeyEvaluation } from './key.types'
import { EvidenceTab, FieldworkTab, FrameworkTab, SurveyTab } from './KeyWorkTabs'
import { GradeTag, StageTag, useLang } from './keyVocabulary'
import { EngagementDialog } from '../../agencies/EngagementDialog'
import { SourceRectifications } from '../../results/rectifications/SourceRectifications'

/** 重点评价详情: the work plan, the scored framework, evidence, field log, survey, 交换意见 and the result, with the stage moves open to this user. */
export function KeyDetailPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const navigate = useNavigate()
  const { id } = useParams()
  const query = useKeyEvaluation(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/evaluation/key" backLabel={t('evaluationKey.backToList')} />
  const ev = query.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('evaluationKey.backToList')} onClick={() => navigate('/evaluation/key')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {ev.name}
            </Typography.Title>
            <StageTag stage={ev.stage} />
            {ev.grade && <GradeTag grade={ev.grade} />}
          </Space>
        }
        extra={<StageMoves ev={ev} />}
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('evaluationKey.fields.level')}>{keyEvaluationLevelLabels[ev.level][lang]}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationKey.fields.objectKind')}>{evaluationObjectKindLabels[ev.objectKind][lang]}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationKey.fields.fiscalYear')}>{ev.fiscalYear}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationKey.fields.project')}>{ev.projectId ? <Link to={`/projects/${ev.projectId}`}>{`${ev.projectName}（${ev.projectCode}）`}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationKey.fields.department')}>{ev.departmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationKey.fields.unit')}>{ev.unitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationKey.fields.commissioner')}>{ev.commissionerName}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationKey.fields.template')}>{evaluationTemplateLabels[ev.template][lang]}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationKey.fields.total')}>{ev.total ?? ev.result.score ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'plan', label: t('evaluationKey.tabs.plan'), children: <PlanTab ev={ev} /> },
            { key: 'framework', label: t('evaluationKey.tabs.framework'), children: <FrameworkTab ev={ev} /> },
            { key: 'evidence', label: t('evaluationKey.tabs.evidence'), children: <EvidenceTab ev={ev} /> },
            { key: 'fieldwork', label: t('evaluationKey.tabs.fieldwork'), children: <FieldworkTab ev={ev} /> },
            { key: 'survey', label: t('evaluationKey.tabs.survey'), children: <SurveyTab ev={ev} /> },
            { key: 'exchange', label: t('evaluationKey.tabs.exchange'), children: <ExchangeTab ev={ev} /> },
            { key: 'result', label: t('evaluationKey.tabs.result'), children: <ResultTab ev={ev} /> },
            { key: 'agencies', label: t('evaluationKey.tabs.agencies'), children: <AgenciesTab ev={ev} /> },
          ]}
        />
      </Card>
      <SourceRectifications sourceType="key_evaluation" sourceId={ev.id} />
    </Space>
  )
}

const moveLabel: Record<KeyEvaluationStage, string> = { selected: '', planning: 'planning', fieldwork: 'fieldwork', exchange: 'exchange', final: 'final', reported: 'reported' }

function StageMoves({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { message, modal } = App.useApp()
  const move = useMoveStage()
  const stages = ev.moves.filter((m): m is KeyEvaluationStage => m !== 'exchange_opinion')
  if (!stages.length) return null
  return (
    <Space wrap>
      {stages.map((stage) => {
        const label = ev.stage === 'exchange' && stage === 'fieldwork' ? t('evaluationKey.moves.back') : t(`evaluationKey.moves.${moveLabel[stage]}`)
        return (
          <Button
            key={stage}
            type={stage === 'fieldwork' && ev.stage === 'exchange' ? 'default' : 'primary'}
            loading={move.isPending}
            onClick={() =>
              modal.confirm({
                title: t('evaluationKey.moves.confirm', { move: label }),
                onOk: async () => {
                  try {
                    await move.mutateAsync({ id: ev.id, version: ev.version, stage })
                    void message.success(t('evaluationKey.moves.done', { stage: keyEvaluationStageLabels[stage][lang] }))
                  } catch (err) {
                    void message.error(errorMessage(err))
                  }
                },
              })
            }
          >
            {label}
          </Button>
        )
      })}
    </Space>
  )
}

const planFields = ['purpose', 'scope', 'methods', 'schedule', 'team', 'overview', 'conclusion', 'experience', 'problems', 'suggestions', 'otherNotes'] as const

function PlanTab({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const save = useSavePlan()
  const [form] = Form.useForm()
  const editable = ev.manage && ev.stage !== 'reported'
  const plan = ev.plan
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {plan && (
        <Typography.Text type="secondary">
          {t('evaluationKey.plan.selection')}：{t(`evaluationKey.plan.selectionKinds.${plan.selectionKind}`)}
          {plan.selectionSeed ? `（${t('evaluationKey.plan.seed')} ${plan.selectionSeed}）` : ''} {plan.selectionReason}
        </Typography.Text>
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={Object.fromEntries(planFields.map((f) => [f, plan?.[f] ?? '']))}
        onFinish={async (values: Record<string, string>) => {
          try {
            await save.mutateAsync({ id: ev.id, version: ev.version, ...values })
            void message.success(t('evaluationKey.plan.saved'))
          } catch (err) {
            void message.error(errorMessage(err))
          }
        }}
      >
        {planFields.map((f) => (
          <Form.Item key={f} name={f} label={t(`evaluationKey.plan.${f}`)}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
        ))}
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('evaluationKey.plan.save')}
          </Button>
        )}
      </Form>
    </Space>
  )
}

function ExchangeTab({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const exchange = useExchange()
  const [opinion, setOpinion] = useState('')
  const canWrite = ev.moves.includes('exchange_opinion')
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('evaluationKey.exchange.intro')} />
      <List
        dataSource={ev.exchanges}
        locale={{ emptyText: <Empty description={t('evaluationKey.exchange.none')} /> }}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={`${e.orgName}${e.createdByName ? ` · ${e.createdByName}` : ''} · ${formatDateTime(e.createdAt)}`}
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{e.opinion}</Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t('evaluationKey.exchange.draftTotal')}：{e.draftTotal ?? '—'}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {canWrite && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea aria-label={t('evaluationKey.exchange.opinion')} value={opinion} onChange={(e) => setOpinion(e.target.value)} autoSize={{ minRows: 3 }} maxLength={4000} />
          <Button
            type="primary"
            disabled={opinion.trim().length < 2}
            loading={exchange.isPending}
            onClick={async () => {
              try {
                await exchange.mutateAsync({ id: ev.id, version: ev.version, opinion })
                setOpinion('')
                void message.success(t('evaluationKey.exchange.submitted'))
              } catch (err) {
                void message.error(errorMessage(err))
              }
            }}
          >
            {t('evaluationKey.exchange.write')}
          </Button>
        </Space>
      )}
    </Space>
  )
}

function ResultTab({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const score = ev.total ?? ev.result.score
  const grade = ev.grade ?? ev.result.grade?.value ?? null
  const reportReady = ev.manage || ['final', 'reported'].includes(ev.stage)
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('evaluationKey.result.score')}>{score ?? t('evaluationKey.result.notYet')}</Descriptions.Item>
        <Descriptions.Item label={t('evaluationKey.result.grade')}>
          <GradeTag grade={grade} /> {ev.result.grade?.rule}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="level1"
        pagination={false}
        dataSource={ev.result.byLevel1}
        columns={[
          { key: 'level1', title: t('evaluationKey.framework.level1'), dataIndex: 'level1' },
          { key: 'weight', title: t('evaluationKey.framework.weight'), dataIndex: 'weight', align: 'right' },
          { key: 'score', title: t('evaluationKey.framework.score'), dataIndex: 'score', align: 'right' },
        ]}
      />
      {reportReady && <DownloadButton href={apiUrl(`${keyPath(ev.id)}/report.docx`)}>{t('evaluationKey.result.report')}</DownloadButton>}
    </Space>
  )
}

interface Engagement {
  id: string
  agencyName?: string
  contractNo?: string
  fee?: string
  procurementMethod?: string
}
interface Draw {
  id: string
  seed: string
  drawn: { id: string; name: string }[]
  drawnAt: string
}

/** The agencies module's engagements and expert draws for this evaluation; none (or the module absent) is an empty state. */
function AgenciesTab({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const [engaging, setEngaging] = useState(false)
  const engagements = useLinked<Engagement>('/api/agencies/engagements', ev.id)
  const draws = useLinked<Draw>('/api/experts/draws', ev.id)
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('evaluationKey.agencies.engagements')}</Typography.Title>
      <Table<Engagement>
        size="small"
        rowKey="id"
        pagination={false}
        loading={engagements.isPending}
        dataSource={engagements.data ?? []}
        locale={{ emptyText: <Empty description={t('evaluationKey.agencies.none')} /> }}
        columns={[
          { key: 'agency', title: t('evaluationKey.agencies.agency'), dataIndex: 'agencyName' },
          { key: 'contract', title: t('evaluationKey.agencies.contract'), dataIndex: 'contractNo' },
          { key: 'fee', title: t('evaluationKey.agencies.fee'), dataIndex: 'fee', align: 'right' },
        ]}
      />
      <Typography.Title level={5}>{t('evaluationKey.agencies.draws')}</Typography.Title>
      <Table<Draw>
        size="small"
        rowKey="id"
        pagination={false}
        loading={draws.isPending}
        dataSource={draws.data ?? []}
        locale={{ emptyText: <Empty description={t('evaluationKey.agencies.none')} /> }}
        columns={[
          { key: 'experts', title: t('evaluationKey.agencies.experts'), render: (_: unknown, d: Draw) => <Link to={`/experts/draws/${d.id}`}>{d.drawn.map((e) => e.name).join('、') || '—'}</Link> },
          { key: 'seed', title: t('evaluationKey.agencies.seed'), dataIndex: 'seed' },
          { key: 'at', title: t('evaluationKey.agencies.drawnAt'), dataIndex: 'drawnAt', render: (v?: string) => (v ? formatDateTime(v) : '—') },
        ]}
      />
      {engaging && <EngagementDialog keyEvaluationId={ev.id} keyEvaluationName={`${ev.fiscalYear} ${ev.name}`} onClose={() => setEngaging(false)} />}
      <Space>
        {ev.manage && ev.stage !== 'reported' && <Button onClick={() => setEngaging(true)}>{t('evaluationKey.agencies.engage')}</Button>}
        <Link to={`/experts/draws?keyEvaluationId=${ev.id}&draw=1`}>{t('evaluationKey.agencies.drawExperts')}</Link>
      </Space>
    </Space>
  )
}
