import { ArrowLeftOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { canEditExAnte, canSubmitExAnte } from '../../../domain/exante'
import { formatMoney } from '../../../domain/money'
import type { Permission } from '../../../domain/roles'
import { PageSpinner } from '../../layout/AppLayout'
import { DescriptionGroup } from '../../shared/DescriptionGroup'
import { formatDateTime } from '../../shared/format'
import { errorMessage } from '../../shared/serverErrors'
import { useCurrentUser } from '../auth/CurrentUser'
import { ExAnteChecklist, checklistFields } from './ExAnteChecklist'
import { AssignDialog, ConcludeDialog, SubmitDialog } from './ExAnteDialogs'
import { type ScoreFields, ExAnteScoreTable, scoresOf } from './ExAnteScoreTable'
import { exAntePath, useExAnte, useUpdateExAnte } from './exante.queries'
import type { ExAnte, ExAnteChanges } from './exante.types'
import { LoadFailed } from '../../shared/LoadFailed'
import { ConclusionTag, ExAnteStatusTag, useExAnteVocabulary } from './exanteVocabulary'

/** 事前评估详情: the project, the score sheet, the checklist and the report texts; save, submit, assign, conclude. */
export function ExAnteDetailPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useExAnte(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/exante" backLabel={t('exante.backToList')} />
  // A new version (saved, concluded) starts the form afresh from what the server holds.
  return <ExAnteEditor key={`${query.data.id}:${query.data.version}`} assessment={query.data} />
}

type Dialog = 'submit' | 'conclude' | 'assign' | null
interface FormValues extends Pick<ExAnte, 'process' | 'suggestions' | 'otherIssues' | 'opinion'> {
  scores: ScoreFields
  attachments: ReturnType<typeof checklistFields>
}

function ExAnteEditor({ assessment: a }: { assessment: ExAnte }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const vocabulary = useExAnteVocabulary()
  const update = useUpdateExAnte()
  const [form] = Form.useForm<FormValues>()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [error, setError] = useState<string | null>(null)
  const editor = { userId: user.id, permissions: new Set(user.permissions as Permission[]) }
  const editable = canEditExAnte(editor, a) === 'yes'
  const bureau = editor.permissions.has('exante.conclude')
  const canSubmit = !bureau && canSubmitExAnte(editor, a) === 'yes'

  const initialValues: FormValues = {
    scores: Object.fromEntries(Object.entries(a.scores).map(([code, s]) => [code, { score: s?.score, comment: s?.comment }])),
    attachments: checklistFields(a),
    process: a.process,
    suggestions: a.suggestions,
    otherIssues: a.otherIssues,
    opinion: a.opinion,
  }

  async function save(values: FormValues) {
    const typed = scoresOf(values.scores)
    const cleared = Object.keys(a.scores).filter((code) => !typed[code])
    const changes: ExAnteChanges = {
      scores: { ...typed, ...Object.fromEntries(cleared.map((code) => [code, null])) } as ExAnteChanges['scores'],
      attachments: values.attachments,
      process: values.process,
      suggestions: values.suggestions,
      otherIssues: values.otherIssues,
      opinion: values.opinion,
    }
    setError(null)
    try {
      await update.mutateAsync({ id: a.id, version: a.version, ...changes })
      message.success(t('exante.saved'))
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const details = [
    { key: 'code', label: t('exante.fields.projectCode'), children: a.projectCode },
    { key: 'unit', label: t('exante.fields.unit'), children: a.unitName },
    { key: 'year', label: t('exante.fields.fiscalYear'), children: a.fiscalYear },
    { key: 'amount', label: t('exante.fields.amountTotal'), children: formatMoney(a.amountTotal) },
    { key: 'kind', label: t('exante.fields.kind'), children: vocabulary.kind(a.kind) },
    { key: 'assessorKind', label: t('exante.fields.assessorKind'), children: vocabulary.assessorKind(a.assessorKind) },
    { key: 'assessor', label: t('exante.fields.assessor'), children: a.assignedUserName ?? a.assessorOrgName },
    { key: 'total', label: t('exante.fields.total'), children: `${a.sheet.total} / ${a.sheet.maxTotal}` },
    { key: 'conclusion', label: t('exante.fields.conclusion'), children: <ConclusionTag conclusion={a.conclusion} /> },
    ...(a.concludedAt ? [{ key: 'concludedAt', label: t('exante.fields.concludedAt'), children: `${formatDateTime(a.concludedAt)} ${a.concludedByName ?? ''}` }] : []),
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('exante.backToList')} onClick={() => navigate('/exante')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {user.permissions.includes('project.read') ? <Link to={`/projects/${a.projectId}`}>{a.projectName}</Link> : a.projectName}
            </Typography.Title>
            <ExAnteStatusTag status={a.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {canSubmit && <Button onClick={() => setDialog('submit')}>{t('exante.actions.submit')}</Button>}
            {bureau && a.status === 'draft' && <Button onClick={() => setDialog('assign')}>{t('exante.actions.assign')}</Button>}
            {bureau && a.status !== 'completed' && (
              <Button type="primary" onClick={() => setDialog('conclude')}>
                {t('exante.actions.conclude')}
              </Button>
            )}
            <Button icon={<FileWordOutlined aria-hidden />} href={`${exAntePath(a.id)}/report.docx`} download>
              {t('exante.actions.report')}
            </Button>
          </Space>
        }
      >
        {a.required && <Alert type="info" showIcon title={t('exante.required')} style={{ marginBottom: 12 }} />}
        <DescriptionGroup title="" items={details} column={{ xs: 1, md: 2, xl: 3 }} />
      </Card>
      <Form<FormValues> form={form} name="exante" layout="vertical" initialValues={initialValues} onFinish={save} aria-label={t('nav.exanteDetail')}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ExAnteScoreTable assessment={a} editable={editable} />
          <ExAnteChecklist assessment={a} editable={editable} />
          <Card size="small" title={t('exante.texts.title')}>
            <Form.Item name="process" label={t('exante.texts.process')} extra={t('exante.texts.processHint')}>
              <Input.TextArea rows={3} maxLength={4000} disabled={!editable} />
            </Form.Item>
            <Form.Item name="suggestions" label={t('exante.texts.suggestions')}>
              <Input.TextArea rows={3} maxLength={4000} disabled={!editable} />
            </Form.Item>
            <Form.Item name="otherIssues" label={t('exante.texts.otherIssues')}>
              <Input.TextArea rows={2} maxLength={4000} disabled={!editable} />
            </Form.Item>
            <Form.Item name="opinion" label={t('exante.texts.opinion')}>
              <Input.TextArea rows={2} maxLength={2000} disabled={!editable} />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            {editable && (
              <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={update.isPending}>
                {t('exante.actions.save')}
              </Button>
            )}
          </Card>
        </Space>
      </Form>
      {dialog === 'submit' && <SubmitDialog assessment={a} onClose={() => setDialog(null)} />}
      {dialog === 'conclude' && <ConcludeDialog assessment={a} onClose={() => setDialog(null)} />}
      {dialog === 'assign' && <AssignDialog assessment={a} onClose={() => setDialog(null)} />}
    </Space>
  )
}
