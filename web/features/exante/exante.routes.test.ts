import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../../../domain/roles'
import { allPages, findPage, isMenuGroup, menuKeyFor, visibleRoutes } from '../../routes'

const projectsGroup = (roles: string[]) => visibleRoutes({ permissions: permissionsOf(roles) }).filter(isMenuGroup).find((g) => g.key === 'projects')

describe('事前绩效评估 in the menu', () => {
  it('sits in the project library group for whoever may read assessments', () => {
    expect(projectsGroup(['finance_reviewer'])?.children.map((p) => p.path)).toContain('/exante')
    expect(projectsGroup(['unit_user'])?.children.map((p) => p.path)).toContain('/exante')
    expect(projectsGroup(['sys_admin'])).toBeUndefined()
  })

  it('is the only project page an agency or an expert sees: they read no projects', () => {
    expect(projectsGroup(['agency_user'])?.children.map((p) => p.path)).toEqual(['/exante'])
    expect(projectsGroup(['expert'])?.children.map((p) => p.path)).toEqual(['/exante'])
  })

  it('opens an assessment by id and keeps the list highlighted', () => {
    expect(findPage('/exante/0b6f')?.labelKey).toBe('nav.exanteDetail')
    expect(menuKeyFor('/exante/0b6f')).toBe('/exante')
    expect(allPages().filter((p) => p.path.startsWith('/exante'))).toHaveLength(2)
  })
})
