import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatInUnit, formatIndicatorValue, parseIndicatorValue, type IndicatorValue } from './indicator-value.ts'

describe('indicator values as written in real tables', () => {
  test.each([
    // signs, half- and full-width, with and without spaces
    ['≥95%', '>=', '95', '%'],
    ['>=95%', '>=', '95', '%'],
    ['＞＝９５％', '>=', '95', '%'],
    ['≧95%', '>=', '95', '%'],
    ['=>95%', '>=', '95', '%'],
    ['≥ 95 %', '>=', '95', '%'],
    ['> = 95 %', '>=', '95', '%'],
    ['  ≥95%  ', '>=', '95', '%'],
    ['≥95.0%', '>=', '95', '%'],
    ['≤30天', '<=', '30', '天'],
    ['<=30 天', '<=', '30', '天'],
    ['≦30天', '<=', '30', '天'],
    ['＜＝３０天', '<=', '30', '天'],
    ['=<15个工作日', '<=', '15', '个工作日'],
    ['>10所', '>', '10', '所'],
    ['＞10所', '>', '10', '所'],
    ['＜5%', '<', '5', '%'],
    ['< 5 ％', '<', '5', '%'],
    // bare numbers are "=" (see the module's doc)
    ['100%', '=', '100', '%'],
    ['12.5公里', '=', '12.5', '公里'],
    ['=0起', '=', '0', '起'],
    ['＝0起', '=', '0', '起'],
    ['0起', '=', '0', '起'],
    ['0', '=', '0', ''],
    ['==1套', '=', '1', '套'],
    ['1台(套)', '=', '1', '台(套)'],
    ['2台（套）', '=', '2', '台(套)'],
    // numbers: thousands separators, leading dot, signs
    ['>= 2000 人次', '>=', '2000', '人次'],
    ['≥2,000人次', '>=', '2000', '人次'],
    ['≥2，000人次', '>=', '2000', '人次'],
    ['≥1,234,567.89元', '>=', '1234567.89', '元'],
    ['≤.5小时', '<=', '0.5', '小时'],
    ['≥-5%', '>=', '-5', '%'],
    ['≥0.85', '>=', '0.85', ''],
    // units
    ['≤90万元', '<=', '90', '万元'],
    ['≤1.5亿元', '<=', '1.5', '亿元'],
    ['≤800千元', '<=', '800', '千元'],
    ['≤30分钟', '<=', '30', '分钟'],
    ['≤2小时', '<=', '2', '小时'],
    ['≥3万人次', '>=', '3', '万人次'],
    ['≥5000平方米', '>=', '5000', '平方米'],
    ['≥12千米', '>=', '12', '千米'],
    ['≥1200户', '>=', '1200', '户'],
    ['≥3个百分点', '>=', '3', '个百分点'],
    // Chinese comparison words
    ['不低于98%', '>=', '98', '%'],
    ['不少于 20 场', '>=', '20', '场'],
    ['大于等于3个', '>=', '3', '个'],
    ['大于或等于3个', '>=', '3', '个'],
    ['至少2次', '>=', '2', '次'],
    ['达到90%', '>=', '90', '%'],
    ['不超过120万元', '<=', '120', '万元'],
    ['不超过30天', '<=', '30', '天'],
    ['不高于 5 %', '<=', '5', '%'],
    ['小于等于10个工作日', '<=', '10', '个工作日'],
    ['控制在 3‰', '<=', '3', '‰'],
    ['大于50个', '>', '50', '个'],
    ['超过500人', '>', '500', '人'],
    ['高于 80 分', '>', '80', '分'],
    ['小于2‰', '<', '2', '‰'],
    ['低于5%', '<', '5', '%'],
    ['少于3起', '<', '3', '起'],
    ['等于100%', '=', '100', '%'],
    // words after the number
    ['95%以上', '>=', '95', '%'],
    ['90分及以上', '>=', '90', '分'],
    ['5%以下', '<=', '5', '%'],
    ['15个工作日以内', '<=', '15', '个工作日'],
    ['30天内', '<=', '30', '天'],
    ['100人左右', '=', '100', '人'],
    ['≥95%以上', '>=', '95', '%'],
    // 百分之…
    ['百分之九十五', '=', '95', '%'],
    ['不低于百分之九十', '>=', '90', '%'],
    ['百分之百', '=', '100', '%'],
    ['百分之九十九点五以上', '>=', '99.5', '%'],
  ])('%s', (text, nature, value, unit) => {
    expect(parseIndicatorValue(text)).toMatchObject({ kind: 'quantitative', nature, value, unit, original: text })
  })

  test.each([
    '较上年提升',
    '效果明显',
    '有所改善',
    '群众满意度较高',
    '按期完成',
    '按时完成',
    '达到国家标准',
    '不低于上年',
    '高中低',
    '优良中低差',
    '较上年增长10%',
    '2026年6月前',
    '100%完成',
    '10所学校完成改造并投入使用',
    '百分之多少',
    '',
  ])('"%s" is a qualitative target', (text) => {
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
    expect(normalizedOf('≤800千元')).toEqual({ value: '800000', unit: '元' })
    expect(normalizedOf('<2‰')).toEqual({ value: '0.2', unit: '%' })
    expect(normalizedOf('≥3万人次')).toEqual({ value: '30000', unit: '人次' })
    expect(normalizedOf('≥1.2万平方米')).toEqual({ value: '12000', unit: '平方米' })
    expect(normalizedOf('12.5公里')).toEqual({ value: '12.5', unit: '千米' })
    expect(normalizedOf('≥95%')).toEqual({ value: '95', unit: '%' })
    expect(normalizedOf('≥0.0000001元')).toEqual({ value: '0.0000001', unit: '元' })
  })
})

