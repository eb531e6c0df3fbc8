import { useTranslation } from 'react-i18next'
import type { RecordStatus, Unit } from '../../api/types'
import type { TableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { OrgNodesTab } from './OrgNodesTab'
import { OrgTreeSelect } from './OrgTreeSelect'
import { UnitFormModal } from './UnitFormModal'

export type UnitFilters = { q?: string; status?: RecordStatus; departmentCode?: string; jurisdictionCode?: string }

export function UnitsTab({ table }: { table: TableState<UnitFilters> }) {
  const { t } = useTranslation()
  // Parent filters only where the scope has more than one parent to choose from.
  const orgKind = useCurrentUser().org.kind
  return (
    <OrgNodesTab<Unit, UnitFilters>
      resource="units"
      table={table}
      labels={{ code: 'org.unit.code', name: 'org.unit.name', create: 'org.unit.create', table: 'org.tabs.units' }}
      columns={[
        {
          title: t('org.unit.department'),
          dataIndex: 'departmentName',
          render: (name: string | undefined, row) => (name ? `${name} (${row.departmentCode})` : row.departmentCode),
        },
      ]}
      filters={
        <>
          {orgKind === 'jurisdiction' && (
            <OrgTreeSelect
              kinds={['jurisdiction']}
              label={t('org.department.jurisdiction')}
              value={table.filters.jurisdictionCode}
              onChange={(jurisdictionCode) => table.setFilters({ jurisdictionCode })}
              allowClear
              width={200}
            />
          )}
          {orgKind !== 'unit' && (
            <OrgTreeSelect
              kinds={['department']}
              label={t('org.unit.department')}
              value={table.filters.departmentCode}
              onChange={(departmentCode) => table.setFilters({ departmentCode })}
              allowClear
              width={220}
            />
          )}
        </>
      }
      renderModal={(editing, onClose) => <UnitFormModal editing={editing} defaultDepartment={table.filters.departmentCode} onClose={onClose} />}
    />
  )
}
