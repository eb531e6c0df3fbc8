import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { type ExpertAvoidanceReason, expertAvoidanceReasonLabels } from '../../../domain/evaluation'
import { PageSpinner } from '../../layout/AppLayout'
import { formatDateTime } from '../../shared/format'
import { LoadFailed } from '../../shared/LoadFailed'
import { errorMessage } from '../../shared/serverErrors'
import { useCodeLabels } from '../../shared/useCodeLabels'
import { BackTitle, SectionTable } from '../agencies/SectionTable'
import { useDraw, useSaveSheet } from './experts.queries'
import type { Draw, DrawCandidate, ScoreSheet } from './experts.types'

/** 抽取结果: the seed, the drawn experts, every candidate with its avoidance reasons, and the score sheets side by side. */
export function DrawResultPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useDraw(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/experts/draws" backLabel={t('experts.nav.draws')} />
  return <DrawView key={query.data.id} draw={query.data} />
}

function DrawView({ draw }: { draw: Draw }) {
  const { t } = useTranslation()
  const { labelOf } = useCodeLabels()
  const reason = labelOf<ExpertAvoidanceReason>(expertAvoidanceReasonLabels)
  const drawn = new Set(draw.drawnIds)
  const mine = draw.sheets.find((s) => s.mine)
  const shortfall = draw.criteria.shortfall ?? 0

  const candidateColumns: TableColumnsType<DrawCandidate> = [
    { key: 'name', title: t('experts.fields.name'), dataIndex: 'name', width: 120, render: (name: string, row) => <Link to={`/experts/${row.id}`}>{name}</Link> },
    { key: 'affiliation', title: t('experts.fields.affiliation'), dataIndex: 'affiliation', width: 200 },
    { key: 'fields', title: t('experts.fields.fields'), dataIndex: 'fields', width: 200, render: (fields: string[]) => fields.join('、') },
    {
      key: 'reasons',
      title: t('experts.result.reasons'),
      dataIndex: 'reasons',
      render: (reasons: ExpertAvoidanceReason[], row) =>
        drawn.has(row.id) ? (
          <Tag color="blue">{t('experts.result.picked')}</Tag>
        ) : reasons.length ? (
          reasons.map((r) => (
            <Tag key={r} color="orange" data-reason={r}>
              {reason(r)}
            </Tag>
          ))
        ) : (
          <Tag color="green">{t('experts.result.eligible')}</Tag>
        ),
    },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <BackTitle to="/experts/draws" backLabel={t('experts.nav.draws')}>
            {draw.keyEvaluationName}
          </BackTitle>
        }
        extra={<Typography.Text type="secondary">{formatDateTime(draw.drawnAt)}</Typography.Text>}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('experts.result.seedNote', { seed: draw.seed })} />
          {shortfall > 0 && <Alert type="warning" showIcon title={t('experts.draws.shortfall', { n: shortfall })} />}
          <Typography.Text strong>{t('experts.result.drawnTitle')}</Typography.Text>
          <Space wrap>
            {draw.drawn.map((d) => (
              <Tag key={d.id} color="blue" style={{ padding: '4px 8px' }}>
                {d.name} {d.title && `· ${d.title}`} {d.affiliation && `· ${d.affiliation}`}
              </Tag>
            ))}
          </Space>
        </Space>
      </Card>
      {draw.candidates.length > 0 && (
        <SectionTable title={t('experts.result.candidatesTitle')} rows={draw.candidates} columns={candidateColumns} scrollX={800} empty={t('experts.draws.empty')} />
      )}
      {mine && <SheetEditor drawId={draw.id} sheet={mine} />}
      {draw.spread.total !== null && <SideBySide draw={draw} />}
    </Space>
  )
}

