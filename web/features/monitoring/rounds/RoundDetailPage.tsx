import { ArrowLeftOutlined } from '@ant-design/icons'
import type { Dayjs } from 'dayjs'
import { Alert, App, Button, Card, Col, DatePicker, Popconfirm, Row, Space, Statistic, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { formatMoney } from '../../../../domain/money'
import { PageSpinner } from '../../../layout/AppLayout'
import { DescriptionGroup } from '../../../shared/DescriptionGroup'
import { JobProgress } from '../../../shared/JobProgress'
import { LoadFailed } from '../../../shared/LoadFailed'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/serverErrors'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { BulletinButton } from '../../results/bulletins/BulletinButton'
import { KeyPanel } from './KeyPanel'
import { LatePanel } from './LatePanel'
import { LightCounts, RoundStatusTag } from './roundVocabulary'
import { useRound, useUpdateRound } from './rounds.queries'
import type { RoundDetail } from './rounds.types'

/** 监控批次详情: the round, its figures, the opening job while it runs, the not-yet-reported view and 重点监控. */
export function RoundDetailPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useRound(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/monitoring/rounds" backLabel={t('monitoringRounds.backToList')} />
  return <RoundView round={query.data} onRefresh={() => void query.refetch()} />
}

function RoundView({ round, onRefresh }: { round: RoundDetail; onRefresh: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const manages = useCan('monitoring.manage') && !round.readOnly
  const actsOnLights = useCan('monitoring.act')
  // A bureau above the round's jurisdiction (a city over its district) supervises it read-only.
  const supervises = user.org.kind === 'jurisdiction' && user.org.jurisdictionCode !== round.jurisdictionCode
  const update = useUpdateRound()
  const s = round.stats

  async function change(body: { deadline?: string; close?: true }) {
    try {
      await update.mutateAsync({ id: round.id, version: round.version, ...body })
      message.success(t('common.saved'))
    } catch (err) {
      message.error(errorMessage(err))
    }
  }

  const links = round.status !== 'opening' && (
    <Space>
      <Link to={`/monitoring/forms?roundId=${round.id}`}>{t('monitoringRounds.detail.forms')}</Link>
      {actsOnLights && <Link to={`/monitoring/actions?roundId=${round.id}`}>{t('monitoringRounds.detail.redLights')}</Link>}
      <BulletinButton of={{ kind: 'monitoring-round', id: round.id }} />
    </Space>
  )
  const actions = manages && round.status === 'open' && (
    <Space>
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        placeholder={t('monitoringRounds.detail.changeDeadline')}
        aria-label={t('monitoringRounds.detail.changeDeadline')}
        onChange={(value: Dayjs | null) => {
          if (value) void change({ deadline: value.toISOString() })
        }}
        value={null}
      />
      <Popconfirm title={t('monitoringRounds.detail.closeConfirm', { name: round.name })} onConfirm={() => change({ close: true })} okText={t('common.confirm')} cancelText={t('common.cancel')}>
        <Button danger>{t('monitoringRounds.detail.close')}</Button>
      </Popconfirm>
    </Space>
  )

  return (
    <Card
      size="small"
      title={
        <Space>
          <Link to="/monitoring/rounds" aria-label={t('monitoringRounds.backToList')}>
            <ArrowLeftOutlined aria-hidden />
          </Link>
          {round.name}
          <RoundStatusTag status={round.status} />
        </Space>
      }
      extra={
        <Space size="large">
          {links}
          {actions}
        </Space>
      }
    >
      {supervises && <Alert type="info" showIcon title={t('monitoringRounds.detail.readOnly')} style={{ marginBottom: 12 }} />}
      {round.status === 'opening' && (
        <Alert type="info" showIcon title={t('monitoringRounds.detail.opening')} style={{ marginBottom: 12 }} description={round.jobId && <JobProgress jobId={round.jobId} onDone={onRefresh} />} />
      )}
      {round.status === 'open' && round.deadlinePassed && <Alert type="warning" showIcon title={t('monitoringRounds.detail.deadlinePassed')} style={{ marginBottom: 12 }} />}
      <DescriptionGroup
        title=""
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'j', label: t('monitoringRounds.fields.jurisdiction'), children: round.jurisdictionName },
          { key: 'y', label: t('monitoringRounds.fields.fiscalYear'), children: round.fiscalYear },
          { key: 'm', label: t('monitoringRounds.fields.cutoffMonth'), children: t('monitoringRounds.fields.cutoffValue', { month: round.cutoffMonth }) },
          { key: 'd', label: t('monitoringRounds.fields.deadline'), children: formatDateTime(round.deadline) },
          { key: 'l', label: t('monitoringRounds.fields.lights'), children: <LightCounts stats={s} />, span: 2 },
        ]}
      />
      <Row gutter={16} style={{ marginBottom: 16 }} aria-label={t('monitoringRounds.detail.stats')}>
        <Col span={4}><Statistic title={t('monitoringRounds.fields.forms')} value={s.forms} /></Col>
        <Col span={4}><Statistic title={t('monitoringRounds.fields.key')} value={s.key} /></Col>
        <Col span={4}><Statistic title={t('monitoringRounds.fields.reported')} value={s.forms - s.unreported} /></Col>
        <Col span={4}><Statistic title={t('monitoringRounds.late.unreported')} value={s.unreported} /></Col>
        <Col span={4}><Statistic title={t('monitoringRounds.fields.late')} value={s.late} styles={{ content: { color: s.late ? '#cf1322' : undefined } }} /></Col>
        <Col span={4}><Statistic title={t('monitoringRounds.fields.accepted')} value={s.accepted} /></Col>
      </Row>
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title={t('monitoringRounds.detail.keyCriteria', { amount: formatMoney(round.keyCriteria.keyAmount), ratio: round.keyCriteria.keyLowExecutionRatio })}
      />
      {round.status !== 'opening' && (
        <Tabs
          items={[
            { key: 'late', label: t('monitoringRounds.late.tab'), children: <LatePanel round={round} /> },
            { key: 'key', label: t('monitoringRounds.key.tab'), children: <KeyPanel round={round} /> },
          ]}
        />
      )}
    </Card>
  )
}
