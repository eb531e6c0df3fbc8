import { useTranslation } from 'react-i18next'
import type { Jurisdiction, RecordStatus } from '../../api/types'
import type { TableState } from '../../shared/useTableState'
import { JurisdictionFormModal } from './JurisdictionFormModal'
import { OrgNodesTab } from './OrgNodesTab'
import { OrgTreeSelect } from './OrgTreeSelect'

export type JurisdictionFilters = { q?: string; status?: RecordStatus; parentCode?: string }

export function JurisdictionsTab({ table }: { table: TableState<JurisdictionFilters> }) {
  const { t } = useTranslation()
  return (
    <OrgNodesTab<Jurisdiction, JurisdictionFilters>
      resource="jurisdictions"
      table={table}
      codeWidth={110}
      labels={{ code: 'org.jurisdiction.code', name: 'org.jurisdiction.name', create: 'org.jurisdiction.create', table: 'org.tabs.jurisdictions' }}
      columns={[
        { title: t('org.jurisdiction.level'), dataIndex: 'level', render: (level: Jurisdiction['level']) => t(`level.${level}`) },
        { title: t('org.jurisdiction.parent'), dataIndex: 'parentCode', render: (code: string | null) => code ?? '—' },
        { title: t('org.jurisdiction.financeBureau'), dataIndex: 'financeBureauName' },
      ]}
      filters={
        <OrgTreeSelect
          kinds={['jurisdiction']}
          label={t('org.jurisdiction.parent')}
          value={table.filters.parentCode}
          onChange={(parentCode) => table.setFilters({ parentCode })}
          allowClear
          width={220}
        />
      }
      renderModal={(editing, onClose) => <JurisdictionFormModal editing={editing} onClose={onClose} />}
    />
  )
}
