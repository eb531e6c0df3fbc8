import { Button, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { IndicatorNature, IndicatorScope, IndicatorStatus } from '../../../domain/indicators'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { SearchInput } from '../../shared/SearchInput'
import type { TableState } from '../../shared/useTableState'
import { useIndicatorVocabulary } from './indicatorVocabulary'
import type { IndicatorFilters } from './indicators.types'

/** The statuses of the 状态 filter; the server's default (empty) is the live library: proposed, active, retired. */
const statusChoices: IndicatorStatus[] = ['active', 'proposed', 'retired', 'rejected', 'superseded']

/** Keyword (ranked), 性质, 类别, 状态 and 适用年度; the tree on the left sets the placement, sector and project type. */
export function IndicatorListFilters({ table, showStatus = true }: { table: TableState<IndicatorFilters>; showStatus?: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const { filters, setFilters } = table
  const statuses = filters.status ? (filters.status.split(',') as IndicatorStatus[]) : []

  return (
    <>
      <SearchInput label={t('indicators.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={260} />
      <Select
        {...filterSelectProps(t('indicators.fields.nature'), 110)}
        options={vocabulary.natureOptions}
        value={filters.nature}
        onChange={(nature?: IndicatorNature) => setFilters({ nature })}
      />
      <Select
        {...filterSelectProps(t('indicators.fields.scope'), 120)}
        options={vocabulary.scopeOptions}
        value={filters.scope}
        onChange={(scope?: IndicatorScope) => setFilters({ scope })}
      />
      {showStatus && (
        <Select<IndicatorStatus[]>
          {...filterSelectProps(t('indicators.fields.status'), 200)}
          mode="multiple"
          maxTagCount="responsive"
          placeholder={t('indicators.filters.liveStatuses')}
          options={statusChoices.map((s) => ({ value: s, label: vocabulary.status(s) }))}
          value={statuses}
          onChange={(next) => setFilters({ status: next.length ? next.join(',') : undefined })}
        />
      )}
      <Select
        {...filterSelectProps(t('indicators.filters.year'), 120)}
        options={fiscalYearOptions()}
        value={filters.year}
        onChange={(year?: number) => setFilters({ year })}
      />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
