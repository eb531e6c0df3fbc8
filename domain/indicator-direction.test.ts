import { describe, expect, test } from 'vitest'
import { directionOf } from './indicator-direction.ts'
import { nationalRules } from './rule-set.ts'

describe('which way an indicator is better, from its words (issue 10, point 15)', () => {
  test.each([
    ['项目总成本', undefined, 'lower'],
    ['人均培训成本', '成本指标', 'lower'],
    ['设备采购', '成本指标', 'lower'],
    ['系统故障失败率', undefined, 'lower'],
    ['补贴逾期发放率', undefined, 'lower'],
    ['群众投诉率', undefined, 'lower'],
    ['安全事故率', undefined, 'lower'],
    ['数据差错率', undefined, 'lower'],
    ['项目超支比例', undefined, 'lower'],
    ['产品不合格率', undefined, 'lower'],
    ['成本节约率', undefined, 'higher'],
    ['政府采购节支率', '成本指标', 'higher'],
    ['验收合格率', undefined, 'higher'],
    ['服务对象满意度', undefined, 'higher'],
  ] as const)('%s (%s) → %s', (name, level2, direction) => {
    expect(directionOf({ name, level2 }, nationalRules)?.direction).toBe(direction)
  })

  test('words that say nothing give no direction', () => {
    expect(directionOf({ name: '培训人次', level2: '数量指标' }, nationalRules)).toBeNull()
    expect(directionOf({ name: '投诉处理', level2: '质量指标' }, nationalRules)).toBeNull()
  })

  test('the word lists are rule-set data', () => {
    const rules = { indicatorDirection: { lowerIsBetter: ['空驶'], higherIsBetter: [] } }
    expect(directionOf({ name: '公交空驶里程' }, rules)).toEqual({ direction: 'lower', word: '空驶' })
    expect(directionOf({ name: '项目总成本' }, rules)).toBeNull()
  })
})
