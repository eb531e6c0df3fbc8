import { describe, expect, test } from 'vitest'
import { type AgencyRecord, checkAgencyIndependence, conflictMessage, type EngagementParties } from './agency-independence.ts'

const asOf = new Date('2026-06-30T00:00:00Z')
const rules = { agencyViolationYears: 3, agencyEarlierStageConflicts: true }
const clean: AgencyRecord = { orgCode: 'AG01', relations: [], violations: [], creditStatus: 'good', earlierWork: [] }
const parties: EngagementParties = { commissionerCode: 'SZ', commissionerName: '深圳市财政局', objectKind: 'project', projectId: 'p1', departmentCode: 'D1', unitCode: 'U1', objectName: '某项目' }
const reasons = (agency: Partial<AgencyRecord>, p: Partial<EngagementParties> = {}, r = rules) => checkAgencyIndependence({ ...clean, ...agency }, { ...parties, ...p }, r, asOf).map((c) => c.reason)

describe('the independence check (rule 44)', () => {
  test('a clean agency has no conflict', () => {
    expect(reasons({})).toEqual([])
  })

  test('the agency is the commissioning party', () => {
    expect(reasons({ orgCode: 'SZ' })).toEqual(['is_commissioner'])
  })

  test('the agency is the evaluated object (its unit or its department)', () => {
    expect(reasons({ orgCode: 'U1' })).toEqual(['is_object'])
    expect(reasons({ orgCode: 'D1' })).toEqual(['is_object'])
  })

  test('a declared relation to the commissioning party or to the object', () => {
    expect(reasons({ relations: [{ orgCode: 'SZ', relation: '下属事业单位' }] })).toEqual(['related_to_commissioner'])
    expect(reasons({ relations: [{ orgCode: 'U1', relation: '股东' }] })).toEqual(['related_to_object'])
    expect(reasons({ relations: [{ orgCode: 'D1', relation: '顾问' }] })).toEqual(['related_to_object'])
    expect(reasons({ relations: [{ orgCode: 'OTHER', relation: '顾问' }] })).toEqual([])
  })

  test('an earlier stage for the same object, unless the rule set turns it off', () => {
    const exante = { earlierWork: [{ kind: 'exante' as const, projectId: 'p1', departmentCode: 'D1', unitCode: 'U1' }] }
    expect(reasons(exante)).toEqual(['earlier_stage'])
    expect(reasons({ earlierWork: [{ kind: 'monitoring', projectId: 'p1', departmentCode: 'D1', unitCode: 'U1' }] })).toEqual(['earlier_stage'])
    expect(reasons({ earlierWork: [{ kind: 'monitoring', projectId: 'p2', departmentCode: 'D1', unitCode: 'U1' }] })).toEqual([])
    expect(reasons(exante, {}, { ...rules, agencyEarlierStageConflicts: false })).toEqual([])
    // A department overall: any earlier work on the department's own projects or forms counts.
    expect(reasons({ earlierWork: [{ kind: 'monitoring', projectId: null, departmentCode: 'D1', unitCode: null }] }, { objectKind: 'department', projectId: null, unitCode: null })).toEqual(['earlier_stage'])
  })

  test('a major violation within the look-back years; a minor one or an older one does not block', () => {
    expect(reasons({ violations: [{ date: '2024-01-10', severity: 'major' }] })).toEqual(['major_violation'])
    expect(reasons({ violations: [{ date: '2024-01-10', severity: 'minor' }] })).toEqual([])
    expect(reasons({ violations: [{ date: '2023-06-30', severity: 'major' }] })).toEqual([])
    expect(reasons({ violations: [{ date: '2023-07-01', severity: 'major' }] })).toEqual(['major_violation'])
    expect(reasons({ violations: [{ date: '2022-01-10', severity: 'major' }] }, {}, { ...rules, agencyViolationYears: 5 })).toEqual(['major_violation'])
  })

  test('a blacklisted agency', () => {
    expect(reasons({ creditStatus: 'blacklisted' })).toEqual(['blacklisted'])
    expect(reasons({ creditStatus: 'warned' })).toEqual([])
  })

  test('every reason found is named, in both languages', () => {
    const conflicts = checkAgencyIndependence(
      { orgCode: 'U1', relations: [{ orgCode: 'SZ', orgName: '深圳市财政局', relation: '下属单位' }], violations: [{ date: '2025-03-01', severity: 'major' }], creditStatus: 'blacklisted', earlierWork: [{ kind: 'exante', projectId: 'p1', departmentCode: null, unitCode: null }] },
      parties,
      rules,
      asOf,
    )
    expect(conflicts.map((c) => c.reason)).toEqual(['is_object', 'related_to_commissioner', 'earlier_stage', 'major_violation', 'blacklisted'])
    expect(conflicts[1]!.zh).toContain('深圳市财政局：下属单位')
    expect(conflicts[2]!.zh).toContain('事前绩效评估')
    expect(conflicts[3]!.en).toContain('2025-03-01')
    const message = conflictMessage(conflicts)
    expect(message.zh).toContain('机构即为被评价对象')
    expect(message.en).toContain('blacklisted')
  })
})