describe('ranges: both bounds kept, the compared one chosen by the nature', () => {
  test.each([
    ['95%-100%', '95', '100', '%'],
    ['95-100%', '95', '100', '%'],
    ['90～95分', '90', '95', '分'],
    ['90~95分', '90', '95', '分'],
    ['90至95分', '90', '95', '分'],
    ['1—2个', '1', '2', '个'],
    ['100-95%', '95', '100', '%'],
  ])('%s → ≥%s with the range %s–%s', (text, low, high, unit) => {
    expect(parseIndicatorValue(text)).toMatchObject({ kind: 'quantitative', nature: '>=', value: low, unit, range: { low, high } })
  })

  test('a reverse nature, written or from the column, compares against the upper bound', () => {
    expect(parseIndicatorValue('≤3-5天')).toMatchObject({ nature: '<=', value: '5', range: { low: '3', high: '5' } })
    expect(parseIndicatorValue('3-5天', { nature: '<' })).toMatchObject({ nature: '<', value: '5' })
  })

  test('bounds in different units are not a range', () => {
    expect(parseIndicatorValue('1万元-5000元').kind).toBe('qualitative')
  })
})

describe('deadlines', () => {
  test.each([
    ['2026年12月31日前', '2026-12-31', ''],
    ['2026年12月31日前完成', '2026-12-31', '完成'],
    ['2026 年 6 月 30 日之前竣工', '2026-06-30', '竣工'],
    ['2026年6月底前', '2026-06-30', ''],
    ['2028年2月底前完成验收', '2028-02-29', '完成验收'],
    ['2026年底前', '2026-12-31', ''],
    ['2026年年底前建成', '2026-12-31', '建成'],
    ['2026-09-30前', '2026-09-30', ''],
    ['２０２６．９．３０', '2026-09-30', ''],
  ])('%s → %s', (text, date, note) => {
    expect(parseIndicatorValue(text)).toEqual({ kind: 'deadline', nature: 'qualitative', date, note, text: text.trim(), original: text })
  })

  test('impossible dates stay text', () => {
    expect(parseIndicatorValue('2026年2月30日前').kind).toBe('qualitative')
    expect(parseIndicatorValue('2026年13月1日前').kind).toBe('qualitative')
  })

  test('are written back canonically', () => {
    expect(formatIndicatorValue(parseIndicatorValue('2026年底前建成'))).toBe('2026年12月31日前建成')
    expect(formatIndicatorValue(parseIndicatorValue('2026.6.30'))).toBe('2026年6月30日前')
  })
})

