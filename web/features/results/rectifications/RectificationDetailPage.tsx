import { ArrowLeftOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, Form, Input, List, Space, Timeline, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { RectificationMove } from '../../../../domain/results'
import { PageSpinner } from '../../../layout/AppLayout'
import { formatDateTime } from '../../../shared/format'
import { FormModal } from '../../../shared/FormModal'
import { LoadFailed } from '../../../shared/LoadFailed'
import { OpinionDialog } from '../../../shared/OpinionDialog'
import { errorMessage } from '../../../shared/serverErrors'
import { evidencePath, useDecideRectification, useRectification, useRespondRectification, useUploadEvidence } from './rectifications.queries'
import type { Rectification } from './rectifications.types'
import { EscalationTag, RectificationStatusTag, useRectificationVocabulary } from './rectificationVocabulary'

const MAX_FILE_BYTES = 20 * 1024 * 1024

/** 整改事项详情: the problem and where it came from, the evidence, the history, and the moves open to this user. */
export function RectificationDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id } = useParams()
  const item = useRectification(id)
  const vocabulary = useRectificationVocabulary()
  if (item.isPending) return <PageSpinner />
  if (item.isError) return <LoadFailed query={item} backTo="/results/rectifications" backLabel={t('rectifications.backToList')} />
  const r = item.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('rectifications.backToList')} onClick={() => navigate('/results/rectifications')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('rectifications.nav.detail')}
            </Typography.Title>
            <RectificationStatusTag status={r.status} />
            <EscalationTag escalation={r.escalation} />
          </Space>
        }
        extra={<Moves item={r} onReload={() => item.refetch()} />}
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('rectifications.fields.source')}>
            <Space>
              {r.origin ? `${vocabulary.source(r.sourceType)} · ${vocabulary.origin(r.origin)}` : vocabulary.source(r.sourceType)}
              {r.sourceLink && <Link to={r.sourceLink}>{t('rectifications.openSource')}</Link>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('rectifications.fields.project')}>{r.projectId ? <Link to={`/projects/${r.projectId}`}>{`${r.projectName}（${r.projectCode}）`}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rectifications.fields.owner')}>{r.ownerName}</Descriptions.Item>
          <Descriptions.Item label={t('rectifications.fields.department')}>{r.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('rectifications.fields.fiscalYear')}>{r.fiscalYear}</Descriptions.Item>
          <Descriptions.Item label={t('rectifications.fields.dueOn')}>{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('rectifications.fields.problem')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.problem}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('rectifications.fields.requiredMeasure')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.requiredMeasure || '—'}</Typography.Paragraph>
          </Descriptions.Item>
          {/* Not `r.response && …`: an empty answer ('') would render as an empty row. */}
          {r.response ? (
            <Descriptions.Item label={t('rectifications.fields.response')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.response}</Typography.Paragraph>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Evidence item={r} />
      <History item={r} />
    </Space>
  )
}

function Evidence({ item }: { item: Rectification }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const upload = useUploadEvidence()
  const canUpload = item.moves.includes('respond')
  function send(file: File) {
    if (file.size > MAX_FILE_BYTES) {
      message.error(t('rectifications.evidence.tooLarge', { name: file.name }))
      return
    }
    upload.mutateAsync({ id: item.id, file }).then(
      () => message.success(t('rectifications.evidence.uploaded', { name: file.name })),
      (err) => message.error(errorMessage(err)),
    )
  }
  return (
    <Card
      size="small"
      title={t('rectifications.evidence.title')}
      extra={
        canUpload && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              send(file)
              return false
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
              {t('rectifications.evidence.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <List
        size="small"
        dataSource={item.evidence}
        locale={{ emptyText: t('rectifications.evidence.empty') }}
        renderItem={(f) => (
          <List.Item extra={<Typography.Text type="secondary">{`${f.uploadedByName ?? '—'} · ${formatDateTime(f.uploadedAt)}`}</Typography.Text>}>
            <a href={evidencePath(item.id, f.id)} download={f.fileName}>
              <PaperClipOutlined aria-hidden /> {f.fileName}
            </a>
          </List.Item>
        )}
      />
    </Card>
  )
}

function History({ item }: { item: Rectification }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('rectifications.history.title')}>
      <Timeline
        items={item.events.map((e) => ({
          key: e.id,
          color: e.action === 'close' || e.action === 'verify' ? 'green' : e.action === 'return' ? 'red' : 'blue',
          content: (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>
                {t(`rectifications.history.${e.action}`)} · {e.actorName ?? t('rectifications.history.system')} · {formatDateTime(e.createdAt)}
              </Typography.Text>
              {e.opinion && e.action !== 'raise' && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.opinion}</Typography.Text>}
            </Space>
          ),
        }))}
      />
    </Card>
  )
}

/** The buttons of the moves the server says this user may take now; each confirmed in a dialog. */
function Moves({ item, onReload }: { item: Rectification; onReload: () => Promise<{ data?: Rectification }> }) {
  const { t } = useTranslation()
  const decide = useDecideRectification()
  const respond = useRespondRectification()
  const [open, setOpen] = useState<RectificationMove | null>(null)
  const reload = async () => {
    const fresh = (await onReload()).data
    return fresh && open && !fresh.moves.includes(open) ? { blocked: t('rectifications.moves.gone') } : {}
  }
  return (
    <Space wrap>
      {item.moves.map((move) => (
        <Button key={move} type={move === 'return' ? 'default' : 'primary'} onClick={() => setOpen(move)}>
          {t(`rectifications.moves.${move}`)}
        </Button>
      ))}
      {open === 'respond' && (
        <FormModal<{ measures: string }>
          title={t('rectifications.moves.respond')}
          okText={t('rectifications.moves.respond')}
          onClose={() => setOpen(null)}
          onReload={reload}
          onSubmit={({ measures }) => respond.mutateAsync({ id: item.id, version: item.version, measures })}
        >
          <Typography.Paragraph type="secondary">{t('rectifications.moves.respondHint', { count: item.evidence.length })}</Typography.Paragraph>
          <Form.Item name="measures" label={t('rectifications.fields.response')} rules={[{ required: true, whitespace: true, min: 4, message: t('rectifications.moves.measuresRequired') }]}>
            <Input.TextArea rows={5} maxLength={4000} showCount />
          </Form.Item>
        </FormModal>
      )}
      {open && open !== 'respond' && (
        <OpinionDialog
          title={t(`rectifications.moves.${open}`)}
          okText={t(`rectifications.moves.${open}`)}
          question={t(`rectifications.moves.${open}Question`)}
          opinion={open === 'return' ? 'required' : 'optional'}
          minLength={2}
          opinionLabel={t('rectifications.moves.opinionLabel')}
          requiredMessage={t('rectifications.moves.returnOpinionRequired')}
          maxLength={2000}
          successMessage={t('rectifications.moves.done')}
          onSubmit={(opinion) => decide.mutateAsync({ id: item.id, version: item.version, move: open, opinion })}
          onClose={() => setOpen(null)}
          onReload={reload}
        />
      )}
    </Space>
  )
}
