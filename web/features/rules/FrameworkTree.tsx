import { Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTermWords } from '../../shared/useTermWords'
import { splitPlacement } from './frameworkEdit'
import type { FrameworkDetail } from './rules.types'

type T = (key: string, params?: Record<string, unknown>) => string

/** "产出指标/成本指标#economic" → "产出指标 / 成本指标（经济成本）". */
export function placementLabel(placement: string, t: T): string {
  const { level1, level2, costKind } = splitPlacement(placement)
  // The national 一级/二级 names are vocabulary: shown in the current language (labels.levels), others as written.
  const level = (name: string) => t(`labels.levels.${name}`, { defaultValue: name })
  const path = level2 ? `${level(level1)} / ${level(level2)}` : level(level1)
  return costKind ? t('rules.frameworks.withCostKind', { path, kind: t(`rules.frameworks.costKinds.${costKind}`) }) : path
}

export function PlacementTags({ mapsFrom }: { mapsFrom: string[] }) {
  const { t } = useTranslation()
  if (mapsFrom.length === 0) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space size={4} wrap>
      {mapsFrom.map((placement) => (
        <Tag key={placement} color="geekblue">
          {placementLabel(placement, t)}
        </Tag>
      ))}
    </Space>
  )
}

interface TreeRow {
  key: string
  name: string
  level: 1 | 2
  mapsFrom: string[]
  children?: TreeRow[]
}

/** The 一级 → 二级 tree of a framework, with the library placements each node shows (weights are the rule set's). */
export function FrameworkTree({ framework }: { framework: FrameworkDetail }) {
  const { t } = useTranslation()
  const { level } = useTermWords()
  const rows: TreeRow[] = framework.nodes.map((node): TreeRow => ({
    key: node.id,
    name: node.name,
    level: 1,
    mapsFrom: node.mapsFrom,
    // No children key for a leaf 一级: the table would draw an expand button for an empty list.
    ...(node.children.length > 0
      ? { children: node.children.map((child): TreeRow => ({ key: child.id, name: child.name, level: 2, mapsFrom: child.mapsFrom })) }
      : {}),
  }))
  return (
    <Table<TreeRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      expandable={{ defaultExpandAllRows: true }}
      aria-label={t('rules.frameworks.treeLabel')}
      columns={[
        {
          key: 'name',
          title: t('rules.frameworks.columns.name'),
          render: (_, row) => {
            const name = level(row.name)
            return row.level === 1 ? <Typography.Text strong>{name}</Typography.Text> : name
          },
        },
        {
          key: 'level',
          title: t('rules.frameworks.columns.level'),
          width: 90,
          render: (_, row) => <Tag color={row.level === 1 ? 'purple' : 'default'}>{t(row.level === 1 ? 'rules.frameworks.level1' : 'rules.frameworks.level2')}</Tag>,
        },
        { key: 'mapsFrom', title: t('rules.frameworks.columns.mapsFrom'), render: (_, row) => <PlacementTags mapsFrom={row.mapsFrom} /> },
      ]}
    />
  )
}
