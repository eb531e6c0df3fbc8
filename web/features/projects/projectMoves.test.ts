import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../../../domain/roles'
import { allowedMoves, moveVerb, opinionOf } from './projectMoves'

describe('lifecycle buttons', () => {
  it('offers each role only the moves its permissions allow', () => {
    expect(allowedMoves('reserve', permissionsOf(['unit_user']))).toEqual(['cancelled'])
    expect(allowedMoves('reserve', permissionsOf(['dept_user']))).toEqual(['library', 'cancelled'])
    expect(allowedMoves('library', permissionsOf(['dept_user']))).toEqual(['reserve', 'cancelled'])
    expect(allowedMoves('library', permissionsOf(['finance_admin']))).toEqual(['budgeted', 'reserve', 'cancelled'])
    expect(allowedMoves('executing', permissionsOf(['dept_user']))).toEqual(['closed'])
    expect(allowedMoves('closed', permissionsOf(['finance_admin']))).toEqual([])
  })

  it('names each move and asks for an opinion on 入库 and 退回', () => {
    expect(moveVerb('reserve', 'library')).toBe('admit')
    expect(moveVerb('library', 'reserve')).toBe('sendBack')
    expect(moveVerb('budgeted', 'library')).toBe('unbudget')
    expect(moveVerb('budgeted', 'cancelled')).toBe('cancel')
    expect(opinionOf('sendBack')).toBe('required')
    expect(opinionOf('admit')).toBe('optional')
    expect(opinionOf('budget')).toBe('none')
  })
})