describe('a 指标性质 / 计量单位 column beside the value (Excel 申报表)', () => {
  test('the nature column fills in a sign the text leaves out', () => {
    expect(parseIndicatorValue('95', { nature: '>=', unit: '%' })).toMatchObject({ nature: '>=', value: '95', unit: '%' })
    expect(parseIndicatorValue('100%', { nature: '>=' })).toMatchObject({ nature: '>=', value: '100' })
  })

  test('the nature column wins over the sign in the text', () => {
    expect(parseIndicatorValue('≤30天', { nature: '<' })).toMatchObject({ nature: '<', value: '30', unit: '天' })
    expect(parseIndicatorValue('95%以上', { nature: '=' })).toMatchObject({ nature: '=', value: '95' })
  })

  test('定性 in the column makes the value text even when it holds a number', () => {
    expect(parseIndicatorValue('100%', { nature: 'qualitative' })).toEqual({ kind: 'qualitative', nature: 'qualitative', text: '100%', original: '100%' })
  })

  test('a sign in the column cannot make a number out of words, nor a deadline out of a date', () => {
    expect(parseIndicatorValue('较上年提升', { nature: '>=', unit: '%' }).kind).toBe('qualitative')
    expect(parseIndicatorValue('2026年12月31日前', { nature: '<=' }).kind).toBe('deadline')
  })

  test('the unit column fills in a missing unit; a unit written beside the number wins', () => {
    expect(parseIndicatorValue('≥2000', { unit: ' 人次 ' })).toMatchObject({ value: '2000', unit: '人次' })
    expect(parseIndicatorValue('90', { unit: '万元' })).toMatchObject({ unit: '万元', normalized: { value: '900000', unit: '元' } })
    expect(parseIndicatorValue('≥95', { unit: '％' })).toMatchObject({ unit: '%' })
    expect(parseIndicatorValue('≤90万元', { unit: '元' })).toMatchObject({ value: '90', unit: '万元' })
  })
})

