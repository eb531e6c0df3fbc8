import { Input, InputNumber, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../domain/money'
import { parseAmount } from '../projects/amounts'
import type { RuleLeaf } from './ruleFields'
import { useFrameworks } from './rules.queries'

interface RuleLeafInputProps {
  leaf: RuleLeaf
  /** Accessible name: the row's label and the leaf's. */
  label: string
  id?: string
  value?: unknown
  onChange?: (value: unknown) => void
}

const months = Array.from({ length: 12 }, (_, i) => i + 1)

/** The input for one rule leaf, by its kind; Form.Item supplies value and onChange. */
export function RuleLeafInput({ leaf, label, id, value, onChange }: RuleLeafInputProps) {
  const { t } = useTranslation()
  const common = { id, 'aria-label': label }
  switch (leaf.kind) {
    case 'number':
    case 'percent':
      return (
        <InputNumber
          {...common}
          value={value as number | null}
          onChange={(v) => onChange?.(v)}
          min={leaf.min}
          max={leaf.max}
          step={leaf.step}
          prefix={leaf.labelKey ? t(leaf.labelKey) : undefined}
          suffix={leaf.unitKey ? t(leaf.unitKey) : undefined}
          style={{ width: leaf.labelKey ? 170 : 140 }}
        />
      )
    case 'money':
      return (
        <Input
          {...common}
          value={value as string}
          onChange={(e) => onChange?.(e.target.value)}
          onBlur={() => {
            const amount = parseAmount(value as string)
            if (amount !== null) onChange?.(formatMoney(amount))
          }}
          inputMode="decimal"
          suffix={t('rules.units.yuan')}
          style={{ width: 220, textAlign: 'right' }}
        />
      )
    case 'boolean':
      return <Switch {...common} checked={value === true} onChange={(checked) => onChange?.(checked)} checkedChildren={t('rules.yes')} unCheckedChildren={t('rules.no')} />
    case 'months':
      return (
        <Select
          {...common}
          mode="multiple"
          value={value as number[]}
          onChange={(v) => onChange?.(v)}
          options={months.map((month) => ({ value: month, label: t('rules.month', { month }) }))}
          style={{ width: 280 }}
        />
      )
    case 'tags':
      return (
        <Select
          {...common}
          mode="tags"
          value={value as string[]}
          onChange={(v) => onChange?.(v)}
          options={(leaf.suggestions ?? []).map((name) => ({ value: name, label: name }))}
          prefix={leaf.labelKey ? t(leaf.labelKey) : undefined}
          style={{ width: leaf.labelKey ? 480 : 320 }}
        />
      )
    case 'select':
      return (
        <Select
          {...common}
          value={value as string}
          onChange={(v) => onChange?.(v)}
          options={leaf.options?.map((o) => ({ value: o.value, label: t(o.labelKey) }))}
          prefix={leaf.labelKey ? t(leaf.labelKey) : undefined}
          popupMatchSelectWidth={false}
          style={{ width: leaf.labelKey ? 300 : 340 }}
        />
      )
    case 'framework':
      return <FrameworkSelect {...common} value={value as string} onChange={onChange} />
    case 'text':
      return <Input {...common} value={value as string} onChange={(e) => onChange?.(e.target.value)} style={{ width: 420 }} />
  }
}

function FrameworkSelect({ value, onChange, ...rest }: { id?: string; 'aria-label': string; value?: string; onChange?: (value: unknown) => void }) {
  const frameworks = useFrameworks()
  const options = (frameworks.data ?? [])
    .filter((f) => f.status === 'active' || f.code === value)
    .map((f) => ({ value: f.code, label: `${f.name}（${f.code}）` }))
  return <Select {...rest} value={value} onChange={(v) => onChange?.(v)} options={options} loading={frameworks.isPending} style={{ width: 420 }} popupMatchSelectWidth={false} />
}
