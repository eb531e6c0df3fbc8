import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Space, Statistic, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { apiUrl } from '../../../api/client'
import { PageSpinner } from '../../../layout/AppLayout'
import { DescriptionGroup } from '../../../shared/DescriptionGroup'
import { DownloadButton } from '../../../shared/DownloadButton'
import { BulletinButton } from '../../results/bulletins/BulletinButton'
import { FormModal } from '../../../shared/FormModal'
import { JobProgress } from '../../../shared/JobProgress'
import { LoadFailed } from '../../../shared/LoadFailed'
import { OpinionDialog } from '../../../shared/OpinionDialog'
import { formatDateTime } from '../../../shared/format'
import { useCan } from '../../auth/CurrentUser'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useExtendSelfForms, useSelfRound, useUpdateSelfRound } from './self.queries'
import type { SelfRoundDetail } from './self.types'
import { SelfRoundStatusTag } from './selfVocabulary'

/** One self-evaluation round: its figures by status, links to its forms and the coverage, and the round's Excel export. */
export function SelfRoundDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id } = useParams()
  const query = useSelfRound(id)
  const update = useUpdateSelfRound()
  const canManage = useCan('evaluation.manage')
  const [closing, setClosing] = useState(false)
  const [extending, setExtending] = useState(false)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/evaluation/self-rounds" backLabel={t('evaluationSelf.backToRounds')} />
  const round = query.data
  const c = round.counts
  const forms = (extra: string) => `/evaluation/self?roundId=${round.id}${extra}`
  const figures = [
    { key: 'total', label: t('evaluationSelf.rounds.forms'), value: c.total, to: forms('') },
    { key: 'draft', label: t('evaluationSelf.statusShort.draft'), value: c.draft, to: forms('&status=draft') },
    { key: 'returned', label: t('evaluationSelf.statusShort.returned'), value: c.returned, to: forms('&status=returned') },
    { key: 'submitted', label: t('evaluationSelf.statusShort.submitted'), value: c.submitted, to: forms('&status=submitted') },
    { key: 'deptAccepted', label: t('evaluationSelf.statusShort.dept_accepted'), value: c.deptAccepted, to: forms('&status=dept_accepted') },
    { key: 'accepted', label: t('evaluationSelf.statusShort.accepted'), value: c.accepted, to: forms('&status=accepted') },
  ]
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('evaluationSelf.backToRounds')} onClick={() => navigate('/evaluation/self-rounds')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {round.name}
            </Typography.Title>
            <SelfRoundStatusTag status={round.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {canManage && round.status === 'open' && <Button onClick={() => setExtending(true)}>{t('evaluationSelf.deadline.extend')}</Button>}
            {canManage && round.status === 'open' && (
              <Button danger onClick={() => setClosing(true)}>
                {t('evaluationSelf.rounds.close')}
              </Button>
            )}
            <Link to={`/evaluation/self/coverage?fiscalYear=${round.fiscalYear}`}>{t('evaluationSelf.nav.coverage')}</Link>
            <DownloadButton href={apiUrl(`/api/evaluation/self-rounds/${round.id}/export`, { layout: 'no10' })}>{t('evaluationSelf.export.no10')}</DownloadButton>
            <DownloadButton href={apiUrl(`/api/evaluation/self-rounds/${round.id}/export`, { layout: 'sichuan' })}>{t('evaluationSelf.export.sichuan')}</DownloadButton>
            {round.status !== 'opening' && <BulletinButton of={{ kind: 'self-round', id: round.id }} />}
          </Space>
        }
      >
        {round.status === 'opening' && round.jobId && (
          <div style={{ marginBottom: 12 }}>
            <JobProgress jobId={round.jobId} title={t('evaluationSelf.rounds.openProgress')} onDone={() => void query.refetch()} />
          </div>
        )}
        {round.status === 'closed' && <Alert type="info" showIcon title={t('evaluationSelf.rounds.closedHint')} style={{ marginBottom: 12 }} />}
        <DescriptionGroup
          title=""
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'jurisdiction', label: t('evaluationSelf.fields.jurisdiction'), children: round.jurisdictionName },
            { key: 'year', label: t('evaluationSelf.fields.fiscalYear'), children: round.fiscalYear },
            { key: 'deadline', label: t('evaluationSelf.rounds.deadline'), children: formatDateTime(round.deadline) },
            { key: 'created', label: t('evaluationSelf.rounds.createdAt'), children: formatDateTime(round.createdAt) },
          ]}
        />
      </Card>
      <Card size="small" title={t('evaluationSelf.rounds.byStatus')}>
        <Row gutter={[16, 16]}>
          {figures.map((f) => (
            <Col key={f.key} xs={12} md={8} xl={4}>
              <Link to={f.to} aria-label={`${f.label} ${f.value}`}>
                <Statistic title={f.label} value={f.value} />
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
      {extending && <ExtensionDialog round={round} onClose={() => setExtending(false)} />}
      {closing && (
        <OpinionDialog
          title={t('evaluationSelf.rounds.close')}
          okText={t('evaluationSelf.rounds.close')}
          danger
          question={t('evaluationSelf.rounds.closeQuestion')}
          opinion="none"
          opinionLabel=""
          requiredMessage=""
          maxLength={0}
          onSubmit={() => update.mutateAsync({ id: round.id, version: round.version, close: true })}
          successMessage={t('evaluationSelf.done')}
          onClose={() => setClosing(false)}
        />
      )}
    </Space>
  )
}

/** 延期: a later deadline for every form of a unit (or a department's forms); the lock then holds from it. */
function ExtensionDialog({ round, onClose }: { round: SelfRoundDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const extend = useExtendSelfForms()
  const later = dayjs(round.deadline).isAfter(dayjs()) ? dayjs(round.deadline) : dayjs()
  return (
    <FormModal<{ orgCode: string; until: Dayjs; reason: string }>
      title={t('evaluationSelf.deadline.extendTitle')}
      initialValues={{ until: later.add(7, 'day') }}
      onClose={onClose}
      onSubmit={(v) => extend.mutateAsync({ id: round.id, orgCode: v.orgCode, until: v.until.toISOString(), reason: v.reason })}
    >
      <Form.Item name="orgCode" label={t('evaluationSelf.deadline.org')} extra={t('evaluationSelf.deadline.orgHint')} rules={[{ required: true }]}>
        <OrgTreeSelect kinds={['department', 'unit']} label={t('evaluationSelf.deadline.org')} />
      </Form.Item>
      <Form.Item name="until" label={t('evaluationSelf.deadline.until')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="reason" label={t('evaluationSelf.deadline.reason')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  )
}
