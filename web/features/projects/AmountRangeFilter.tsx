import { Input, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Money } from '../../../domain/money'
import { type AmountUnit, amountInUnit, amountInYuan } from './amounts'

interface AmountRangeFilterProps {
  unit: AmountUnit
  /** Bounds in 元, as the API takes them. */
  min: Money | undefined
  max: Money | undefined
  onChange: (range: { minAmount: Money | undefined; maxAmount: Money | undefined }) => void
}

/** 年度合计 from–to, typed in the unit the list shows; applied on Enter or when the box loses focus. */
export function AmountRangeFilter({ unit, min, max, onChange }: AmountRangeFilterProps) {
  const { t } = useTranslation()
  const shown = (bound: Money | undefined) => (bound === undefined ? '' : amountInUnit(bound, unit))
  const [draft, setDraft] = useState({ min: shown(min), max: shown(max) })
  // Redraw when the bounds are reset from outside or the unit changes (shown depends on exactly these).
  useEffect(() => setDraft({ min: shown(min), max: shown(max) }), [min, max, unit])

  const invalid = (text: string) => text.trim() !== '' && amountInYuan(text, unit) === null
  const toYuan = (text: string) => (text.trim() ? (amountInYuan(text, unit) ?? undefined) : undefined)
  function apply(bounds = draft) {
    if (invalid(bounds.min) || invalid(bounds.max)) return
    const next = { minAmount: toYuan(bounds.min), maxAmount: toYuan(bounds.max) }
    if (next.minAmount !== min || next.maxAmount !== max) onChange(next)
  }

  const unitLabel = unit === 'wan' ? t('projects.unit.wan') : t('projects.unit.yuan')
  const box = (which: 'min' | 'max', label: string) => (
    <Input
      aria-label={t('projects.withUnit', { label, unit: unitLabel })}
      placeholder={label}
      suffix={unitLabel}
      inputMode="decimal"
      allowClear
      status={invalid(draft[which]) ? 'error' : undefined}
      title={invalid(draft[which]) ? t('projects.validation.money') : undefined}
      style={{ width: 150 }}
      value={draft[which]}
      onChange={(e) => {
        const next = { ...draft, [which]: e.target.value }
        setDraft(next)
        if (e.target.value === '') apply(next) // the clear button
      }}
      onPressEnter={() => apply()}
      onBlur={() => apply()}
    />
  )
  return (
    <Space.Compact>
      {box('min', t('projects.filters.minAmount'))}
      {box('max', t('projects.filters.maxAmount'))}
    </Space.Compact>
  )
}
