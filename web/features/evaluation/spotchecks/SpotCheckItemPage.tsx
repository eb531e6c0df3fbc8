import { ArrowLeftOutlined, WarningFilled } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Space, Statistic, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { formatMoney } from '../../../../domain/money'
import { ApiError, apiUrl } from '../../../api/client'
import { PageSpinner } from '../../../layout/AppLayout'
import { DescriptionGroup } from '../../../shared/DescriptionGroup'
import { DownloadButton } from '../../../shared/DownloadButton'
import { LoadFailed } from '../../../shared/LoadFailed'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/serverErrors'
import { ExplainedFigure, GradeTag, SelfStatusTag } from '../self/selfVocabulary'
import { useComparison, useRescore } from './spotchecks.queries'
import type { SpotCheckCompareRow, SpotCheckComparison } from './spotchecks.types'
import { SourceRectifications } from '../../results/rectifications/SourceRectifications'

/** 复核打分: the unit's and the reviewer's scores side by side, per indicator and in total, with the gap flagged. */
export function SpotCheckItemPage() {
  const { t } = useTranslation()
  const { id, itemId } = useParams()
  const query = useComparison(id, itemId)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo={`/evaluation/spot-checks/${id}`} backLabel={t('spotChecks.backToSample')} />
  return <Rescore key={`${query.data.id}-${query.data.version}`} c={query.data} />
}

interface Values {
  note: string
  rows: { position: number; actual: string | null; score: string | null; reason: string | null }[]
}

const fieldOf = (path: string) => {
  const m = /^indicators\.(\d+)\.(score|overrideReason|actual|position)$/.exec(path)
  if (!m) return null
  return ['rows', Number(m[1]), m[2] === 'overrideReason' ? 'reason' : m[2]!]
}

