import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Space, Tag, Timeline, Typography } from 'antd'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { formatMoney } from '../../../../domain/money'
import { ApiError, apiUrl } from '../../../api/client'
import { PageSpinner } from '../../../layout/AppLayout'
import { DescriptionGroup } from '../../../shared/DescriptionGroup'
import { DownloadButton } from '../../../shared/DownloadButton'
import { LoadFailed } from '../../../shared/LoadFailed'
import { OpinionDialog } from '../../../shared/OpinionDialog'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/serverErrors'
import { useCurrentUser } from '../../auth/CurrentUser'
import { useRuleSet } from '../../rules/rules.queries'
import { changesOf, liveScore, type SelfFormValues, valuesOf } from './liveScore'
import { SelfIndicatorTable } from './SelfIndicatorTable'
import { type SelfMove, useSaveSelfForm, useSelfForm, useSelfFormMove, useSelfRound } from './self.queries'
import type { SelfFormDetail } from './self.types'
import { ExplainedFigure, GradeTag, SelfStatusTag } from './selfVocabulary'
import { SourceRectifications } from '../../results/rectifications/SourceRectifications'

/** 单位自评表: one form to fill (unit), review (department, finance) or read. */
export function SelfFormEditorPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useSelfForm(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/evaluation/self" backLabel={t('evaluationSelf.backToForms')} />
  // The editor keeps what is typed across saves and moves; each write sends the version it last received.
  return <SelfFormEditor key={query.data.id} form={query.data} />
}

/** "indicators.2.actual" → ['indicators', 2, 'actual'], the form's own field name. */
const fieldOf = (path: string) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))

