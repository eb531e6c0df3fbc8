import { type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useIndicatorVocabulary } from '../indicators/indicatorVocabulary'
import type { FrameworkNode } from '../rules/rules.types'
import { FieldFindings } from './FieldFindings'
import { IndicatorTreeTable } from './IndicatorTreeTable'
import { PeerHint } from './PeerHint'
import { type Finding, rowFieldFindings } from './goalFindings'
import type { GoalIndicatorView, PeerTargets } from './goals.types'
import { groupByFramework } from './indicatorGroups'
import { useTermWords } from '../../shared/useTermWords'

type Row = { key: string; group: string; count: number; children?: Row[] } | { key: string; n: number; row: GoalIndicatorView }

interface GoalIndicatorTableProps {
  nodes: readonly FrameworkNode[]
  indicators: GoalIndicatorView[]
  findings: readonly Finding[]
  peers: Map<string, PeerTargets> | undefined
}

/** A goal's indicators as the framework's tree, read-only, with each row's findings and its peers' targets. */
export function GoalIndicatorTable({ nodes, indicators, findings, peers }: GoalIndicatorTableProps) {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const words = useTermWords()
  // Only the placements in use: a reader wants the goal, not the empty framework.
  const data: Row[] = groupByFramework(nodes, indicators)
    .map((g) => ({
      key: `l1:${g.level1}`,
      group: g.level1,
      count: g.children.reduce((sum, c) => sum + c.rows.length, 0),
      children: g.children
        .filter((c) => c.rows.length > 0)
        .map((c) => ({ key: `l2:${g.level1}/${c.level2}`, group: c.level2, count: c.rows.length, children: c.rows.map(({ row, index }) => ({ key: row.id, n: index + 1, row })) })),
    }))
    .filter((g) => g.count > 0)

  const onRow = (item: Row) => ({ colSpan: 'row' in item ? 1 : 0 })
  const field = (key: string) => t(`goals.indicator.${key}`)
  const rowFindings = (item: Row, key: string) => ('row' in item ? rowFieldFindings(findings, item.n - 1, key) : [])
  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: field('name'),
      width: 260,
      onCell: (item) => ({ colSpan: 'row' in item ? 1 : 7 }),
      render: (_, item) =>
        'row' in item ? (
          <>
            {item.row.indicatorCode && <Tag color="blue">{item.row.indicatorCode}</Tag>}
            {item.row.name}
            <FieldFindings findings={rowFindings(item, 'name')} />
          </>
        ) : (
          <span>
            <Typography.Text strong>{words.level(item.group)}</Typography.Text> <Tag>{t('goals.indicator.count', { count: item.count })}</Tag>
          </span>
        ),
    },
    { key: 'nature', title: field('nature'), width: 80, onCell: onRow, render: (_, item) => ('row' in item ? vocabulary.nature(item.row.nature) : null) },
    {
      key: 'target',
      title: field('target'),
      width: 200,
      onCell: onRow,
      render: (_, item) => {
        if (!('row' in item)) return null
        const peer = item.row.indicatorCode ? peers?.get(item.row.indicatorCode) : undefined
        return (
          <>
            {item.row.target} {item.row.unit}
            {peer && <PeerHint row={item.row} peer={peer} />}
            <FieldFindings findings={[...rowFindings(item, 'target'), ...rowFindings(item, 'unit'), ...rowFindings(item, 'nature')]} />
          </>
        )
      },
    },
    { key: 'mediumTermTarget', title: field('mediumTermTarget'), width: 110, onCell: onRow, render: (_, item) => ('row' in item ? (item.row.mediumTermTarget ?? '—') : null) },
    {
      key: 'weight',
      title: field('weight'),
      width: 70,
      onCell: onRow,
      render: (_, item) => ('row' in item ? <>{item.row.weight ?? '—'}<FieldFindings findings={rowFindings(item, 'weight')} /></> : null),
    },
    { key: 'valueBasis', title: field('valueBasis'), width: 100, onCell: onRow, render: (_, item) => ('row' in item ? vocabulary.valueBasis(item.row.valueBasis) : null) },
    { key: 'scoringRule', title: field('scoringRule'), onCell: onRow, render: (_, item) => ('row' in item ? item.row.scoringRule || '—' : null) },
  ]
  return <IndicatorTreeTable columns={columns} data={data} width={1000} isLevel1={(item) => item.key.startsWith('l1:')} emptyText={t('goals.indicator.none')} />
}
