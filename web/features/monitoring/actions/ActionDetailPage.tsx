import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { ActionMove } from '../../../../domain/corrective-actions'
import { formatMoney } from '../../../../domain/money'
import { PageSpinner } from '../../../layout/AppLayout'
import { formatDateTime } from '../../../shared/format'
import { LoadFailed } from '../../../shared/LoadFailed'
import { OpinionDialog } from '../../../shared/OpinionDialog'
import { actionFilePath, useAction, useDecideAction } from './actions.queries'
import type { CorrectiveAction } from './actions.types'
import { ActionKindTag, ActionStatusTag } from './actionVocabulary'
import { RespondDialog } from './RespondDialog'

/** 纠偏措施详情: what was decided, the unit's answer with its files, the history, and the moves open to this user. */
export function ActionDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id } = useParams()
  const action = useAction(id)
  if (action.isPending) return <PageSpinner />
  if (action.isError) return <LoadFailed query={action} backTo="/monitoring/actions" backLabel={t('monitoringActions.backToList')} />
  const a = action.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('monitoringActions.backToList')} onClick={() => navigate('/monitoring/actions')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {a.title}
            </Typography.Title>
            <ActionKindTag kind={a.kind} />
            <ActionStatusTag status={a.status} />
            {a.inForce && <Tag color="red">{t('monitoringActions.inForce')}</Tag>}
            {a.liftedAt && <Tag>{t('monitoringActions.lifted')}</Tag>}
            {a.overdue && <Tag color="red">{t('monitoringActions.overdue')}</Tag>}
          </Space>
        }
        extra={<ActionMoves action={a} onReload={() => action.refetch()} />}
      >
        {a.goalAdjustmentId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('monitoringActions.goalDraft')}
            action={<Link to={`/goals/${a.goalAdjustmentId}`}>{t('monitoringActions.openGoalDraft')}</Link>}
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('monitoringActions.fields.project')}>{a.projectId ? <Link to={`/projects/${a.projectId}`}>{`${a.projectName}（${a.projectCode}）`}</Link> : a.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('monitoringActions.fields.unit')}>{a.unitName ?? a.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('monitoringActions.fields.issuer')}>{`${a.issuerOrgName}${a.issuedByName ? ` · ${a.issuedByName}` : ''}`}</Descriptions.Item>
          <Descriptions.Item label={t('monitoringActions.fields.issuedAt')}>{formatDateTime(a.createdAt)}</Descriptions.Item>
          {a.amount && <Descriptions.Item label={t('monitoringActions.fields.amount')}>{formatMoney(a.amount)}</Descriptions.Item>}
          {a.dueOn && <Descriptions.Item label={t('monitoringActions.fields.dueOn')}>{a.dueOn}</Descriptions.Item>}
          {a.roundName && <Descriptions.Item label={t('monitoringActions.fields.round')}>{a.roundName}</Descriptions.Item>}
          {a.liftedAt && <Descriptions.Item label={t('monitoringActions.fields.liftedAt')}>{formatDateTime(a.liftedAt)}</Descriptions.Item>}
          <Descriptions.Item label={t('monitoringActions.fields.content')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.content || '—'}</Typography.Paragraph>
          </Descriptions.Item>
          {a.response && (
            <Descriptions.Item label={t('monitoringActions.fields.response')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.response}</Typography.Paragraph>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <ActionHistory action={a} />
    </Space>
  )
}

function ActionHistory({ action }: { action: CorrectiveAction }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('monitoringActions.history.title')}>
      <Timeline
        items={action.events.map((e) => ({
          key: e.id,
          color: e.event === 'lift' || e.event === 'close' ? 'green' : e.event === 'return' ? 'red' : 'blue',
          content: (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>
                {t(`monitoringActions.history.${e.event}`)} · {e.actorName ?? '—'} · {formatDateTime(e.createdAt)}
              </Typography.Text>
              {e.note && e.event !== 'update' && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Text>}
              {e.attachments.map((f) => (
                <a key={f.id} href={actionFilePath(action.id, f.id)} download={f.fileName}>
                  <PaperClipOutlined aria-hidden /> {f.fileName}
                </a>
              ))}
            </Space>
          ),
        }))}
      />
    </Card>
  )
}

/** The buttons of the moves the server says this user may take now; each confirmed in a dialog. */
function ActionMoves({ action, onReload }: { action: CorrectiveAction; onReload: () => Promise<{ data?: CorrectiveAction }> }) {
  const { t } = useTranslation()
  const decide = useDecideAction()
  const [open, setOpen] = useState<ActionMove | null>(null)
  // After a 409 the record is read again; the move may no longer be open (someone else closed it).
  const reload = async () => {
    const fresh = (await onReload()).data
    return fresh && open && !fresh.moves.includes(open) ? { blocked: t('monitoringActions.moves.gone') } : {}
  }
  const question = { return: t('monitoringActions.moves.returnQuestion'), close: t('monitoringActions.moves.closeQuestion'), lift: t('monitoringActions.moves.liftQuestion') }
  return (
    <Space wrap>
      {action.moves.map((move) => (
        <Button key={move} type={move === 'respond' ? 'primary' : 'default'} danger={move === 'lift'} onClick={() => setOpen(move)}>
          {t(`monitoringActions.moves.${move}`)}
        </Button>
      ))}
      {open === 'respond' && <RespondDialog action={action} onClose={() => setOpen(null)} />}
      {open && open !== 'respond' && (
        <OpinionDialog
          title={t(`monitoringActions.moves.${open}`)}
          okText={t(`monitoringActions.moves.${open}`)}
          danger={open === 'lift'}
          question={question[open]}
          opinion={open === 'return' ? 'required' : 'optional'}
          minLength={2}
          opinionLabel={t('monitoringActions.moves.noteLabel')}
          requiredMessage={t('monitoringActions.moves.returnNoteRequired')}
          maxLength={2000}
          successMessage={t('monitoringActions.moves.done')}
          onSubmit={(note) => decide.mutateAsync({ id: action.id, version: action.version, move: open, note })}
          onClose={() => setOpen(null)}
          onReload={reload}
        />
      )}
    </Space>
  )
}
