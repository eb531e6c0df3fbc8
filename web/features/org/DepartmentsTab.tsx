import { useTranslation } from 'react-i18next'
import type { Department, RecordStatus } from '../../api/types'
import type { TableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { DepartmentFormModal } from './DepartmentFormModal'
import { OrgNodesTab } from './OrgNodesTab'
import { OrgTreeSelect } from './OrgTreeSelect'

export type DepartmentFilters = { q?: string; status?: RecordStatus; jurisdictionCode?: string }

export function DepartmentsTab({ table }: { table: TableState<DepartmentFilters> }) {
  const { t } = useTranslation()
  // A department user's scope has a single jurisdiction: no filter to offer.
  const orgKind = useCurrentUser().org.kind
  return (
    <OrgNodesTab<Department, DepartmentFilters>
      resource="departments"
      table={table}
      labels={{ code: 'org.department.code', name: 'org.department.name', create: 'org.department.create', table: 'org.tabs.departments' }}
      columns={[
        {
          title: t('org.department.jurisdiction'),
          dataIndex: 'jurisdictionName',
          render: (name: string | undefined, row) => (name ? `${name} (${row.jurisdictionCode})` : row.jurisdictionCode),
        },
      ]}
      filters={
        orgKind === 'jurisdiction' && (
          <OrgTreeSelect
            kinds={['jurisdiction']}
            label={t('org.department.jurisdiction')}
            value={table.filters.jurisdictionCode}
            onChange={(jurisdictionCode) => table.setFilters({ jurisdictionCode })}
            allowClear
            width={220}
          />
        )
      }
      renderModal={(editing, onClose) => (
        <DepartmentFormModal editing={editing} defaultJurisdiction={table.filters.jurisdictionCode} onClose={onClose} />
      )}
    />
  )
}
