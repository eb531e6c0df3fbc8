import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../auth/CurrentUser'
import { findNode } from '../org/OrgScopeTree'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { useOrgTree } from '../org/org.queries'
import type { ProjectFilters } from './projects.types'

type OrgFilter = Pick<ProjectFilters, 'jurisdictionCode' | 'departmentCode' | 'unitCode'>

interface ProjectOrgFilterProps {
  value: OrgFilter
  onChange: (patch: OrgFilter) => void
}

/**
 * 部门/单位 filter: one tree of the user's scope; the picked node's kind decides which filter it sets.
 * A unit user sees one unit only, so they get no such filter.
 */
export function ProjectOrgFilter({ value, onChange }: ProjectOrgFilterProps) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const tree = useOrgTree()
  if (user.org.kind === 'unit') return null

  function pick(code: string | undefined) {
    const node = code ? findNode(tree.data ?? [], code) : undefined
    onChange({
      jurisdictionCode: node?.kind === 'jurisdiction' ? node.code : undefined,
      departmentCode: node?.kind === 'department' ? node.code : undefined,
      unitCode: node?.kind === 'unit' ? node.code : undefined,
    })
  }

  return (
    <OrgTreeSelect
      kinds={['jurisdiction', 'department', 'unit']}
      label={t('projects.filters.org')}
      value={value.unitCode ?? value.departmentCode ?? value.jurisdictionCode}
      onChange={pick}
      allowClear
      width={240}
    />
  )
}
