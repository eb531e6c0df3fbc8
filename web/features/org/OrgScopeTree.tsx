import { ApartmentOutlined, BankOutlined, HomeOutlined, SearchOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Input, Spin, Tree } from 'antd'
import type { DataNode } from 'antd/es/tree'
import { type ReactNode, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrgKind, OrgTreeNode } from '../../api/types'
import { errorMessage } from '../../shared/serverErrors'
import { useOrgTree } from './org.queries'

const KIND_ICON: Record<OrgKind, ReactNode> = {
  jurisdiction: <BankOutlined aria-hidden style={{ color: '#1d39c4' }} />,
  department: <ApartmentOutlined aria-hidden style={{ color: '#08979c' }} />,
  unit: <HomeOutlined aria-hidden style={{ color: '#8c8c8c' }} />,
}

function matches(node: OrgTreeNode, keyword: string): boolean {
  return node.name.includes(keyword) || node.code.includes(keyword) || node.children.some((c) => matches(c, keyword))
}

function toTreeData(nodes: OrgTreeNode[], keyword: string, kindLabel: (kind: OrgKind) => string): DataNode[] {
  return nodes
    .filter((node) => !keyword || matches(node, keyword))
    .map((node) => ({
      key: node.code,
      icon: KIND_ICON[node.kind],
      title: (
        <span
          title={`${kindLabel(node.kind)} ${node.code}`}
          style={{ opacity: node.status === 'disabled' ? 0.5 : 1 }}
        >
          {node.name}
        </span>
      ),
      children: toTreeData(node.children, keyword, kindLabel),
    }))
}

export function findNode(nodes: OrgTreeNode[], code: string): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.code === code) return node
    const found = findNode(node.children, code)
    if (found) return found
  }
  return undefined
}

/** The user's scope as a tree; picking a node narrows the tables on the right. */
export function OrgScopeTree({ onSelect }: { onSelect: (node: OrgTreeNode | undefined) => void }) {
  const { t } = useTranslation()
  const tree = useOrgTree()
  const [keyword, setKeyword] = useState('')
  const [selected, setSelected] = useState<string[]>([])
  const treeData = useMemo(
    () => toTreeData(tree.data ?? [], keyword.trim(), (kind) => t(`orgKind.${kind}`)),
    [tree.data, keyword, t],
  )
  // Open the roots only; deeper levels on demand (a city has hundreds of units).
  const defaultExpanded = useMemo(() => (tree.data ?? []).map((root) => root.code), [tree.data])

  if (tree.isPending) return <Spin />
  if (tree.isError) return <Alert type="error" showIcon title={errorMessage(tree.error)} />

  return (
    <div>
      <Input.Search
        aria-label={t('org.tree.search')}
        placeholder={t('org.tree.search')}
        allowClear
        enterButton={<Button icon={<SearchOutlined aria-hidden />} aria-label={t('org.tree.search')} />}
        onChange={(e) => setKeyword(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {treeData.length === 0 ? (
        <Empty description={t('common.empty')} />
      ) : (
        <Tree
          aria-label={t('org.tree.label')}
          treeData={treeData}
          // Remount on search so every match shows expanded.
          key={keyword.trim() ? `search:${keyword.trim()}` : 'browse'}
          defaultExpandAll={!!keyword.trim()}
          defaultExpandedKeys={defaultExpanded}
          selectedKeys={selected}
          onSelect={(keys) => {
            const code = keys[0] === undefined ? undefined : String(keys[0])
            setSelected(code ? [code] : [])
            onSelect(code ? findNode(tree.data ?? [], code) : undefined)
          }}
          blockNode
          showIcon
          style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}
        />
      )}
    </div>
  )
}