/** The submitted sheets side by side, per indicator and in total, with the spread flagged above the threshold. */
function SideBySide({ draw }: { draw: Draw }) {
  const { t } = useTranslation()
  const submitted = draw.sheets.filter((s) => s.submittedAt)
  type Row = { key: string; label: string; values: Record<string, string | null>; spread: string | null; flagged: boolean }
  const rows: Row[] = [
    ...draw.spread.byIndicator.map((i) => ({ key: i.code, label: i.code, values: Object.fromEntries(submitted.map((s) => [s.expertId, s.scores[i.code] ?? null])), spread: i.spread, flagged: i.flagged })),
    { key: '__total', label: t('experts.result.total'), values: Object.fromEntries(submitted.map((s) => [s.expertId, s.total])), spread: draw.spread.total!.spread, flagged: draw.spread.total!.flagged },
  ]
  const columns: TableColumnsType<Row> = [
    { key: 'label', title: t('experts.result.indicator'), dataIndex: 'label', width: 160, render: (label: string, row) => (row.key === '__total' ? <strong>{label}</strong> : label) },
    ...submitted.map((s) => ({ key: s.expertId, title: s.name, width: 110, align: 'right' as const, render: (_: unknown, row: Row) => row.values[s.expertId] ?? '—' })),
    { key: 'spread', title: t('experts.result.spread'), dataIndex: 'spread', width: 100, align: 'right', render: (spread: string | null, row) => (row.flagged ? <Tag color="red">{spread}</Tag> : (spread ?? '—')) },
  ]
  const total = draw.spread.total!
  return (
    <Card size="small" title={t('experts.result.sheetsTitle')}>
      {total.flagged && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('experts.result.spreadFlag', { spread: total.spread, threshold: draw.spread.threshold })} />}
      {submitted.length === 0 ? (
        <Empty description={t('experts.result.noSheets')} />
      ) : (
        <Table aria-label={t('experts.result.sheetsTitle')} size="small" rowKey="key" pagination={false} dataSource={rows} columns={columns} />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {draw.sheets.map((s) => (
          <Tag key={s.expertId} color={s.submittedAt ? 'green' : 'default'}>
            {s.name}：{s.submittedAt ? t('experts.result.submitted') : t('experts.result.notSubmitted')}
          </Tag>
        ))}
      </Space>
    </Card>
  )
}

interface SheetValues {
  rows: { indicator: string; score: string }[]
  comment: string
}

/** The expert's own sheet: a score per indicator, saved or submitted (then fixed). */
function SheetEditor({ drawId, sheet }: { drawId: string; sheet: ScoreSheet }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const save = useSaveSheet()
  const [form] = Form.useForm<SheetValues>()
  const [error, setError] = useState<string | null>(null)
  const locked = !!sheet.submittedAt
  const initial: SheetValues = { rows: Object.entries(sheet.scores).map(([indicator, score]) => ({ indicator, score })), comment: sheet.comment }
  if (initial.rows.length === 0) initial.rows = [{ indicator: '', score: '' }]

  async function send(submit: boolean) {
    const values = await form.validateFields()
    setError(null)
    try {
      await save.mutateAsync({ drawId, version: sheet.version, scores: Object.fromEntries(values.rows.filter((r) => r.indicator).map((r) => [r.indicator.trim(), r.score.trim()])), comment: values.comment ?? '', submit })
      message.success(t('common.saved'))
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <Card size="small" title={t('experts.sheet.title')} extra={sheet.total !== null && t('experts.sheet.total', { total: sheet.total })}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<SheetValues> form={form} initialValues={initial} disabled={locked} aria-label={t('experts.sheet.title')} layout="vertical">
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'indicator']} rules={[{ required: true }]}>
                    <Input placeholder={t('experts.sheet.indicator')} aria-label={t('experts.sheet.indicator')} style={{ width: 220 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'score']} rules={[{ required: true, pattern: /^\d{1,3}(\.\d{1,2})?$/ }]}>
                    <Input placeholder={t('experts.sheet.score')} aria-label={t('experts.sheet.score')} style={{ width: 120 }} />
                  </Form.Item>
                  {!locked && <Button icon={<DeleteOutlined />} aria-label={t('agencies.actions.remove')} onClick={() => remove(field.name)} />}
                </Space>
              ))}
              {!locked && (
                <Button icon={<PlusOutlined />} onClick={() => add({ indicator: '', score: '' })} style={{ marginBottom: 12 }}>
                  {t('experts.sheet.addRow')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="comment" label={t('experts.sheet.comment')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
      {!locked && (
        <Space>
          <Button onClick={() => send(false)} loading={save.isPending}>
            {t('experts.sheet.save')}
          </Button>
          <Popconfirm title={t('experts.sheet.submitConfirm')} onConfirm={() => send(true)}>
            <Button type="primary" loading={save.isPending}>
              {t('experts.sheet.submit')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  )
}
