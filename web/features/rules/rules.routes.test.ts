import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../../../domain/roles'
import { allPages, findPage, isMenuGroup, menuKeyFor, visibleRoutes } from '../../routes'

const rulesGroup = (roles: string[]) => visibleRoutes({ permissions: permissionsOf(roles) }).filter(isMenuGroup).find((g) => g.key === 'rules')

describe('the 绩效规则 menu group', () => {
  it('offers rule sets and the trial calculation to the bureau that sets and grades by them; frameworks to every reader', () => {
    expect(rulesGroup(['finance_reviewer'])?.children.map((p) => p.path)).toEqual(['/rule-sets', '/frameworks', '/rule-sets/trial'])
    expect(rulesGroup(['unit_user'])?.children.map((p) => p.path)).toEqual(['/frameworks'])
    expect(rulesGroup(['sys_admin'])).toBeUndefined()
  })

  it('follows the indicator library group', () => {
    const keys = visibleRoutes({ permissions: permissionsOf(['finance_admin']) }).filter(isMenuGroup).map((g) => g.key)
    const after = keys.includes('indicators') ? 'indicators' : 'projects'
    expect(keys.indexOf('rules')).toBe(keys.indexOf(after) + 1)
  })

  it('finds the trial page by its own path, not as a rule set', () => {
    expect(findPage('/rule-sets/trial')?.labelKey).toBe('nav.ruleTrial')
    expect(findPage('/rule-sets')?.labelKey).toBe('nav.ruleSets')
    expect(menuKeyFor('/rule-sets/trial')).toBe('/rule-sets/trial')
    expect(allPages().filter((p) => p.path.startsWith('/rule-sets') || p.path === '/frameworks')).toHaveLength(3)
  })
})
