import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../domain/roles'
import { allPages, findPage, isMenuGroup, menuKeyFor, visibleRoutes } from './routes'

const menuPaths = (roles: string[]) =>
  allPages(visibleRoutes({ permissions: permissionsOf(roles) })).map((page) => page.path)

describe('the route table', () => {
  it('finds pages by exact path first, then by pattern', () => {
    expect(findPage('/projects/new')?.labelKey).toBe('nav.projectCreate')
    expect(findPage('/projects/import')?.labelKey).toBe('nav.projectImport')
    expect(findPage('/projects/0b6f…')?.labelKey).toBe('nav.projectDetail')
    expect(findPage('/projects/abc/edit')?.labelKey).toBe('nav.projectEdit')
    expect(findPage('/nowhere')).toBeUndefined()
  })

  it('keeps detail and form pages out of the menu but highlights their list', () => {
    expect(menuPaths(['unit_user'])).toEqual(expect.arrayContaining(['/', '/projects', '/projects/import', '/org', '/account/password']))
    expect(menuPaths(['unit_user'])).not.toContain('/projects/new')
    expect(menuPaths(['viewer'])).not.toContain('/projects/import')
    expect(menuKeyFor('/projects/abc')).toBe('/projects')
    expect(menuKeyFor('/projects/abc/edit')).toBe('/projects')
    expect(menuKeyFor('/projects/import')).toBe('/projects/import')
    expect(menuKeyFor('/users')).toBe('/users')
  })

  it('shows the indicator pages by permission: proposals to those who may propose, nothing to those without indicator.read', () => {
    expect(menuPaths(['unit_user'])).toEqual(expect.arrayContaining(['/indicators', '/indicators/proposals', '/indicators/recommend']))
    expect(menuPaths(['expert'])).toContain('/indicators')
    expect(menuPaths(['expert'])).not.toContain('/indicators/proposals')
    expect(menuPaths(['sys_admin']).filter((path) => path.startsWith('/indicators'))).toEqual([])
    expect(menuKeyFor('/indicators/proposals')).toBe('/indicators/proposals')
  })

  it('keeps a page for some kinds of org out of the others’ menus: a unit has no list of departments', () => {
    const paths = (kind: 'unit' | 'department' | 'jurisdiction', roles: string[]) => allPages(visibleRoutes({ permissions: permissionsOf(roles), org: { kind } })).map((page) => page.path)
    expect(paths('unit', ['unit_user'])).not.toContain('/results/departments')
    expect(paths('department', ['dept_user'])).toContain('/results/departments')
    expect(paths('jurisdiction', ['finance_admin'])).toContain('/results/departments')
  })

  it('drops a menu group when none of its pages is visible', () => {
    const groups = visibleRoutes({ permissions: permissionsOf(['audit_admin']) }).filter(isMenuGroup)
    expect(groups.map((g) => g.key)).not.toContain('projects')
  })

  it('offers each role only the pages that fit it (issue 10 §24)', () => {
    // The read-only reader has goals to read, none waiting on it.
    expect(menuPaths(['viewer'])).toContain('/goals')
    expect(menuPaths(['viewer'])).not.toContain('/goals/todo')
    for (const role of ['unit_user', 'dept_user', 'finance_reviewer', 'finance_admin']) expect(menuPaths([role])).toContain('/goals/todo')
    // Units and departments apply the bureau's rule set in their goals but do not configure or try it.
    for (const role of ['unit_user', 'dept_user', 'agency_user', 'expert', 'viewer']) {
      expect(menuPaths([role])).not.toContain('/rule-sets')
      expect(menuPaths([role])).not.toContain('/rule-sets/trial')
    }
    for (const role of ['finance_admin', 'finance_reviewer']) expect(menuPaths([role])).toEqual(expect.arrayContaining(['/rule-sets', '/rule-sets/trial']))
    // Recommendation is for one of the user's projects: agencies and experts have none.
    for (const role of ['agency_user', 'expert']) expect(menuPaths([role])).not.toContain('/indicators/recommend')
    // Agencies work only on what the bureau assigns them: its monitoring rounds, forms and the dashboard of those.
    expect(menuPaths(['agency_user'])).toEqual(['/', '/exante', '/indicators', '/frameworks', '/monitoring/dashboard', '/monitoring/rounds', '/monitoring/forms', '/agencies/engagements', '/account/password'])
    // Agencies also see the monitoring rounds in which finance assigned them key projects (issue 11).
    expect(menuPaths(['expert'])).toEqual(['/', '/exante', '/indicators', '/frameworks', '/goals/expert', '/experts/draws', '/account/password'])
  })
})
