import { describe, expect, test } from 'vitest'
import { roles } from '../../../domain/roles.ts'
import { mayManageAccountWith, reservedAdminRoles } from './users.policy.ts'

// 三员分立, written out by hand: which accounts (by the role they hold) each administrator may see and manage on
// the web. Accounts of another administrator role belong to the command line on the server.
const Y = true
const N = false
const table = {
  //            finance_admin finance_reviewer dept_user unit_user agency_user expert viewer sys_admin sec_admin audit_admin integration
  sys_admin:   [Y,            Y,               Y,        Y,        Y,          Y,     Y,     Y,        N,        N,          Y],
  sec_admin:   [Y,            Y,               Y,        Y,        Y,          Y,     Y,     N,        Y,        N,          Y],
  audit_admin: [Y,            Y,               Y,        Y,        Y,          Y,     Y,     N,        N,        Y,          Y],
  unit_user:   [Y,            Y,               Y,        Y,        Y,          Y,     Y,     N,        N,        N,          Y],
} as const

describe('who may manage an account holding which role', () => {
  test('the columns are the roles, in order', () => {
    expect(roles).toEqual(['finance_admin', 'finance_reviewer', 'dept_user', 'unit_user', 'agency_user', 'expert', 'viewer', 'sys_admin', 'sec_admin', 'audit_admin', 'integration'])
  })

  test.each(Object.entries(table))('%s', (actor, row) => {
    expect(Object.fromEntries(roles.map((role) => [role, mayManageAccountWith([actor], [role])]))).toEqual(Object.fromEntries(roles.map((role, i) => [role, row[i]])))
  })

  test('an account with several roles is off limits when any of them is', () => {
    expect(mayManageAccountWith(['sys_admin'], ['viewer', 'sec_admin'])).toBe(false)
    expect(mayManageAccountWith(['sys_admin'], ['viewer', 'finance_admin'])).toBe(true)
  })

  test('the reserved roles of each administrator', () => {
    expect(reservedAdminRoles(['sys_admin'])).toEqual(['sec_admin', 'audit_admin'])
    expect(reservedAdminRoles(['sec_admin'])).toEqual(['sys_admin', 'audit_admin'])
    expect(reservedAdminRoles(['audit_admin'])).toEqual(['sys_admin', 'sec_admin'])
    expect(reservedAdminRoles(['finance_admin'])).toEqual(['sys_admin', 'sec_admin', 'audit_admin'])
  })
})
