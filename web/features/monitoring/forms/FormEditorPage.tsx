import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Space, Tag, Timeline, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { formatMoney } from '../../../../domain/money'
import { ApiError } from '../../../api/client'
import { PageSpinner } from '../../../layout/AppLayout'
import { DescriptionGroup } from '../../../shared/DescriptionGroup'
import { LoadFailed } from '../../../shared/LoadFailed'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/serverErrors'
import { useCurrentUser } from '../../auth/CurrentUser'
import { IssueActionDialog } from '../actions/IssueActionDialog'
import { FormIndicatorTable } from './FormIndicatorTable'
import { FormMoveDialog, type Move } from './FormMoveDialog'
import { useMonitoringForm, useSaveForm } from './forms.queries'
import type { FormChanges, MonitoringForm } from './forms.types'
import { FormStatusTag, LightTag } from './formVocabulary'
import { SourceRectifications } from '../../results/rectifications/SourceRectifications'

/** 绩效监控表: one form to fill (unit), review (department, finance) or verify (agency). */
export function FormEditorPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useMonitoringForm(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/monitoring/forms" backLabel={t('monitoringForms.backToList')} />
  // The editor keeps what is typed across saves and moves; each write sends the version it last received.
  return <FormEditor key={query.data.id} form={query.data} />
}

interface Values {
  unitForecast: string | null
  fundsNote: string
  overallProgress: string
  indicators: NonNullable<FormChanges['indicators']>
}

const valuesOf = (f: MonitoringForm): Values => ({
  unitForecast: f.funds.unitForecast,
  fundsNote: f.funds.fundsNote,
  overallProgress: f.overallProgress,
  indicators: f.indicators.map(({ id, progress, likelihood, causeCategory, deviationAnalysis, measures }) => ({ id, progress, likelihood: likelihood ?? null, causeCategory: causeCategory ?? null, deviationAnalysis, measures })),
})

/** "indicators.2.measures" → ['indicators', 2, 'measures'], the form's own field name. */
const fieldOf = (path: string) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))