function Rescore({ c }: { c: SpotCheckComparison }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const rescore = useRescore()
  const [error, setError] = useState<string | null>(null)
  const editable = c.can.rescore
  const initial: Values = {
    note: c.note,
    rows: c.rows.map((r) => ({
      position: r.position,
      actual: r.reviewerActual !== r.unitActual ? r.reviewerActual : null,
      score: r.reviewerReason || c.status === 'reviewed' ? r.reviewerScore : null,
      reason: r.reviewerReason,
    })),
  }

  async function submit(values: Values) {
    setError(null)
    try {
      const indicators = values.rows
        .map((r, i) => ({ position: c.rows[i]!.position, actual: r.actual?.trim() || null, score: r.score?.trim() || null, reason: r.reason?.trim() || null }))
        .filter((r) => r.actual || r.score || r.reason)
      // Only the reviewer's own entries count: a score equal to the rule's proposal without reason is not an override.
      await rescore.mutateAsync({ id: c.spotCheckId, itemId: c.id, version: c.version, indicators, note: values.note ?? '' })
      message.success(t('spotChecks.rescore.saved'))
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) {
        const fields = (err.details as { path?: string; message?: string }[]).flatMap((d) => {
          const name = d.path ? fieldOf(d.path) : null
          return name ? [{ name: name as never, errors: [d.message ?? ''] }] : []
        })
        form.setFields(fields)
      }
      setError(errorMessage(err))
    }
  }

  const gapText = (gap: string | null, flagged: boolean) =>
    gap === null ? '—' : flagged ? (
      <Typography.Text type="danger" strong>
        <WarningFilled aria-hidden /> {gap}
      </Typography.Text>
    ) : (
      gap
    )

  const columns: TableColumnsType<SpotCheckCompareRow> = [
    {
      key: 'name',
      title: t('evaluationSelf.indicators.name'),
      width: 160,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{r.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.level1} · {r.target}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'weight', title: t('evaluationSelf.indicators.weight'), dataIndex: 'weight', width: 60, align: 'right' },
    {
      key: 'unit',
      title: t('spotChecks.rescore.unitSide'),
      children: [
        { key: 'unitActual', title: t('evaluationSelf.indicators.actual'), dataIndex: 'unitActual', width: 100, render: (v: string | null) => v ?? '—' },
        {
          key: 'unitScore',
          title: t('evaluationSelf.indicators.score'),
          dataIndex: 'unitScore',
          width: 90,
          align: 'right',
          render: (v: string | null, r) => (
            <Space orientation="vertical" size={0}>
              <span>{v ?? '—'}</span>
              {r.unitOverrideReason && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.unitOverrideReason}
                </Typography.Text>
              )}
            </Space>
          ),
        },
      ],
    },
    {
      key: 'reviewer',
      title: t('spotChecks.rescore.reviewerSide'),
      children: [
        {
          key: 'actual',
          title: t('spotChecks.rescore.verifiedActual'),
          width: 120,
          render: (_, r, i) => (
            <Form.Item name={['rows', i, 'actual']} style={{ margin: 0 }}>
              <Input disabled={!editable} maxLength={200} placeholder={r.unitActual ?? ''} aria-label={`${r.name} ${t('spotChecks.rescore.verifiedActual')}`} />
            </Form.Item>
          ),
        },
        { key: 'proposed', title: t('evaluationSelf.indicators.proposed'), width: 90, align: 'right', render: (_, r) => <ExplainedFigure value={r.reviewerProposed} explained={r.reviewerFormula ? { rule: '', formula: r.reviewerFormula } : null} /> },
        {
          key: 'score',
          title: t('spotChecks.rescore.score'),
          width: 150,
          render: (_, r, i) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Form.Item name={['rows', i, 'score']} style={{ margin: 0 }}>
                <Input disabled={!editable} inputMode="decimal" maxLength={6} placeholder={r.reviewerProposed ?? ''} aria-label={`${r.name} ${t('spotChecks.rescore.score')}`} />
              </Form.Item>
              {r.bound && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('evaluationSelf.indicators.bound', { low: r.bound.low, high: r.bound.high, close: r.bound.highExclusive ? ')' : ']' })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'reason',
          title: t('spotChecks.rescore.reason'),
          width: 170,
          render: (_, r, i) => (
            <Form.Item name={['rows', i, 'reason']} style={{ margin: 0 }}>
              <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} disabled={!editable} maxLength={2000} aria-label={`${r.name} ${t('spotChecks.rescore.reason')}`} />
            </Form.Item>
          ),
        },
        { key: 'reviewerScore', title: t('spotChecks.rescore.counted'), dataIndex: 'reviewerScore', width: 80, align: 'right', render: (v: string | null) => v ?? '—' },
      ],
    },
    { key: 'gap', title: t('spotChecks.fields.gap'), dataIndex: 'gap', width: 80, align: 'right', render: (g: string | null) => gapText(g, false) },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('spotChecks.backToSample')} onClick={() => navigate(`/evaluation/spot-checks/${c.spotCheckId}`)} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {c.title}
            </Typography.Title>
            <SelfStatusTag status={c.formStatus} />
          </Space>
        }
        extra={<DownloadButton href={apiUrl(`/api/evaluation/spot-checks/${c.spotCheckId}/items/${c.id}/export`)}>{t('common.export')}</DownloadButton>}
      >
        <DescriptionGroup
          title=""
          column={{ xs: 1, md: 2, xl: 2 }}
          items={[
            { key: 'sample', label: t('spotChecks.fields.sampleName'), children: c.spotCheckName },
            { key: 'unit', label: t('evaluationSelf.fields.unit'), children: c.unitName ?? c.departmentName ?? '—' },
            { key: 'budget', label: t('evaluationSelf.funds.budget'), children: formatMoney(c.execution.budget) },
            { key: 'exec', label: t('evaluationSelf.funds.executionRate'), children: <ExplainedFigure value={`${c.execution.ratePercent}% → ${c.execution.score}`} explained={{ rule: '', formula: c.execution.formula }} /> },
          ]}
        />
      </Card>
      <Card size="small" title={t('spotChecks.rescore.totals')}>
        <Space size={48} wrap>
          <Statistic title={t('spotChecks.fields.unitTotal')} value={c.unitTotal ?? '—'} suffix={<GradeTag grade={c.unitGrade} />} />
          <Statistic title={t('spotChecks.fields.reviewerTotal')} value={c.reviewerTotal ?? '—'} suffix={<GradeTag grade={c.reviewerGrade} />} />
          <Statistic title={t('spotChecks.fields.gap')} value={c.gap ?? '—'} valueStyle={c.flagged ? { color: '#cf1322' } : undefined} />
          <Typography.Text type="secondary">{t('spotChecks.rescore.threshold', { points: c.gapThreshold })}</Typography.Text>
        </Space>
        {c.flagged && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('spotChecks.rescore.flagged', { gap: c.gap, points: c.gapThreshold })} />}
        {c.status === 'pending' && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('spotChecks.rescore.pending')} />}
        {c.reviewedAt && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('spotChecks.rescore.reviewedBy', { name: c.reviewedByName ?? '', at: formatDateTime(c.reviewedAt) })}
          </Typography.Paragraph>
        )}
      </Card>
      <Form<Values> form={form} initialValues={initial} onFinish={submit} aria-label={t('spotChecks.rescore.title')}>
        <Card
          size="small"
          title={t('spotChecks.rescore.title')}
          extra={
            editable && (
              <Button type="primary" htmlType="submit" loading={rescore.isPending}>
                {t('spotChecks.rescore.save')}
              </Button>
            )
          }
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Table<SpotCheckCompareRow>
            rowKey="position"
            size="small"
            bordered
            aria-label={t('spotChecks.rescore.tableLabel')}
            columns={columns}
            dataSource={c.rows}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 1090 }}
          />
          <Form.Item name="note" label={t('spotChecks.rescore.note')} style={{ marginTop: 12, marginBottom: 0 }}>
            <Input.TextArea rows={2} maxLength={2000} disabled={!editable} />
          </Form.Item>
        </Card>
      </Form>
      <SourceRectifications sourceType="spot_check" sourceId={c.id} />
    </Space>
  )
}
