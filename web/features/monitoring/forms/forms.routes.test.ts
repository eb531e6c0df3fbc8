import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../../../../domain/roles'
import { findPage, isMenuGroup, menuKeyFor, visibleRoutes } from '../../../routes'

const monitoringGroup = (roles: string[]) => visibleRoutes({ permissions: permissionsOf(roles) }).filter(isMenuGroup).find((g) => g.key === 'monitoring')

describe('绩效监控表 in the menu', () => {
  it('sits in the 运行监控 group for whoever may read monitoring, agencies included', () => {
    for (const role of ['finance_admin', 'dept_user', 'unit_user', 'agency_user', 'viewer']) expect(monitoringGroup([role])?.children.map((p) => p.path), role).toContain('/monitoring/forms')
    expect(monitoringGroup(['sys_admin'])).toBeUndefined()
    expect(monitoringGroup(['integration'])).toBeUndefined()
  })

  it('opens a form by id and keeps the list highlighted', () => {
    expect(findPage('/monitoring/forms/0b6f')?.labelKey).toBe('monitoringForms.nav.detail')
    expect(menuKeyFor('/monitoring/forms/0b6f')).toBe('/monitoring/forms')
  })
})
