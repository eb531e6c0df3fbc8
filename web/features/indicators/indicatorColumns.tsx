import { Button, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import type { SortOrder } from 'antd/es/table/interface'
import type { TFunction } from 'i18next'
import { formatDateTime } from '../../shared/format'
import { HighlightedText } from './HighlightedText'
import { IndicatorStatusTag } from './IndicatorStatusTag'
import type { IndicatorVocabulary } from './indicatorVocabulary'
import type { IndicatorRow } from './indicators.types'

interface ColumnContext {
  t: TFunction
  vocabulary: IndicatorVocabulary
  /** The sort arrow a server-sortable column shows. */
  sortOrderOf: (key: string) => SortOrder
  onOpen: (row: IndicatorRow) => void
  /** Adds the 相关度 column (keyword searches). */
  relevance?: boolean
  /** Adds 更新时间 (the proposals list). */
  updatedAt?: boolean
}

const sortable = (key: string, ctx: ColumnContext) => ({ key, sorter: true, sortOrder: ctx.sortOrderOf(key) })

/** A few tags, the rest counted in a "+n" whose tooltip lists them. */
export function TagList({ labels, color, max = 2 }: { labels: string[]; color?: string; max?: number }) {
  if (labels.length === 0) return <Typography.Text type="secondary">—</Typography.Text>
  const shown = labels.slice(0, max)
  const rest = labels.slice(max)
  return (
    <span title={labels.join('、')}>
      {shown.map((label) => (
        <Tag key={label} color={color} style={{ marginInlineEnd: 4, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>
          {label}
        </Tag>
      ))}
      {rest.length > 0 && <Tag>+{rest.length}</Tag>}
    </span>
  )
}

/** The library's columns, keyed as the server sorts them (relevance, code, name, updatedAt). */
export function indicatorColumns(ctx: ColumnContext): TableColumnsType<IndicatorRow> {
  const { t, vocabulary } = ctx
  const field = (key: string) => t(`indicators.fields.${key}`)
  const columns: TableColumnsType<IndicatorRow> = [
    { ...sortable('code', ctx), title: field('code'), dataIndex: 'code', width: 110, fixed: 'left' },
    {
      ...sortable('name', ctx),
      title: field('name'),
      dataIndex: 'name',
      width: 220,
      fixed: 'left',
      render: (name: string, row) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => ctx.onOpen(row)}
          aria-label={t('indicators.openDetail', { name })}
        >
          <span>
            <HighlightedText text={name} words={row.matched} />
          </span>
        </Button>
      ),
    },
    {
      key: 'placement',
      title: field('placement'),
      width: 180,
      render: (_, row) => (
        <span>
          {ctx.t(`labels.levels.${row.level1}`, { defaultValue: row.level1 })}
          <Typography.Text type="secondary"> / </Typography.Text>
          {ctx.t(`labels.levels.${row.level2}`, { defaultValue: row.level2 })}
        </span>
      ),
    },
    { key: 'nature', title: field('nature'), dataIndex: 'nature', width: 90, align: 'center', render: vocabulary.nature },
    { key: 'unit', title: field('unit'), dataIndex: 'unit', width: 90, render: (unit: string) => unit || '—' },
    {
      key: 'exampleTarget',
      title: field('exampleTarget'),
      dataIndex: 'exampleTarget',
      width: 120,
      ellipsis: { showTitle: true },
      render: (target: string | null) => target ?? '—',
    },
    {
      key: 'sectors',
      title: field('sectors'),
      dataIndex: 'sectors',
      width: 160,
      render: (codes: IndicatorRow['sectors']) => <TagList labels={codes.map(vocabulary.sector)} color="blue" />,
    },
    {
      key: 'projectKinds',
      title: field('projectKinds'),
      dataIndex: 'projectKinds',
      width: 160,
      render: (codes: IndicatorRow['projectKinds']) => <TagList labels={codes.map(vocabulary.projectKind)} color="purple" />,
    },
    { key: 'scope', title: field('scope'), dataIndex: 'scope', width: 100, render: vocabulary.scope },
    {
      key: 'status',
      title: field('status'),
      dataIndex: 'status',
      width: 90,
      render: (status: IndicatorRow['status']) => <IndicatorStatusTag status={status} />,
    },
    {
      key: 'revision',
      title: field('revision'),
      dataIndex: 'revision',
      width: 64,
      align: 'center',
      render: (revision: number) => t('indicators.revisionShort', { revision }),
    },
  ]
  if (ctx.updatedAt) {
    columns.push({
      ...sortable('updatedAt', ctx),
      title: field('updatedAt'),
      dataIndex: 'updatedAt',
      width: 165,
      render: (at: string) => <Typography.Text type="secondary">{formatDateTime(at)}</Typography.Text>,
    })
  }
  if (ctx.relevance) {
    columns.splice(2, 0, {
      ...sortable('relevance', ctx),
      sortDirections: ['descend'],
      title: field('score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      render: (score: number | undefined) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{score === undefined ? '—' : score.toFixed(2)}</span>
      ),
    })
  }
  return columns
}

/** Sum of the column widths, for a fixed-layout table that scrolls sideways. */
export const widthOf = (columns: TableColumnsType<IndicatorRow>) => columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)