function FormEditor({ form: f }: { form: MonitoringForm }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const [instance] = Form.useForm<Values>()
  const save = useSaveForm()
  const [move, setMove] = useState<Move | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [issuing, setIssuing] = useState(false)
  // 纠偏 from the form: finance for its jurisdiction, a department for its own units (the dialog offers what each may issue).
  const mayAct = user.permissions.includes('monitoring.act') && user.org.kind !== 'unit'
  const editable = f.allowedActions.includes('save')
  const month = f.cutoffMonth

  /** Puts a 422's field errors on the fields it names; true when it did. */
  function showProblems(err: unknown) {
    if (!(err instanceof ApiError) || !Array.isArray(err.details)) return false
    const problems = (err.details as { path?: string; message?: string }[]).filter((d) => typeof d.path === 'string' && d.path !== 'indicators')
    instance.setFields(problems.map((d) => ({ name: fieldOf(d.path!) as never, errors: [d.message ?? ''] })))
    return problems.length > 0
  }

  /** Saves what is typed; returns the saved form (with its new version) or null when refused. */
  async function saveValues(quiet = false): Promise<MonitoringForm | null> {
    const values = instance.getFieldsValue(true) as Values
    setError(null)
    try {
      const unitForecast = values.unitForecast === null || values.unitForecast === '' ? null : String(values.unitForecast).replace(/[,，\s]/g, '')
      const saved = await save.mutateAsync({ id: f.id, version: f.version, ...values, unitForecast, indicators: values.indicators.map((i) => ({ ...i, progress: i.progress === '' ? null : i.progress })) })
      if (!quiet) message.success(t('monitoringForms.saved'))
      return saved
    } catch (err) {
      showProblems(err)
      setError(errorMessage(err))
      return null
    }
  }

  const header = [
    { key: 'round', label: t('monitoringForms.fields.round'), children: f.roundName },
    { key: 'cutoff', label: t('monitoringForms.fields.cutoff'), children: `${f.fiscalYear} ${t('monitoringForms.fields.cutoffValue', { month })}` },
    { key: 'department', label: t('monitoringForms.fields.department'), children: f.departmentName },
    { key: 'unit', label: t('monitoringForms.fields.unit'), children: f.unitName ?? '—' },
    { key: 'deadline', label: t('monitoringForms.fields.deadline'), children: formatDateTime(f.deadline) + (f.extensionUntil ? `（${t('monitoringForms.fields.extension')} ${formatDateTime(f.extensionUntil)}）` : '') },
    { key: 'budgetLight', label: t('monitoringForms.lights.budget'), children: <LightTag light={f.lights.budget.light} explained={f.lights.budget.explained} /> },
    { key: 'projectLight', label: t('monitoringForms.lights.project'), children: <LightTag light={f.lights.project.light} explained={f.lights.project.explained} /> },
  ]
  const funds = [
    { key: 'initial', label: t('monitoringForms.funds.budgetInitial'), children: formatMoney(f.funds.budgetInitial) },
    { key: 'adjusted', label: t('monitoringForms.funds.budgetAdjusted'), children: formatMoney(f.funds.budgetAdjusted) },
    { key: 'executed', label: t('monitoringForms.funds.executed', { month }), children: formatMoney(f.funds.executed) },
    { key: 'rate', label: t('monitoringForms.funds.executionRate'), children: `${f.funds.executionRate}%（${t('monitoringForms.funds.timeProgress')} ${f.funds.timeProgress}%）` },
    { key: 'forecast', label: t('monitoringForms.funds.systemForecast'), children: <ForecastFigure funds={f.funds} /> },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('monitoringForms.backToList')} onClick={() => navigate('/monitoring/forms')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {f.projectId && user.permissions.includes('project.read') ? <Link to={`/projects/${f.projectId}`}>{f.projectName}</Link> : (f.projectName ?? `${f.departmentName}（${t('monitoringForms.kinds.department')}）`)}
            </Typography.Title>
            <FormStatusTag status={f.status} />
            {f.isKey && <Tag color="purple">{t('monitoringForms.fields.isKey')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button icon={<SaveOutlined aria-hidden />} loading={save.isPending} onClick={() => saveValues()}>
                {t('monitoringForms.actions.save')}
              </Button>
            )}
            {f.allowedActions.includes('submit') && <Button type="primary" onClick={() => setMove('submit')}>{t('monitoringForms.actions.submit')}</Button>}
            {f.allowedActions.includes('return') && <Button danger onClick={() => setMove('return')}>{t('monitoringForms.actions.return')}</Button>}
            {f.allowedActions.includes('accept') && <Button type="primary" onClick={() => setMove('accept')}>{t('monitoringForms.actions.accept')}</Button>}
            {f.allowedActions.includes('note') && <Button onClick={() => setMove('note')}>{t('monitoringForms.actions.note')}</Button>}
            {mayAct && f.kind === 'project' && <Button onClick={() => setIssuing(true)}>{t('monitoringForms.actions.issueAction')}</Button>}
          </Space>
        }
      >
        {!editable && ['draft', 'returned'].includes(f.status) && user.permissions.includes('monitoring.fill') && user.org.kind !== 'jurisdiction' && (
          <Alert type="warning" showIcon title={t('monitoringForms.locked')} style={{ marginBottom: 12 }} />
        )}
        <DescriptionGroup title="" items={header} column={{ xs: 1, md: 2, xl: 4 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('monitoringForms.lights.hint')}
        </Typography.Text>
      </Card>
      <Form<Values> form={instance} name="monitoring-form" layout="vertical" initialValues={valuesOf(f)} aria-label={t('monitoringForms.nav.detail')}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('monitoringForms.funds.title')} extra={<Typography.Text type="secondary">{t('monitoringForms.funds.fromPayments')}</Typography.Text>}>
            <DescriptionGroup title="" items={funds} column={{ xs: 1, md: 2, xl: 3 }} />
            {f.funds.forecastFlagged && <Alert type="warning" showIcon title={t('monitoringForms.funds.forecastFlagged')} style={{ margin: '12px 0' }} />}
            <Space wrap align="start" style={{ marginTop: 12 }}>
              <Form.Item name="unitForecast" label={t('monitoringForms.funds.unitForecast')} extra={t('monitoringForms.funds.unitForecastHint')} style={{ width: 280 }}>
                <Input inputMode="decimal" maxLength={22} disabled={!editable} />
              </Form.Item>
              <Form.Item name="fundsNote" label={t('monitoringForms.funds.fundsNote')} style={{ width: 520 }}>
                <Input.TextArea rows={2} maxLength={4000} disabled={!editable} />
              </Form.Item>
            </Space>
          </Card>
          <FormIndicatorTable form={f} editable={editable} />
          <Card size="small" title={t('monitoringForms.overallProgress')}>
            <Form.Item name="overallProgress" style={{ margin: 0 }}>
              <Input.TextArea rows={3} maxLength={4000} disabled={!editable} aria-label={t('monitoringForms.overallProgress')} />
            </Form.Item>
          </Card>
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      </Form>
      <FormOpinions form={f} />
      <SourceRectifications sourceType="monitoring_form" sourceId={f.id} />
      {issuing && <IssueActionDialog target={{ formId: f.id, label: f.projectName ?? '' }} onClose={() => setIssuing(false)} />}
      {move && <FormMoveDialog form={f} move={move} beforeSubmit={editable ? () => saveValues(true) : undefined} onRefused={showProblems} onClose={() => setMove(null)} />}
    </Space>
  )
}

/** 系统预测全年执行数 with how it was reached (the profile used and the expected share by the cut-off), on hover. */
function ForecastFigure({ funds }: { funds: MonitoringForm['funds'] }) {
  const { t } = useTranslation()
  if (funds.systemForecast === null) return <>{t('monitoringForms.funds.noForecast')}</>
  const explained = funds.forecastExplained as { rule?: string; formula?: string } | null
  if (!explained?.formula) return <>{formatMoney(funds.systemForecast)}</>
  return (
    <Tooltip title={<>{explained.rule && <div>{explained.rule}</div>}<div>{explained.formula}</div></>}>
      <span tabIndex={0} style={{ borderBottom: '1px dashed' }}>
        {formatMoney(funds.systemForecast)}
      </span>
    </Tooltip>
  )
}

function FormOpinions({ form }: { form: MonitoringForm }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('monitoringForms.opinions.title')}>
      {form.opinions.length === 0 ? (
        <Typography.Text type="secondary">{t('monitoringForms.opinions.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={form.opinions.map((o) => ({
            key: o.id,
            color: o.action === 'return' ? 'red' : o.action === 'note' ? 'purple' : 'green',
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text>
                  {t(`monitoringForms.opinions.stages.${o.stage}`)} · {o.orgName ?? ''} {o.actorName ?? ''} · {t(`monitoringForms.opinions.actions.${o.action as 'submit'}`)}
                </Typography.Text>
                {o.opinion && <Typography.Text>{o.opinion}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(o.createdAt)}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  )
}
