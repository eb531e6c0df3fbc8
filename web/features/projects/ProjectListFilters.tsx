import { Button, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { SearchInput } from '../../shared/SearchInput'
import type { TableState } from '../../shared/useTableState'
import { AmountRangeFilter } from './AmountRangeFilter'
import { ProjectOrgFilter } from './ProjectOrgFilter'
import type { AmountUnit } from './amounts'
import { useProjectVocabulary } from './projectVocabulary'
import type { ProjectFilters } from './projects.types'

/** The project list's filters; every change goes back to page 1. */
export function ProjectListFilters({ table, unit }: { table: TableState<ProjectFilters>; unit: AmountUnit }) {
  const { t } = useTranslation()
  const vocabulary = useProjectVocabulary()
  const { filters, setFilters } = table

  return (
    <>
      <SearchInput label={t('projects.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={240} />
      <Select
        {...filterSelectProps(t('projects.fields.fiscalYear'), 120)}
        options={fiscalYearOptions()}
        value={filters.fiscalYear}
        onChange={(fiscalYear?: number) => setFilters({ fiscalYear })}
      />
      <ProjectOrgFilter value={filters} onChange={setFilters} />
      <Select
        {...filterSelectProps(t('projects.fields.budgetKind'), 160)}
        options={vocabulary.budgetKindOptions}
        value={filters.budgetKind}
        onChange={(budgetKind?: ProjectFilters['budgetKind']) => setFilters({ budgetKind })}
      />
      <Select
        {...filterSelectProps(t('projects.fields.objectKind'), 150)}
        options={vocabulary.objectKindOptions}
        value={filters.objectKind}
        onChange={(objectKind?: ProjectFilters['objectKind']) => setFilters({ objectKind })}
      />
      <Select
        {...filterSelectProps(t('projects.fields.status'), 130)}
        options={vocabulary.statusOptions}
        value={filters.status}
        onChange={(status?: ProjectFilters['status']) => setFilters({ status })}
      />
      <AmountRangeFilter unit={unit} min={filters.minAmount} max={filters.maxAmount} onChange={setFilters} />
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
