import { describe, expect, test } from 'vitest'
import { formatIndicatorValue, parseIndicatorValue } from './indicator-value.ts'

describe('indicator values as written in real tables', () => {
  test.each([
    ['≥95%', '>=', '95', '%'],
    ['>=95%', '>=', '95', '%'],
    ['＞＝９５％', '>=', '95', '%'],
    ['≥ 95 %', '>=', '95', '%'],
    ['≤30天', '<=', '30', '天'],
    ['<=30 天', '<=', '30', '天'],
    ['100%', '=', '100', '%'],
    ['=0起', '=', '0', '起'],
    ['＝0起', '=', '0', '起'],
    ['>= 2000 人次', '>=', '2000', '人次'],
    ['≥2,000人次', '>=', '2000', '人次'],
    ['≤90万元', '<=', '90', '万元'],
    ['>10所', '>', '10', '所'],
    ['＜5%', '<', '5', '%'],
    ['不低于98%', '>=', '98', '%'],
    ['不超过120万元', '<=', '120', '万元'],
    ['大于等于3个', '>=', '3', '个'],
    ['小于2‰', '<', '2', '‰'],
    ['12.5公里', '=', '12.5', '公里'],
    ['≥0.85', '>=', '0.85', ''],
  ])('%s', (text, nature, value, unit) => {
    const parsed = parseIndicatorValue(text)
    expect(parsed).toMatchObject({ kind: 'quantitative', nature, value, unit, original: text })
  })

  test.each(['较上年提升', '效果明显', '有所改善', '群众满意度较高', '按期完成'])('%s is a qualitative target', (text) => {
    expect(parseIndicatorValue(text)).toEqual({ kind: 'qualitative', nature: 'qualitative', text, original: text })
  })

  const normalizedOf = (text: string) => {
    const parsed = parseIndicatorValue(text)
    if (parsed.kind !== 'quantitative') throw new Error(`${text} was not read as a number`)
    return parsed.normalized
  }

  test('units are normalised with the original kept', () => {
    expect(parseIndicatorValue('≤90万元')).toMatchObject({ unit: '万元', normalized: { value: '900000', unit: '元' } })
    expect(normalizedOf('≤1.5亿元')).toEqual({ value: '150000000', unit: '元' })
    expect(normalizedOf('<2‰')).toEqual({ value: '0.2', unit: '%' })
    expect(normalizedOf('≥95%')).toEqual({ value: '95', unit: '%' })
  })

  test.each([
    ['＞＝９５％', '≥95%'],
    ['<= 30 天', '≤30天'],
    ['较上年提升', '较上年提升'],
  ])('%s is written back as %s', (text, formatted) => {
    expect(formatIndicatorValue(parseIndicatorValue(text))).toBe(formatted)
  })
})
