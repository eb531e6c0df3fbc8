import { SearchOutlined } from '@ant-design/icons'
import { Button, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

interface SearchInputProps {
  label: string
  value: string | undefined
  onSearch: (value: string) => void
  width?: number
}

/** Keyword box that filters on Enter or the search button, not on every keystroke. */
export function SearchInput({ label, value, onSearch, width = 220 }: SearchInputProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(value ?? '')
  useEffect(() => setDraft(value ?? ''), [value])
  return (
    <Input.Search
      aria-label={label}
      placeholder={label}
      allowClear
      enterButton={<Button icon={<SearchOutlined aria-hidden />} aria-label={`${t('common.search')} ${label}`} />}
      style={{ width }}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(next) => onSearch(next.trim())}
    />
  )
}
