import { Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { type ExAnteScores, scoreSheet, type ScoreSheetPoint, suggestedConclusion } from '../../../domain/exante'
import type { ScoringRules } from '../../../domain/rule-set'
import type { ExAnte } from './exante.types'
import { RatingTag, useExAnteVocabulary } from './exanteVocabulary'

type Row = ScoreSheetPoint & { dimension: string; dimensionPoints: string; dimensionScore: string; first: boolean; span: number }

/** What the form holds under `scores`: per review point a score (a decimal string) and a note. */
export type ScoreFields = Record<string, { score?: string | null; comment?: string }>

/** The scores as typed, for the live sheet and for saving; empty inputs are unscored. */
export function scoresOf(fields: ScoreFields | undefined): ExAnteScores {
  return Object.fromEntries(
    Object.entries(fields ?? {})
      .filter(([, f]) => f?.score !== undefined && f.score !== null && f.score !== '')
      .map(([code, f]) => [code, { score: String(f.score), comment: f.comment ?? '' }]),
  )
}

/** 评分表: five dimensions of two review points, score inputs (while editable) with live ratings and the total. */
export function ExAnteScoreTable({ assessment: a, editable }: { assessment: ExAnte; editable: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useExAnteVocabulary()
  const form = Form.useFormInstance()
  const fields = Form.useWatch<ScoreFields | undefined>('scores', form)
  const sheet = scoreSheet(a.kind, fields ? scoresOf(fields) : a.scores, a.dimensionPoints, { gradeBands: a.gradeBands } as ScoringRules)
  const rows: Row[] = sheet.dimensions.flatMap((d) =>
    d.items.map((item, i) => ({ ...item, dimension: d.zh, dimensionPoints: d.points, dimensionScore: d.score, first: i === 0, span: d.items.length })),
  )
  const suggested = suggestedConclusion(sheet.rating)
  const span = (row: Row) => ({ rowSpan: row.first ? row.span : 0 })

  const columns: TableColumnsType<Row> = [
    { key: 'dimension', title: t('exante.sheet.dimension'), width: 150, onCell: span, render: (_, row) => <Typography.Text strong>{`${row.dimension}（${row.dimensionPoints}）`}</Typography.Text> },
    {
      key: 'point',
      title: t('exante.sheet.point'),
      width: 260,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{row.zh}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.guide}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'points', title: t('exante.sheet.points'), dataIndex: 'points', width: 80, align: 'right' },
    {
      key: 'score',
      title: t('exante.sheet.score'),
      width: 120,
      render: (_, row) =>
        editable ? (
          <Form.Item name={['scores', row.code, 'score']} noStyle>
            <InputNumber<string> stringMode min="0" max={row.points} step="0.5" precision={2} aria-label={t('exante.sheet.scoreOf', { point: row.zh })} style={{ width: 96 }} />
          </Form.Item>
        ) : (
          (row.score ?? '—')
        ),
    },
    { key: 'rating', title: t('exante.sheet.rating'), width: 70, align: 'center', render: (_, row) => <RatingTag rating={row.rating} /> },
    {
      key: 'comment',
      title: t('exante.sheet.comment'),
      render: (_, row) =>
        editable ? (
          <Form.Item name={['scores', row.code, 'comment']} noStyle>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} aria-label={t('exante.sheet.commentOf', { point: row.zh })} />
          </Form.Item>
        ) : (
          row.comment || '—'
        ),
    },
  ]

  return (
    <Card
      size="small"
      title={t('exante.sheet.title')}
      extra={
        <Space wrap>
          {sheet.missing.length > 0 && <Tag color="warning">{t('exante.sheet.missing', { count: sheet.missing.length })}</Tag>}
          {suggested && <Tag>{t('exante.sheet.suggested', { conclusion: vocabulary.conclusion(suggested) })}</Tag>}
        </Space>
      }
    >
      <Table<Row>
        rowKey="code"
        size="small"
        bordered
        pagination={false}
        aria-label={t('exante.sheet.title')}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 900 }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t('exante.sheet.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {sheet.maxTotal}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              <Typography.Text strong aria-label={t('exante.sheet.total')}>
                {sheet.total}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="center">
              <RatingTag rating={sheet.rating} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  )
}
