import { ArrowLeftOutlined, WarningFilled } from '@ant-design/icons'
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { PageSpinner } from '../../../layout/AppLayout'
import { DescriptionGroup } from '../../../shared/DescriptionGroup'
import { LoadFailed } from '../../../shared/LoadFailed'
import { OpinionDialog } from '../../../shared/OpinionDialog'
import { formatDateTime } from '../../../shared/format'
import { GradeTag } from '../self/selfVocabulary'
import { useState } from 'react'
import { SpotStatusTag } from './SpotCheckListPage'
import { useCloseSpotCheck, useSpotCheck } from './spotchecks.queries'
import type { SpotCheckItemRow } from './spotchecks.types'

/** One sample: its seed and pool, each sampled 自评表 with the unit's and the reviewer's totals and the gap. */
export function SpotCheckDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id } = useParams()
  const query = useSpotCheck(id)
  const close = useCloseSpotCheck()
  const [closing, setClosing] = useState(false)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/evaluation/spot-checks" backLabel={t('spotChecks.backToList')} />
  const s = query.data

  const columns: TableColumnsType<SpotCheckItemRow> = [
    { key: 'no', title: '#', width: 50, render: (_, __, i) => i + 1 },
    {
      key: 'title',
      title: t('spotChecks.fields.form'),
      width: 260,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/evaluation/spot-checks/${s.id}/items/${row.id}`}>{row.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.unitName ?? row.departmentName}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'pick', title: t('spotChecks.fields.pick'), dataIndex: 'pick', width: 90, render: (p: SpotCheckItemRow['pick']) => <Tag>{t(`spotChecks.pick.${p}`)}</Tag> },
    { key: 'unitTotal', title: t('spotChecks.fields.unitTotal'), dataIndex: 'unitTotal', width: 110, align: 'right', render: (v: string | null, row) => <Space size={4}>{v ?? '—'}<GradeTag grade={row.unitGrade} /></Space> },
    { key: 'reviewerTotal', title: t('spotChecks.fields.reviewerTotal'), dataIndex: 'reviewerTotal', width: 110, align: 'right', render: (v: string | null, row) => (row.status === 'reviewed' ? <Space size={4}>{v ?? '—'}<GradeTag grade={row.reviewerGrade} /></Space> : '—') },
    {
      key: 'gap',
      title: t('spotChecks.fields.gap'),
      dataIndex: 'gap',
      width: 110,
      align: 'right',
      render: (gap: string | null, row) =>
        gap === null ? '—' : row.flagged ? (
          <Typography.Text type="danger" strong>
            <WarningFilled aria-hidden /> {gap}
          </Typography.Text>
        ) : (
          gap
        ),
    },
    { key: 'status', title: t('spotChecks.fields.itemStatus'), dataIndex: 'status', width: 100, render: (st: SpotCheckItemRow['status']) => <Tag color={st === 'reviewed' ? 'green' : 'default'}>{t(`spotChecks.itemStatus.${st}`)}</Tag> },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('spotChecks.backToList')} onClick={() => navigate('/evaluation/spot-checks')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {s.name}
            </Typography.Title>
            <SpotStatusTag status={s.status} />
          </Space>
        }
        extra={
          s.can.close && (
            <Button type="primary" disabled={s.reviewed < s.items} title={s.reviewed < s.items ? t('spotChecks.close.notYet') : undefined} onClick={() => setClosing(true)}>
              {t('spotChecks.close.button')}
            </Button>
          )
        }
      >
        <DescriptionGroup
          title=""
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'j', label: t('spotChecks.fields.jurisdiction'), children: s.jurisdictionName + (s.includeBelow ? `（${t('spotChecks.fields.includeBelow')}）` : '') },
            { key: 'y', label: t('spotChecks.fields.fiscalYear'), children: s.fiscalYear },
            { key: 'seed', label: t('spotChecks.fields.seed'), children: <Typography.Text code copyable>{s.seed}</Typography.Text> },
            { key: 'pool', label: t('spotChecks.fields.pool'), children: t('spotChecks.poolValue', { pool: s.poolSize, random: s.randomCount }) },
            { key: 'threshold', label: t('spotChecks.fields.threshold'), children: s.gapThreshold },
            { key: 'progress', label: t('spotChecks.fields.reviewed'), children: `${s.reviewed} / ${s.items}` },
            { key: 'flagged', label: t('spotChecks.fields.flagged'), children: s.flagged },
            { key: 'by', label: t('spotChecks.fields.createdAt'), children: `${formatDateTime(s.createdAt)} ${s.createdByName ?? ''}` },
          ]}
        />
      </Card>
      <Card size="small" title={t('spotChecks.sample')}>
        <Table<SpotCheckItemRow>
          rowKey="id"
          size="middle"
          aria-label={t('spotChecks.sample')}
          columns={columns}
          dataSource={s.sample}
          pagination={s.sample.length > 20 ? { pageSize: 20 } : false}
          tableLayout="fixed"
          scroll={{ x: 830 }}
          locale={{ emptyText: <Empty description={t('spotChecks.emptySample')} /> }}
        />
      </Card>
      {closing && (
        <OpinionDialog
          title={t('spotChecks.close.button')}
          okText={t('spotChecks.close.button')}
          question={t('spotChecks.close.question', { flagged: s.flagged })}
          opinion="none"
          opinionLabel=""
          requiredMessage=""
          maxLength={0}
          onSubmit={() => close.mutateAsync({ id: s.id, version: s.version })}
          successMessage={t('spotChecks.done')}
          onClose={() => setClosing(false)}
        />
      )}
    </Space>
  )
}
