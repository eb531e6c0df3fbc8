import { AppstoreOutlined, BranchesOutlined, ShopOutlined } from '@ant-design/icons'
import { Alert, Button, Spin, Tree, Typography } from 'antd'
import type { DataNode } from 'antd/es/tree'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { legacyPlacement } from '../../../domain/indicators'
import { errorMessage } from '../../shared/serverErrors'
import { useTermWords } from '../../shared/useTermWords'
import { ALL_KEY, KINDS_KEY, SECTORS_KEY, type TreeNode, buildTree } from './indicatorTree'
import { useIndicatorVocabulary } from './indicatorVocabulary'
import { useIndicatorFacets } from './indicators.queries'

const GROUP_ICON: Record<string, ReactNode> = {
  [ALL_KEY]: <AppstoreOutlined aria-hidden style={{ color: '#1d39c4' }} />,
  [SECTORS_KEY]: <ShopOutlined aria-hidden style={{ color: '#08979c' }} />,
  [KINDS_KEY]: <BranchesOutlined aria-hidden style={{ color: '#722ed1' }} />,
}

function toTreeData(nodes: TreeNode[]): DataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    // Group headings only open and close; their children filter.
    selectable: node.key !== SECTORS_KEY && node.key !== KINDS_KEY,
    title: (
      <span style={{ display: 'flex', gap: 8, justifyContent: 'space-between' }}>
        <span style={{ display: 'inline-flex', gap: 6, minWidth: 0, opacity: node.count === 0 ? 0.5 : 1 }}>
          {GROUP_ICON[node.key]}
          {node.label}
        </span>
        {node.count !== undefined && (
          <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {node.count}
          </Typography.Text>
        )}
      </span>
    ),
    children: node.children ? toTreeData(node.children) : undefined,
  }))
}

/** 指标体系 (一级 → 二级), 行业 and 项目类型 with their counts; picking a node narrows the table on the right. */
export function IndicatorTree({ year, selectedKey, onSelect }: { year?: number; selectedKey: string | undefined; onSelect: (key: string) => void }) {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const { level } = useTermWords()
  const facets = useIndicatorFacets(year)
  const treeData = facets.data
    ? toTreeData(
        buildTree(facets.data, {
          all: t('indicators.tree.all'),
          sectors: t('indicators.tree.sectors'),
          projectKinds: t('indicators.tree.projectKinds'),
          sector: vocabulary.sector,
          projectKind: vocabulary.projectKind,
          level,
        }),
      )
    : []

  if (facets.isPending) return <Spin />
  if (facets.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(facets.error)}
        action={
          <Button size="small" onClick={() => facets.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    )
  return (
    <Tree
      aria-label={t('indicators.tree.label')}
      treeData={treeData}
      defaultExpandedKeys={[ALL_KEY, ...Object.keys(legacyPlacement).map((level1) => `l1:${level1}`)]}
      selectedKeys={selectedKey ? [selectedKey] : []}
      // Clicking the selected node again keeps it (antd would unselect it), so the table never loses its filter silently.
      onSelect={(_, info) => onSelect(String(info.node.key))}
      blockNode
      style={{ maxHeight: 'calc(100vh - 240px)', overflow: 'auto' }}
    />
  )
}
