import { Card, Col, Row, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrgKind, OrgTreeNode } from '../../api/types'
import { useCurrentUser } from '../auth/CurrentUser'
import { useTableState } from '../../shared/useTableState'
import { type DepartmentFilters, DepartmentsTab } from './DepartmentsTab'
import { type JurisdictionFilters, JurisdictionsTab } from './JurisdictionsTab'
import { OrgScopeTree } from './OrgScopeTree'
import { type UnitFilters, UnitsTab } from './UnitsTab'
import type { OrgResource } from './org.queries'

const TABS_FOR_KIND: Record<OrgKind, [OrgResource, ...OrgResource[]]> = {
  jurisdiction: ['jurisdictions', 'departments', 'units'],
  department: ['departments', 'units'],
  unit: ['units'],
}

/** 组织机构: the scope tree on the left narrows the three lists on the right. */
export function OrgPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  // A department sees no jurisdictions and a unit no departments: show only tabs that can have rows.
  const tabs = TABS_FOR_KIND[user.org.kind]
  const [tab, setTab] = useState<OrgResource>(tabs[0])
  const jurisdictions = useTableState<JurisdictionFilters>({}, { sort: 'code', order: 'asc' })
  const departments = useTableState<DepartmentFilters>({}, { sort: 'code', order: 'asc' })
  const units = useTableState<UnitFilters>({}, { sort: 'code', order: 'asc' })

  function narrowTo(node: OrgTreeNode | undefined) {
    if (!node) return
    if (node.kind === 'jurisdiction') {
      jurisdictions.setFilters({ parentCode: node.code })
      departments.setFilters({ jurisdictionCode: node.code })
      units.setFilters({ jurisdictionCode: node.code, departmentCode: undefined })
      setTab(tabs.includes('departments') ? 'departments' : tabs[0])
    } else if (node.kind === 'department') {
      units.setFilters({ departmentCode: node.code, jurisdictionCode: undefined, q: undefined })
      setTab('units')
    } else {
      units.setFilters({ q: node.code, departmentCode: undefined, jurisdictionCode: undefined })
      setTab('units')
    }
  }

  return (
    <Row gutter={16}>
      <Col xs={24} lg={7} xl={5}>
        <Card title={t('org.tree.title')} size="small" style={{ marginBottom: 16 }}>
          <OrgScopeTree onSelect={narrowTo} />
        </Card>
      </Col>
      <Col xs={24} lg={17} xl={19}>
        <Card title={t('nav.org')} size="small">
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as OrgResource)}
            items={[
              { key: 'jurisdictions', label: t('org.tabs.jurisdictions'), children: <JurisdictionsTab table={jurisdictions} /> },
              { key: 'departments', label: t('org.tabs.departments'), children: <DepartmentsTab table={departments} /> },
              { key: 'units', label: t('org.tabs.units'), children: <UnitsTab table={units} /> },
            ].filter((item) => tabs.includes(item.key as OrgResource))}
          />
        </Card>
      </Col>
    </Row>
  )
}