function SelfFormEditor({ form: f }: { form: SelfFormDetail }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const navigate = useNavigate()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const [instance] = Form.useForm<SelfFormValues>()
  const watched = Form.useWatch((values: SelfFormValues) => values, { form: instance, preserve: true }) as SelfFormValues | undefined
  const round = useSelfRound(f.roundId)
  const ruleSet = useRuleSet(round.data?.jurisdictionCode ?? (user.org.kind === 'jurisdiction' ? undefined : user.org.jurisdictionCode), f.fiscalYear)
  const rules = ruleSet.data?.effective.rules
  const live = useMemo(() => (rules ? liveScore(f, watched, rules) : null), [f, watched, rules])
  const save = useSaveSelfForm()
  const [move, setMove] = useState<SelfMove | null>(null)
  const [error, setError] = useState<string | null>(null)
  const serverErrors = useRef<(string | number)[][]>([])
  const editable = f.can.fill
  const reviews = f.can.deptReview || f.can.financeReview

  /** Puts a 422's field errors on the fields it names; true when it did. */
  function showProblems(err: unknown) {
    if (!(err instanceof ApiError) || !Array.isArray(err.details)) return false
    const problems = (err.details as { path?: string; message?: string }[]).filter((d) => typeof d.path === 'string' && d.path.includes('.'))
    serverErrors.current = problems.map((d) => fieldOf(d.path!))
    instance.setFields(problems.map((d) => ({ name: fieldOf(d.path!) as never, errors: [d.message ?? ''] })))
    return problems.length > 0
  }

  /** The server's refusals stand until the user types again; from then on the live check speaks. */
  function clearServerErrors() {
    if (!serverErrors.current.length) return
    instance.setFields(serverErrors.current.map((name) => ({ name: name as never, errors: [] })))
    serverErrors.current = []
  }

  async function saveValues(quiet = false): Promise<SelfFormDetail | null> {
    setError(null)
    try {
      const saved = await save.mutateAsync({ id: f.id, version: f.version, ...changesOf(instance.getFieldsValue(true) as SelfFormValues) })
      if (!quiet) message.success(t('evaluationSelf.saved'))
      return saved
    } catch (err) {
      showProblems(err)
      setError(errorMessage(err))
      return null
    }
  }

  const execution = live?.execution
  const header = [
    { key: 'round', label: t('evaluationSelf.fields.round'), children: f.roundName },
    { key: 'year', label: t('evaluationSelf.fields.fiscalYear'), children: f.fiscalYear },
    { key: 'department', label: t('evaluationSelf.fields.department'), children: f.departmentName },
    { key: 'unit', label: t('evaluationSelf.fields.unit'), children: f.unitName || '—' },
    { key: 'deadline', label: t('evaluationSelf.rounds.deadline'), children: f.extensionUntil ? `${formatDateTime(f.extensionUntil)}（${t('evaluationSelf.deadline.extended')}）` : formatDateTime(f.deadline) },
    { key: 'submitted', label: t('evaluationSelf.fields.submittedAt'), children: formatDateTime(f.submittedAt) || '—' },
  ]
  const funds = [
    { key: 'initial', label: t('evaluationSelf.funds.initialBudget'), children: formatMoney(f.funds.initialBudget) },
    { key: 'budget', label: t('evaluationSelf.funds.budget'), children: formatMoney(f.funds.budget) },
    { key: 'rate', label: t('evaluationSelf.funds.executionRate'), children: <ExplainedFigure value={execution?.value.ratePercent ?? f.funds.executionRate} explained={execution} suffix="%" /> },
    { key: 'weight', label: t('evaluationSelf.funds.weight'), children: f.funds.weight },
    { key: 'score', label: t('evaluationSelf.funds.score'), children: <ExplainedFigure value={execution?.value.score ?? f.funds.score} explained={execution} /> },
  ]
  const problems = live?.problems ?? f.problemsToFix
  const warnings = live?.warnings ?? f.warnings
  const total = live ? live.total : f.totalExplanation
  const grade = live ? live.grade : f.gradeExplanation

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('evaluationSelf.backToForms')} onClick={() => navigate('/evaluation/self')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {f.projectId && user.permissions.includes('project.read') ? <Link to={`/projects/${f.projectId}`}>{f.projectName}</Link> : f.projectName}
            </Typography.Title>
            {f.kind === 'department' && <Tag>{t('evaluationSelf.kinds.department')}</Tag>}
            <SelfStatusTag status={f.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button icon={<SaveOutlined aria-hidden />} loading={save.isPending} onClick={() => saveValues()}>
                {t('evaluationSelf.actions.save')}
              </Button>
            )}
            {f.can.submit && (
              <Button type="primary" onClick={() => setMove('submit')}>
                {t('evaluationSelf.actions.submit')}
              </Button>
            )}
            {reviews && (
              <Button danger onClick={() => setMove('return')}>
                {t('evaluationSelf.actions.return')}
              </Button>
            )}
            {reviews && (
              <Button type="primary" onClick={() => setMove('accept')}>
                {t('evaluationSelf.actions.accept')}
              </Button>
            )}
            <DownloadButton href={apiUrl(`/api/evaluation/self/${f.id}/export`, { layout: 'no10' })}>{t('evaluationSelf.export.no10')}</DownloadButton>
          </Space>
        }
      >
        <DescriptionGroup title="" items={header} column={{ xs: 1, md: 2, xl: 3 }} />
        {f.deadlinePassed && f.roundStatus === 'open' && (f.status === 'draft' || f.status === 'returned') && (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('evaluationSelf.deadline.passed', { deadline: formatDateTime(f.extensionUntil ?? f.deadline) })} />
        )}
      </Card>
      <Form<SelfFormValues> form={instance} name="self-eval-form" layout="vertical" initialValues={valuesOf(f)} onValuesChange={clearServerErrors} aria-label={t('evaluationSelf.nav.form')}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('evaluationSelf.funds.title')} extra={<Typography.Text type="secondary">{t('evaluationSelf.funds.fromPayments')}</Typography.Text>}>
            <DescriptionGroup title="" items={funds} column={{ xs: 1, md: 2, xl: 3 }} />
            <Space wrap align="start" style={{ marginTop: 12 }}>
              <Form.Item name="executed" label={t('evaluationSelf.funds.executed')} style={{ width: 240 }}>
                <Input inputMode="decimal" maxLength={22} disabled={!editable} />
              </Form.Item>
              <Form.Item
                name="executionReason"
                label={t('evaluationSelf.funds.reason')}
                style={{ width: 560 }}
                {...(problems.some((p) => p.path === 'executionReason') ? { validateStatus: 'error' as const, help: problems.find((p) => p.path === 'executionReason')![lang] } : {})}
                extra={execution?.value.reasonRequired ? undefined : t('evaluationSelf.funds.reasonHint')}
              >
                <Input.TextArea rows={2} maxLength={4000} disabled={!editable} />
              </Form.Item>
            </Space>
          </Card>
          <SelfIndicatorTable indicators={f.indicators} live={live} rules={rules} editable={editable} />
          <Card size="small" title={t('evaluationSelf.total.title')}>
            <Space size="large" wrap>
              <Space>
                <Typography.Text>{t('evaluationSelf.fields.total')}</Typography.Text>
                <Typography.Text strong style={{ fontSize: 20 }} aria-label={t('evaluationSelf.fields.total')}>
                  <ExplainedFigure value={total?.value ?? null} explained={total} />
                </Typography.Text>
              </Space>
              <Space>
                <Typography.Text>{t('evaluationSelf.fields.grade')}</Typography.Text>
                <GradeTag grade={grade?.value} />
              </Space>
              {total && <Typography.Text type="secondary">{total.formula}</Typography.Text>}
            </Space>
            {problems.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                title={t('evaluationSelf.total.problems', { count: problems.length })}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {problems.map((p) => (
                      <li key={p.path + p.zh}>{p[lang]}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {warnings.length > 0 && <Alert type="info" showIcon style={{ marginTop: 12 }} title={warnings.map((w) => w[lang]).join('；')} />}
          </Card>
          <Card size="small" title={t('evaluationSelf.overall.title')}>
            <DescriptionGroup title="" items={[{ key: 'target', label: t('evaluationSelf.overall.target'), children: f.overallTarget || '—' }]} column={1} />
            <Form.Item name="overallActual" label={t('evaluationSelf.overall.actual')} style={{ marginTop: 12 }}>
              <Input.TextArea rows={3} maxLength={4000} disabled={!editable} />
            </Form.Item>
            <Form.Item name="problems" label={t('evaluationSelf.overall.problems')}>
              <Input.TextArea rows={2} maxLength={4000} disabled={!editable} />
            </Form.Item>
            <Form.Item name="measures" label={t('evaluationSelf.overall.measures')} style={{ margin: 0 }}>
              <Input.TextArea rows={2} maxLength={4000} disabled={!editable} />
            </Form.Item>
          </Card>
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      </Form>
      <Opinions form={f} />
      <SourceRectifications sourceType="self_evaluation" sourceId={f.id} />
      {move && (
        <SelfMoveDialog
          form={f}
          move={move}
          problemCount={move === 'submit' ? problems.length : 0}
          beforeSubmit={editable ? () => saveValues(true) : undefined}
          onRefused={showProblems}
          onClose={() => setMove(null)}
        />
      )}
    </Space>
  )
}

/** Confirms submit / return / accept with its opinion (required to return); submitting first saves what is typed. */
function SelfMoveDialog(props: { form: SelfFormDetail; move: SelfMove; problemCount: number; beforeSubmit?: () => Promise<SelfFormDetail | null>; onRefused: (err: unknown) => void; onClose: () => void }) {
  const { t } = useTranslation()
  const moveForm = useSelfFormMove()
  const { form, move } = props
  async function send(opinion: string) {
    try {
      let version = form.version
      if (move === 'submit' && props.beforeSubmit) {
        const saved = await props.beforeSubmit()
        if (!saved) throw new Error(t('evaluationSelf.saveFailed'))
        version = saved.version
      }
      return await moveForm.mutateAsync({ id: form.id, version, move, opinion })
    } catch (err) {
      props.onRefused(err)
      throw err
    }
  }
  return (
    <OpinionDialog
      title={t(`evaluationSelf.actions.${move}`)}
      okText={t(`evaluationSelf.actions.${move}`)}
      danger={move === 'return'}
      question={
        <>
          {t(`evaluationSelf.dialogs.${move}Question`)}
          {props.problemCount > 0 && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('evaluationSelf.dialogs.problemsFirst', { count: props.problemCount })} />}
        </>
      }
      opinion={move === 'return' ? 'required' : 'optional'}
      opinionLabel={t('evaluationSelf.dialogs.opinion')}
      requiredMessage={t('evaluationSelf.dialogs.opinionRequired')}
      maxLength={2000}
      onSubmit={send}
      successMessage={t('evaluationSelf.done')}
      onClose={props.onClose}
    />
  )
}

function Opinions({ form }: { form: SelfFormDetail }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('evaluationSelf.opinions.title')}>
      {form.opinions.length === 0 ? (
        <Typography.Text type="secondary">{t('evaluationSelf.opinions.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={form.opinions.map((o) => ({
            key: o.id,
            color: o.action === 'return' ? 'red' : 'green',
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text>
                  {o.byName} · {t(`evaluationSelf.opinions.actions.${o.action}`)}
                </Typography.Text>
                {o.opinion && <Typography.Text>{o.opinion}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(o.at)}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  )
}