describe('writing values back', () => {
  test.each([
    ['＞＝９５％', '≥95%'],
    ['<= 30 天', '≤30天'],
    ['不低于 98 %', '≥98%'],
    ['100%', '=100%'],
    ['0起', '=0起'],
    ['2,000人次', '=2000人次'],
    ['95%以上', '≥95%'],
    ['百分之九十五', '=95%'],
    ['95%-100%', '95～100%'],
    ['≤3-5天', '≤3～5天'],
    ['较上年提升', '较上年提升'],
  ])('%s is written back as %s', (text, formatted) => {
    expect(formatIndicatorValue(parseIndicatorValue(text))).toBe(formatted)
  })

  const withoutOriginal = ({ original: _, ...rest }: IndicatorValue) => rest
  const natures = [
    ['>=', ['≥', '>=', '＞＝', '不低于', '大于等于 ']],
    ['>', ['>', '＞', '大于', '超过']],
    ['=', ['', '=', '＝', '等于']],
    ['<=', ['≤', '<=', '≦', '不超过', '小于等于']],
    ['<', ['<', '＜', '小于', '低于 ']],
  ] as const
  const units = ['', '%', '‰', '万元', '亿元', '元', '千元', '天', '个工作日', '小时', '分钟', '人次', '万人次', '平方米', '公里', '千米', '所', '台(套)', '户', '起', '分']
  const amounts = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000 }).map(String),
    fc.tuple(fc.integer({ min: -1000, max: 100_000 }), fc.integer({ min: 1, max: 99 })).map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`.replace(/0+$/, '')),
  )

  test('any sign as tables write it, any number, any unit: read right, and format ∘ parse is a fixed point', () => {
    fc.assert(
      fc.property(fc.constantFrom(...natures), fc.nat(), amounts, fc.constantFrom(...units), fc.constantFrom('', ' '), ([nature, words], i, amount, unit, space) => {
        const text = `${words[i % words.length]}${space}${amount}${space}${unit}`
        const parsed = parseIndicatorValue(text)
        expect(parsed).toMatchObject({ kind: 'quantitative', nature, value: amount, unit })
        expect(withoutOriginal(parseIndicatorValue(formatIndicatorValue(parsed)))).toEqual(withoutOriginal(parsed))
      }),
    )
  })

  test('any text at all is read without throwing, its original kept, and read back alike once written', () => {
    const pieces = fc.constantFrom('≥', '＞', '=', '<', '-', '~', '/', '.', ',', '，', '%', '‰', '百分之', '九十', '点', '年', '月', '日', '底', '前', '以上', '内', '万', '元', '天', '完成', ' ', '0', '5', '12', '2026')
    const text = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')))
    const essence = (v: IndicatorValue) => (v.kind === 'deadline' ? { date: v.date, note: v.note } : withoutOriginal(v))
    fc.assert(
      fc.property(text, (t) => {
        const parsed = parseIndicatorValue(t)
        expect(parsed.original).toBe(t)
        expect(essence(parseIndicatorValue(formatIndicatorValue(parsed)))).toEqual(essence(parsed))
      }),
      { numRuns: 3000 },
    )
  })

  test('ranges and deadlines come back to the same value too', () => {
    fc.assert(
      fc.property(amounts, amounts, fc.constantFrom(...natures.map(([n]) => n)), fc.constantFrom(...units.filter(Boolean)), (a, b, nature, unit) => {
        const parsed = parseIndicatorValue(`${a}-${b}${unit}`, { nature })
        expect(parsed.kind).toBe('quantitative')
        expect(withoutOriginal(parseIndicatorValue(formatIndicatorValue(parsed)))).toEqual(withoutOriginal(parsed))
      }),
    )
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.constantFrom('', '完成', '建成投用'), (date, note) => {
        const parsed = parseIndicatorValue(`${date.toISOString().slice(0, 10)}前${note}`)
        expect(parsed).toMatchObject({ kind: 'deadline', date: date.toISOString().slice(0, 10), note })
        const again = parseIndicatorValue(formatIndicatorValue(parsed))
        expect(again).toMatchObject({ kind: 'deadline', date: date.toISOString().slice(0, 10), note })
      }),
    )
  })
})

describe('direction and wording of real published values (issue 10, point 15)', () => {
  test('a plain number of a cost indicator is a ceiling (≤), of a count an "="', () => {
    expect(parseIndicatorValue('5万元', { name: '项目总成本', level2: '成本指标' })).toMatchObject({ nature: '<=', value: '5', unit: '万元', normalized: { value: '50000', unit: '元' } })
    expect(parseIndicatorValue('5万元', { name: '设备购置', level2: '成本指标' })).toMatchObject({ nature: '<=' })
    expect(parseIndicatorValue('2%', { name: '系统故障失败率', level2: '质量指标' })).toMatchObject({ nature: '<=', value: '2', unit: '%' })
    expect(parseIndicatorValue('3%', { name: '补贴逾期率' })).toMatchObject({ nature: '<=' })
    expect(parseIndicatorValue('100', { name: '培训人次', level2: '数量指标', unit: '人次' })).toMatchObject({ nature: '=', value: '100', unit: '人次' })
    expect(parseIndicatorValue('5万元')).toMatchObject({ nature: '=' })
  })

  test('a written sign or a 指标性质 column still wins over the words', () => {
    expect(parseIndicatorValue('≥5万元', { name: '项目总成本' })).toMatchObject({ nature: '>=' })
    expect(parseIndicatorValue('5万元', { name: '项目总成本', nature: '=' })).toMatchObject({ nature: '=' })
  })

  test.each([
    ['95百分比', '=', '95', '%'],
    ['≥95 百分比', '>=', '95', '%'],
    ['﹦100%', '=', '100', '%'],
    ['＝100%', '=', '100', '%'],
    ['﹤5%', '<', '5', '%'],
    ['15%及其以下', '<=', '15', '%'],
    ['90%及其以上', '>=', '90', '%'],
    ['15%及以下', '<=', '15', '%'],
    ['90分及以上', '>=', '90', '分'],
    ['95%以上', '>=', '95', '%'],
    ['5%以下', '<=', '5', '%'],
    ['不低于95%', '>=', '95', '%'],
    ['不高于5%', '<=', '5', '%'],
    ['100%覆盖', '=', '100', '%'],
    ['≥98%覆盖', '>=', '98', '%'],
  ])('%s → %s %s %s', (text, nature, value, unit) => {
    expect(parseIndicatorValue(text)).toMatchObject({ kind: 'quantitative', nature, value, unit })
  })

  test('a 计量单位 column of 百分比 is %', () => {
    expect(parseIndicatorValue('95', { nature: '>=', unit: '百分比' })).toMatchObject({ unit: '%', normalized: { value: '95', unit: '%' } })
  })
})

describe('values shown in the indicator’s own unit (issue 10, point 18)', () => {
  test('3800000 元 in a 万元 indicator is 380.00万元; thousands are separated', () => {
    expect(formatInUnit('3800000', '元', '万元')).toBe('380.00万元')
    expect(formatInUnit('3800000', '元', '元')).toBe('3,800,000.00元')
    expect(formatInUnit('12000', '人次', '人次')).toBe('12,000人次')
    expect(formatInUnit('30000', '人次', '万人次')).toBe('3万人次')
    expect(formatInUnit('95.5', '%', '%')).toBe('95.5%')
    expect(formatInUnit('95', '%', '件')).toBeNull()
  })
})
