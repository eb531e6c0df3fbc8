import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrgKind, OrgTreeNode } from '../../api/types'
import { useOrgTree } from './org.queries'

const KIND_DEPTH: Record<OrgKind, number> = { jurisdiction: 0, department: 1, unit: 2 }

interface TreeOption {
  value: string
  title: string
  selectable: boolean
  children: TreeOption[]
}

function toOptions(nodes: OrgTreeNode[], kinds: OrgKind[], t: (key: string) => string): TreeOption[] {
  const deepest = Math.max(...kinds.map((kind) => KIND_DEPTH[kind]))
  return nodes
    .filter((node) => KIND_DEPTH[node.kind] <= deepest)
    .map((node) => ({
      value: node.code,
      title: `${node.name} (${node.code})${node.status === 'disabled' ? ` · ${t('status.disabled')}` : ''}`,
      selectable: kinds.includes(node.kind),
      children: toOptions(node.children, kinds, t),
    }))
}

interface OrgTreeSelectProps {
  /** Kinds the user may pick; the tree shows their ancestors too, greyed. */
  kinds: OrgKind[]
  label: string
  value?: string
  onChange?: (value: string | undefined) => void
  id?: string
  allowClear?: boolean
  disabled?: boolean
  width?: number | string
}

/** Picks an org node from the user's scope tree (GET /api/org/tree), searchable by name or code. */
export function OrgTreeSelect({ kinds, label, value, onChange, id, allowClear, disabled, width }: OrgTreeSelectProps) {
  const { t } = useTranslation()
  const tree = useOrgTree()
  // kinds is usually a fresh array literal: memoize on its content.
  const kindsKey = kinds.join(',')
  const treeData = useMemo(
    () => toOptions(tree.data ?? [], kindsKey.split(',') as OrgKind[], t),
    [tree.data, kindsKey, t],
  )
  return (
    <TreeSelect
      id={id}
      aria-label={label}
      placeholder={label}
      style={{ width: width ?? '100%' }}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      loading={tree.isPending}
      showSearch
      treeNodeFilterProp="title"
      // Roots open, the rest on demand or by searching: a city scope has hundreds of nodes.
      treeDefaultExpandedKeys={tree.data?.map((root) => root.code)}
      allowClear={allowClear}
      disabled={disabled}
      popupMatchSelectWidth={false}
      notFoundContent={t('common.empty')}
    />
  )
}
