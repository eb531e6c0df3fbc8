import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Select, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import type { Paged } from '../../api/types'
import { useProject } from '../projects/projects.queries'
import type { Project } from '../projects/projects.types'

const SEARCH_DELAY_MS = 300

/** The projects in the user's scope matching a keyword (the project library's own ranked search), 20 at a time. */
function useProjectSearch(q: string) {
  return useQuery({
    queryKey: ['projects', 'list', { q, pageSize: 20 }],
    queryFn: ({ signal }) => api.get<Paged<Project>>('/api/projects', { q: q || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  })
}

/** Picks one project by typing part of its name or code. */
export function ProjectPicker({ value, onChange, width = 420 }: { value: string | undefined; onChange: (id: string | undefined) => void; width?: number }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(draft.trim()), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft])
  const found = useProjectSearch(keyword)
  // A project chosen earlier (or given in the address) may not be among the matches: name it anyway.
  const chosen = useProject(value)
  const rows = found.data?.items ?? []
  const withChosen = chosen.data && !rows.some((p) => p.id === chosen.data.id) ? [chosen.data, ...rows] : rows

  return (
    <Select<string>
      aria-label={t('indicators.recommend.project')}
      placeholder={t('indicators.recommend.projectPlaceholder')}
      style={{ width, maxWidth: '100%' }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setDraft }}
      loading={found.isFetching}
      value={value}
      onChange={(id) => onChange(id ?? undefined)}
      notFoundContent={found.isFetching ? t('indicators.recommend.searching') : t('indicators.recommend.noProject')}
      popupMatchSelectWidth={false}
      optionLabelProp="label"
      options={withChosen.map((p) => ({
        value: p.id,
        label: p.name,
        title: p.name,
        // Rendered in the list; the box shows the name alone.
        display: p,
      }))}
      optionRender={(option) => {
        const p = option.data.display as Project
        return (
          <div style={{ maxWidth: 560 }}>
            <div style={{ whiteSpace: 'normal' }}>{p.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.code} · {p.fiscalYear} · {p.unitName}
            </Typography.Text>
          </div>
        )
      }}
    />
  )
}
