import { describe, expect, test } from 'vitest'
import { OPEN_FILES } from './portal.columns.ts'
import { amount, href, html, isoDate } from './portal.html.ts'
import { dictionaryRows, toCsv } from './portal.open-data.ts'

// The portal's pure pieces: escaping, figures as published, CSV cells, the data dictionary.
describe('portal HTML', () => {
  test('interpolated text is escaped; markup made by html`` is not', () => {
    const name = '<script>alert("x")</script> & \'q\''
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>')
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a</li><li>b</li></ul>')
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0')
  })

  test('amounts are grouped as text, never through a float', () => {
    expect(amount('12345678901234567.89')).toBe('12,345,678,901,234,567.89')
    expect(amount('-1000.50')).toBe('-1,000.50')
    expect(amount('999')).toBe('999')
    expect(amount(null)).toBe('—')
    expect(amount('未填')).toBe('未填')
  })

  test('links carry the language; the published day is China time', () => {
    expect(href('en', '/public/440300/2026/goals', { q: '学校', page: undefined })).toBe('/public/440300/2026/goals?q=%E5%AD%A6%E6%A0%A1&lang=en')
    expect(href('zh', '/public', {})).toBe('/public')
    expect(isoDate(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01')
  })
})

describe('open data CSV', () => {
  const file = {
    name: 'x',
    zh: 'x',
    en: 'x',
    columns: [
      { key: 'text', zh: '文本', en: 'Text', type: 'text' as const, descZh: '', descEn: '', value: (r: { t: string; d: string }) => r.t },
      { key: 'amount', zh: '金额', en: 'Amount', type: 'decimal' as const, descZh: '', descEn: '', value: (r: { t: string; d: string }) => r.d },
    ],
  }

  test('BOM, CRLF, quoting, formula-leading text escaped, decimals as published', () => {
    const csv = toCsv(file, [{ t: '=SUM(A1:A9)', d: '-12.50' }, { t: '含,逗号"引号"', d: '3' }, { t: '@cmd', d: '=1+1' }], 'zh')
    expect(csv).toBe(`\uFEFF文本,金额\r\n'=SUM(A1:A9),-12.50\r\n"含,逗号""引号""",3\r\n'@cmd,'=1+1\r\n`)
    expect(toCsv(file, [], 'en')).toBe('\uFEFFText,Amount\r\n')
  })

  test('the data dictionary describes every column of every file in Chinese and English', () => {
    const rows = dictionaryRows()
    const files = Object.values(OPEN_FILES).flatMap((f) => [f.records, f.items].filter((x) => x !== null))
    expect(rows).toHaveLength(files.reduce((n, f) => n + f!.columns.length, 0))
    for (const row of rows) for (const value of Object.values(row)) expect(value, `${row.file} ${row.column}`).not.toBe('')
    expect(new Set(rows.map((r) => r.file))).toEqual(new Set(files.map((f) => `${f!.name}.csv`)))
  })
})
