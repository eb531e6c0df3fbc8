import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, type TableColumnsType, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FrameworkNode } from '../rules/rules.types'
import { NameCell, RemoveCell, type RowCellContext, ScoringCell, SelectCell, TargetCell, TextCell } from './IndicatorRowCells'
import { IndicatorTreeTable } from './IndicatorTreeTable'
import { type DraftRow, blankRow } from './goalDraft'
import type { Finding } from './goalFindings'
import type { PeerTargets } from './goals.types'
import { type Placement, groupByFramework, inFrameworkOrder } from './indicatorGroups'

type TreeRow =
  | { key: string; kind: 'level1'; label: string; count: number; inFramework: boolean; children: TreeRow[] }
  | { key: string; kind: 'level2'; label: string; count: number; inFramework: boolean; placement: Placement; children?: TreeRow[] }
  | { key: string; kind: 'row'; ctx: RowCellContext }

interface IndicatorTreeEditorProps {
  nodes: readonly FrameworkNode[]
  rows: DraftRow[]
  onChange: (rows: DraftRow[]) => void
  /** Findings of one field of a row. */
  findingsOf: (row: DraftRow, field: string) => Finding[]
  peers: Map<string, PeerTargets> | undefined
}

/**
 * The goal's indicators as the framework's tree (一级 → 二级 → the unit's 三级 rows), edited in place: a row is
 * added under its 二级, changed in its cells and removed; rows stay in the tree's order, the order they are saved in.
 */
export function IndicatorTreeEditor({ nodes, rows, onChange, findingsOf, peers }: IndicatorTreeEditorProps) {
  const { t } = useTranslation()
  const save = (next: DraftRow[]) => onChange(inFrameworkOrder(nodes, next))
  const add = (placement: Placement) => save([...rows, blankRow(placement)])

  const data: TreeRow[] = groupByFramework(nodes, rows).map((g) => ({
    key: `l1:${g.level1}`,
    kind: 'level1',
    label: g.level1,
    inFramework: g.inFramework,
    count: g.children.reduce((sum, c) => sum + c.rows.length, 0),
    children: g.children.map((c) => ({
      key: `l2:${g.level1}/${c.level2}`,
      kind: 'level2',
      label: c.level2,
      inFramework: c.inFramework,
      count: c.rows.length,
      placement: { level1: g.level1, level2: c.level2 },
      ...(c.rows.length > 0 && {
        children: c.rows.map(({ row, index }): TreeRow => ({
          key: row.key,
          kind: 'row',
          ctx: {
            row,
            n: index + 1,
            findings: (field) => findingsOf(row, field),
            peer: row.indicatorCode ? peers?.get(row.indicatorCode) : undefined,
            onChange: (patch) => save(rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r))),
            onRemove: () => save(rows.filter((r) => r.key !== row.key)),
          },
        })),
      }),
    })),
  }))

  const cell = (render: (ctx: RowCellContext) => ReactNode) => (_: unknown, item: TreeRow) => (item.kind === 'row' ? render(item.ctx) : null)
  const spanGroups = (item: TreeRow) => ({ colSpan: item.kind === 'row' ? 1 : 0 })
  const field = (key: string) => t(`goals.indicator.${key}`)
  const columns: TableColumnsType<TreeRow> = [
    {
      key: 'name',
      title: field('name'),
      width: 250,
      onCell: (item) => ({ colSpan: item.kind === 'row' ? 1 : 9 }),
      render: (_, item) => (item.kind === 'row' ? <NameCell ctx={item.ctx} /> : <GroupLabel item={item} onAdd={add} />),
    },
    { key: 'nature', title: field('nature'), width: 90, onCell: spanGroups, render: cell((ctx) => <SelectCell ctx={ctx} field="nature" />) },
    { key: 'target', title: field('target'), width: 170, onCell: spanGroups, render: cell((ctx) => <TargetCell ctx={ctx} />) },
    { key: 'unit', title: field('unit'), width: 76, onCell: spanGroups, render: cell((ctx) => <TextCell ctx={ctx} field="unit" />) },
    { key: 'mediumTermTarget', title: field('mediumTermTarget'), width: 110, onCell: spanGroups, render: cell((ctx) => <TextCell ctx={ctx} field="mediumTermTarget" />) },
    { key: 'weight', title: field('weight'), width: 70, onCell: spanGroups, render: cell((ctx) => <TextCell ctx={ctx} field="weight" />) },
    { key: 'valueBasis', title: field('valueBasis'), width: 118, onCell: spanGroups, render: cell((ctx) => <SelectCell ctx={ctx} field="valueBasis" />) },
    { key: 'scoringRule', title: field('scoringRule'), onCell: spanGroups, render: cell((ctx) => <ScoringCell ctx={ctx} />) },
    { key: 'remove', title: t('common.actions'), width: 66, onCell: spanGroups, render: cell((ctx) => <RemoveCell ctx={ctx} />) },
  ]

  // Always open: the tree is the form, and an empty 二级 shows where an indicator may still be missing.
  return <IndicatorTreeTable columns={columns} data={data} width={1130} isLevel1={(item) => item.kind === 'level1'} />
}

function GroupLabel({ item, onAdd }: { item: Exclude<TreeRow, { kind: 'row' }>; onAdd: (placement: Placement) => void }) {
  const { t } = useTranslation()
  return (
    <Space size={8} wrap>
      <Typography.Text strong={item.kind === 'level1'}>{item.label}</Typography.Text>
      <Tag color={item.count ? 'blue' : 'default'}>{t('goals.indicator.count', { count: item.count })}</Tag>
      {!item.inFramework && <Tag color="orange">{t('goals.indicator.notInFramework')}</Tag>}
      {item.kind === 'level2' && (
        <Button size="small" type="link" icon={<PlusOutlined aria-hidden />} onClick={() => onAdd(item.placement)} aria-label={t('goals.indicator.addUnder', { level2: item.label })}>
          {t('goals.indicator.add')}
        </Button>
      )}
    </Space>
  )
}
