import { describe, expect, test } from 'vitest'
import { indicatorFitsProject, projectKindsOf } from './indicator-fit.ts'

// Library rows as the seed has them (JY001, CX007) and a general one.
const newSchoolFloorArea = { sectors: ['education'], projectKinds: ['construction'] }
const newPocketParks = { sectors: ['urban'], projectKinds: ['construction'] }
const beneficiarySatisfaction = { sectors: [], projectKinds: [] }

describe('projectKindsOf', () => {
  test('the name decides when it names a kind', () => {
    expect(projectKindsOf('2026年某中学校舍新建工程项目', '通过政府采购实施')).toEqual(['construction'])
  })
  test('the description only when the name names none', () => {
    expect(projectKindsOf('2026年某中学课后服务项目', '组织开展教师培训')).toEqual(['training'])
    expect(projectKindsOf('2026年某中学课后服务项目', '')).toEqual([])
  })
})

describe('indicatorFitsProject', () => {
  test('a 课后服务 project of a school cannot promise new school buildings', () => {
    expect(indicatorFitsProject(newSchoolFloorArea, { kinds: [], sector: 'education' })).toBe(false)
    expect(indicatorFitsProject(newSchoolFloorArea, { kinds: ['construction'], sector: 'education' })).toBe(true)
  })
  test('a 质量检测 service of the construction bureau has no pocket parks to build', () => {
    expect(indicatorFitsProject(newPocketParks, { kinds: ['purchase'], sector: 'urban' })).toBe(false)
  })
  test('an indicator of another sector does not fit, even of the right kind', () => {
    expect(indicatorFitsProject(newPocketParks, { kinds: ['construction'], sector: 'education' })).toBe(false)
  })
  test('an unknown sector rules nothing out; general indicators fit anywhere', () => {
    expect(indicatorFitsProject(newSchoolFloorArea, { kinds: ['construction'], sector: null })).toBe(true)
    expect(indicatorFitsProject(beneficiarySatisfaction, { kinds: [], sector: 'health' })).toBe(true)
  })
})
