import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../../../domain/roles'
import { findPage, isMenuGroup, menuKeyFor, visibleRoutes } from '../../routes'

const goalsMenu = (roles: string[]) =>
  visibleRoutes({ permissions: permissionsOf(roles) })
    .filter(isMenuGroup)
    .find((g) => g.key === 'goals')
    ?.children.map((p) => p.path)

describe('the 绩效目标 menu group', () => {
  it('offers 待办 and the list to readers, the import to compilers, and experts only their reviews', () => {
    expect(goalsMenu(['unit_user'])).toEqual(['/goals/todo', '/goals', '/goals/import'])
    expect(goalsMenu(['finance_reviewer'])).toEqual(['/goals/todo', '/goals'])
    expect(goalsMenu(['expert'])).toEqual(['/goals/expert'])
    expect(goalsMenu(['sys_admin'])).toBeUndefined()
  })

  it('finds the editor by its own paths before the detail page, and keeps the list highlighted on them', () => {
    expect(findPage('/goals/new')?.labelKey).toBe('nav.goalCreate')
    expect(findPage('/goals/todo')?.labelKey).toBe('nav.goalTodo')
    expect(findPage('/goals/abc/edit')?.labelKey).toBe('nav.goalEdit')
    expect(findPage('/goals/abc/adjust')?.labelKey).toBe('nav.goalAdjust')
    expect(findPage('/goals/abc')?.labelKey).toBe('nav.goalDetail')
    expect(menuKeyFor('/goals/abc/edit')).toBe('/goals')
    expect(menuKeyFor('/goals/todo')).toBe('/goals/todo')
  })
})
