import { Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RuleRow } from './ruleFields'
import { type LeafOrigin, layerSourceLabel, originOf } from './ruleForm'
import type { RuleSetView } from './rules.types'

/** The tag text of an origin: 本级覆盖, 全国默认, 继承自 深圳市 2026年 第1版. */
export function useOriginLabel() {
  const { t } = useTranslation()
  return (origin: LeafOrigin) =>
    origin.kind === 'own'
      ? t('rules.source.own')
      : origin.kind === 'national'
        ? t('rules.source.national')
        : t('rules.source.inherited', { source: layerSourceLabel(origin.source, t) })
}

const colors: Record<LeafOrigin['kind'], string> = { own: 'orange', inherited: 'blue', national: 'default' }

/** Where a row's values come from; a row whose leaves come from several places gets a tag for each, naming its leaves. */
export function SourceTags({ view, row }: { view: RuleSetView; row: RuleRow }) {
  const { t } = useTranslation()
  const labelOf = useOriginLabel()
  const groups = new Map<string, { origin: LeafOrigin; leaves: string[] }>()
  for (const leaf of row.leaves) {
    const origin = originOf(view, leaf.path)
    const label = labelOf(origin)
    const group = groups.get(label) ?? { origin, leaves: [] }
    group.leaves.push(leaf.labelKey ? t(leaf.labelKey) : '')
    groups.set(label, group)
  }
  const mixed = groups.size > 1
  return (
    <Space size={4} wrap>
      {[...groups].map(([label, { origin, leaves }]) => (
        <Tag key={label} color={colors[origin.kind]} variant={origin.kind === 'own' ? 'solid' : 'filled'}>
          {mixed ? t('rules.source.forLeaves', { leaves: leaves.join(t('rules.listSeparator')), source: label }) : label}
        </Tag>
      ))}
    </Space>
  )
}
