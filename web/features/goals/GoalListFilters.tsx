import { Button, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { filterSelectProps, fiscalYearOptions } from '../../shared/listFilters'
import { SearchInput } from '../../shared/SearchInput'
import type { TableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { findNode } from '../org/OrgScopeTree'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { useOrgTree } from '../org/org.queries'
import type { GoalFilters } from './goals.types'
import { useGoalVocabulary } from './goalVocabulary'

/** The goal list's filters; every change goes back to page 1. A unit user has no org filter (one unit). */
export function GoalListFilters({ table }: { table: TableState<GoalFilters> }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const tree = useOrgTree()
  const vocabulary = useGoalVocabulary()
  const { filters, setFilters } = table

  const pickOrg = (code: string | undefined) => {
    const node = code ? findNode(tree.data ?? [], code) : undefined
    setFilters({ departmentCode: node?.kind === 'department' ? node.code : undefined, unitCode: node?.kind === 'unit' ? node.code : undefined })
  }
  return (
    <>
      <SearchInput label={t('goals.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={240} />
      <Select
        {...filterSelectProps(t('goals.fields.fiscalYear'), 120)}
        options={fiscalYearOptions()}
        value={filters.fiscalYear}
        onChange={(fiscalYear?: number) => setFilters({ fiscalYear })}
      />
      <Select
        {...filterSelectProps(t('goals.fields.status'), 150)}
        options={vocabulary.statusOptions}
        value={filters.status}
        onChange={(status?: GoalFilters['status']) => setFilters({ status })}
      />
      <Select
        {...filterSelectProps(t('goals.fields.kind'), 170)}
        options={vocabulary.kindOptions}
        value={filters.kind}
        onChange={(kind?: GoalFilters['kind']) => setFilters({ kind })}
      />
      {user.org.kind !== 'unit' && (
        <OrgTreeSelect kinds={['department', 'unit']} label={t('goals.filters.org')} value={filters.unitCode ?? filters.departmentCode} onChange={pickOrg} allowClear width={240} />
      )}
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
