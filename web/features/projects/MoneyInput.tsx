import { Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../domain/money'
import { parseAmount } from './amounts'

interface MoneyInputProps {
  id?: string
  value?: string
  onChange?: (value: string) => void
  disabled?: boolean
  placeholder?: string
}

/**
 * An amount in 元 as text, never a JS number (cents must not drift): takes "1,234,567.89" or "1234567.89"
 * and shows it grouped once the field loses focus.
 */
export function MoneyInput({ id, value, onChange, disabled, placeholder }: MoneyInputProps) {
  const { t } = useTranslation()
  return (
    <Input
      id={id}
      value={value}
      disabled={disabled}
      placeholder={placeholder ?? '0.00'}
      inputMode="decimal"
      autoComplete="off"
      suffix={t('projects.unit.yuan')}
      style={{ textAlign: 'right' }}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={() => {
        const amount = parseAmount(value)
        if (amount !== null && formatMoney(amount) !== value) onChange?.(formatMoney(amount))
      }}
    />
  )
}
