import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { openZip } from '../../platform/zip.ts'
import { ReadBudget } from '../../platform/read-limits.ts'
import { assessmentPayload, goalPayload, keyEvaluationPayload, publishFixture, reportFixture, selfEvaluationPayload, withdrawFixture } from './portal.fixtures.ts'

// A web build stand-in: the SPA fallback is on, so a /public path it swallowed would come back as this page.
const webDist = mkdtempSync(join(tmpdir(), 'jixiao-portal-web-'))
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>ADMIN-SPA</title>')

const t = await createTestContext({ publicRateLimit: 100_000, webDistDir: webDist })
const city = await t.make.jurisdiction({ name: '门户测试市' })
const education = await t.make.department({ jurisdiction: city, name: '门户测试教育局' })
const health = await t.make.department({ jurisdiction: city, name: '门户测试卫健委' })
const J = city.code
const pub = (kind: Parameters<typeof publishFixture>[2], payload: never, options: Partial<Parameters<typeof publishFixture>[4]> = {}) => publishFixture(t.db, t.clock, kind, payload, { jurisdictionCode: J, ...options })

const schoolGoal = goalPayload(education, { projectCode: 'EDU001', projectName: '校舍安全改造', overallTarget: '=HYPERLINK("http://evil")' })
await pub('goal', schoolGoal as never)
for (let i = 2; i <= 25; i++) await pub('goal', goalPayload(education, { projectCode: `EDU${String(i).padStart(3, '0')}`, projectName: `教育项目${i}` }) as never)
await pub('goal', goalPayload(health, { projectCode: 'HLT001', projectName: '社区医院设备购置' }) as never)
await pub('self_evaluation', selfEvaluationPayload(education, { subjectCode: 'EDU001', subjectName: '校舍安全改造' }) as never)
const reportFile = await reportFixture(t.db, t.clock, '张三审阅意见-内部稿.pdf')
await pub('key_evaluation_report', keyEvaluationPayload(health, { projectCode: 'HLT001', projectName: '社区医院设备购置', reportFileName: '社区医院设备购置重点评价报告.pdf' }) as never, { fileId: reportFile })
await pub('assessment', assessmentPayload(education) as never)

describe('the portal pages', () => {
  test('home lists the jurisdiction and its years, with a search box', async () => {
    const res = await t.anon.get('/public')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('lang="zh-CN"')
    expect(res.body).toContain('门户测试市')
    expect(res.body).toContain(`href="/public/${J}/2026"`)
    expect(res.body).toContain(`href="/public/${J}/2025"`)
    expect(res.body).toMatch(/<label for="q">/)
    const jurisdiction = await t.anon.get(`/public/${J}`)
    expect(jurisdiction.body).toContain('<h1>门户测试市</h1>')
    expect(jurisdiction.body).toContain(`href="/public/${J}/2026"`)
  })

  test('the goals list: per department, paginated, searchable, filtered by department', async () => {
    const first = await t.anon.get(`/public/${J}/2026/goals`)
    expect(first.statusCode).toBe(200)
    expect(first.body).toContain('<h2>门户测试教育局</h2>')
    expect(first.body).toContain('第 1 / 2 页')
    expect(first.body).toContain(`href="/public/${J}/2026/goals/EDU001"`)
    const second = await t.anon.get(`/public/${J}/2026/goals?page=2`)
    expect(second.body).toContain('社区医院设备购置')
    const searched = await t.anon.get(`/public/${J}/2026/goals?q=${encodeURIComponent('校舍')}`)
    expect(searched.body).toContain('共 1 条')
    expect(searched.body).toContain('校舍安全改造')
    const filtered = await t.anon.get(`/public/${J}/2026/goals?department=${health.code}`)
    expect(filtered.body).toContain('共 1 条')
    expect(filtered.body).not.toContain('校舍安全改造')
  })

  test('a goal’s page with its indicators, and the same as JSON and CSV', async () => {
    const page = await t.anon.get(`/public/${J}/2026/goals/EDU001`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<h1>校舍安全改造</h1>')
    expect(page.body).toContain('群众满意度')
    expect(page.body).toContain('=HYPERLINK(&quot;http://evil&quot;)')
    const json = await t.anon.get(`/public/${J}/2026/goals/EDU001.json`)
    expect(json.headers['content-type']).toMatch(/^application\/json/)
    expect(json.json()).toMatchObject({ projectCode: 'EDU001', budget: '1200000.00', indicators: [{ name: '建成数量' }, { name: '群众满意度' }] })
    const csv = await t.anon.get(`/public/${J}/2026/goals/EDU001.csv`)
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.body.startsWith('\uFEFF')).toBe(true)
    expect(csv.body.split('\r\n')[1]).toContain('EDU001,校舍安全改造,产出指标,数量指标,建成数量,≥10,个')
  })

  test('list CSV: UTF-8 with BOM, a formula-leading cell escaped, decimals as published', async () => {
    const csv = await t.anon.get(`/public/${J}/2026/goals.csv?department=${education.code}`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-disposition']).toMatch(/^attachment/)
    expect(csv.body.startsWith('\uFEFF项目编码,项目名称')).toBe(true)
    const line = csv.body.split('\r\n').find((l) => l.startsWith('EDU001,'))!
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(line).toContain(',1200000.00,')
    expect(csv.body).not.toContain('HLT001')
    const json = await t.anon.get(`/public/${J}/2026/goals.json?q=${encodeURIComponent('校舍')}`)
    expect(json.json()).toMatchObject({ jurisdictionCode: J, jurisdictionName: '门户测试市', fiscalYear: 2026, kind: 'goal', total: 1 })
    const english = await t.anon.get(`/public/${J}/2026/goals.csv?lang=en`)
    expect(english.body.startsWith('\uFEFFProject code,Project name')).toBe(true)
  })

  test('self-evaluations, key evaluation reports (with the report file) and 考核 results', async () => {
    const selfList = await t.anon.get(`/public/${J}/2025/self-evaluations`)
    expect(selfList.body).toContain('校舍安全改造')
    const self = await t.anon.get(`/public/${J}/2025/self-evaluations/EDU001`)
    expect(self.body).toContain('91.20')
    expect(self.body).toContain('个别指标设置偏低')
    expect((await t.anon.get(`/public/${J}/2025/self-evaluations.json`)).json().items[0]).toMatchObject({ subjectCode: 'EDU001', grade: '优' })

    const reports = await t.anon.get(`/public/${J}/2025/key-evaluations`)
    expect(reports.body).toContain(`/public/${J}/2025/key-evaluations/HLT001/report`)
    const file = await t.anon.get(`/public/${J}/2025/key-evaluations/HLT001/report`)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('application/pdf')
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('社区医院设备购置重点评价报告.pdf'))
    expect(String(file.headers['content-disposition'])).not.toContain(encodeURIComponent('张三'))
    expect(file.body).toContain('评价报告正文')
    const again = await t.anon.get(`/public/${J}/2025/key-evaluations/HLT001/report`, { 'if-none-match': String(file.headers.etag) })
    expect(again.statusCode).toBe(304)

    const assessments = await t.anon.get(`/public/${J}/2025/assessments`)
    expect(assessments.body).toContain('门户测试教育局')
    const one = await t.anon.get(`/public/${J}/2025/assessments/${education.code}`)
    expect(one.body).toContain('运行监控')
    expect((await t.anon.get(`/public/${J}/2025/assessments/${education.code}.csv`)).body).toContain('运行监控,20.00,18.50')
  })

  test('search across everything published', async () => {
    const res = await t.anon.get(`/public/search?q=${encodeURIComponent('社区医院')}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain(`/public/${J}/2026/goals/HLT001`)
    expect(res.body).toContain(`/public/${J}/2025/key-evaluations/HLT001`)
  })

  test('English with ?lang=en, links keep the language', async () => {
    const res = await t.anon.get(`/public/${J}/2026/goals?lang=en`)
    expect(res.body).toContain('<html lang="en">')
    expect(res.body).toContain('Performance goals')
    expect(res.body).toContain(`href="/public/${J}/2026/goals/EDU001?lang=en"`)
    expect(res.body).toContain(`href="/public/${J}/2026/goals"`) // the switch back to Chinese
  })
})

describe('the bulk download', () => {
  test('every kind as CSV and JSON, the item files and a data dictionary describing every column in Chinese and English', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/public/${J}/2025/download.zip` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    const zip = await openZip(res.rawPayload, new ReadBudget())
    const names = [...zip.parts.keys()].sort()
    expect(names).toEqual(
      ['README.txt', 'assessment-items.csv', 'assessments.csv', 'assessments.json', 'data-dictionary.csv', 'data-dictionary.json', 'goal-indicators.csv', 'goals.csv', 'goals.json', 'key-evaluations.csv', 'key-evaluations.json', 'self-evaluation-indicators.csv', 'self-evaluations.csv', 'self-evaluations.json'].sort(),
    )
    const read = async (name: string) => {
      const chunks: Buffer[] = []
      for await (const chunk of zip.read(zip.parts.get(name)!)) chunks.push(chunk)
      return Buffer.concat(chunks).toString('utf8')
    }
    const dictionary = JSON.parse(await read('data-dictionary.json')) as { file: string; column: string; zh: string; en: string; descriptionZh: string; descriptionEn: string }[]
    for (const name of names.filter((n) => n.endsWith('.csv') && n !== 'data-dictionary.csv')) {
      const header = (await read(name)).replace('\uFEFF', '').split('\r\n')[0]!.split(',')
      const described = dictionary.filter((d) => d.file === name)
      expect(described.map((d) => d.zh), name).toEqual(header)
      for (const d of described) expect(d.en && d.descriptionZh && d.descriptionEn, `${name} ${d.column}`).toBeTruthy()
    }
    expect(await read('self-evaluations.csv')).toContain('EDU001')
    expect(JSON.parse(await read('assessments.json')).items[0].orgCode).toBe(education.code)
    // The same records give the same bytes.
    const again = await t.app.inject({ method: 'GET', url: `/public/${J}/2025/download.zip` })
    expect(again.headers.etag).toBe(res.headers.etag)
  })
})

describe('publication state', () => {
  test('a withdrawn record disappears from the pages and the open data; a republished one shows only its new copy', async () => {
    const source = await pub('goal', goalPayload(health, { projectCode: 'HLT900', projectName: '撤回前的项目' }) as never)
    expect((await t.anon.get(`/public/${J}/2026/goals/HLT900`)).statusCode).toBe(200)
    await withdrawFixture(t.db, t.clock, 'goal', source, '数据有误')
    const gone = await t.anon.get(`/public/${J}/2026/goals/HLT900`)
    expect(gone.statusCode).toBe(404)
    expect(gone.headers['content-type']).toMatch(/^text\/html/)
    expect(gone.body).toContain('页面不存在或未公开')
    expect((await t.anon.get(`/public/${J}/2026/goals.csv`)).body).not.toContain('HLT900')
    expect((await t.anon.get(`/public/${J}/2026/goals/HLT900.json`)).statusCode).toBe(404)

    const republished = await pub('goal', goalPayload(health, { projectCode: 'HLT901', projectName: '第一版名称' }) as never)
    await pub('goal', goalPayload(health, { projectCode: 'HLT901', projectName: '第二版名称' }) as never, { sourceId: republished })
    const page = await t.anon.get(`/public/${J}/2026/goals/HLT901`)
    expect(page.body).toContain('第二版名称')
    expect(page.body).not.toContain('第一版名称')
  })
})

describe('HTTP behaviour', () => {
  test('ETag and a short public cache; 304 when unchanged, a new tag once something is published', async () => {
    const res = await t.anon.get(`/public/${J}/2026/goals`)
    expect(res.headers['cache-control']).toBe('public, max-age=300')
    const etag = String(res.headers.etag)
    expect(etag).toMatch(/^"[\w-]+"$/)
    const cached = await t.anon.get(`/public/${J}/2026/goals`, { 'if-none-match': etag })
    expect(cached.statusCode).toBe(304)
    expect(cached.body).toBe('')
    await pub('goal', goalPayload(education, { projectCode: 'EDU000', projectName: '新发布的项目' }) as never)
    const changed = await t.anon.get(`/public/${J}/2026/goals`, { 'if-none-match': etag })
    expect(changed.statusCode).toBe(200)
    expect(changed.headers.etag).not.toBe(etag)
  })

  test('security headers, and a policy that allows the portal’s stylesheet and no script', async () => {
    const res = await t.anon.get('/public')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("style-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toMatch(/script-src/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('DENY')
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(res.body)![1]!
    const css = await t.anon.get(href)
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toMatch(/^text\/css/)
    expect(res.body).not.toMatch(/<script/i)
  })

  test('unknown and unpublished paths get the portal’s 404 page, not the admin app', async () => {
    for (const url of ['/public/nope', `/public/${J}/2019/goals`, '/public/999999/2026/goals', `/public/${J}/2026/goals/NOPE`, `/public/${J}/2026/widgets`, `/public/${J}/2026/goals/EDU001/extra`, `/public/${J}/2026/goals/EDU001/report`, `/public/${J}/2026/goals.xml`, `/public/${J}/2024/download.zip`]) {
      const res = await t.anon.get(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.body, url).not.toContain('ADMIN-SPA')
      expect(res.body, url).toContain('页面不存在或未公开')
    }
    // The admin app's own paths still fall back to it.
    expect((await t.anon.get('/projects')).body).toContain('ADMIN-SPA')
  })

  test('bad parameters are 400 (or 404), never 500', async () => {
    const cases = [`/public/${J}/abcd/goals`, `/public/${J}/20261/goals`, `/public/${J}/2026/goals?q=${'x'.repeat(500)}`, `/public/${J}/2026/goals?page=0`, `/public/${J}/2026/goals?page=abc`, `/public/${J}/2026/goals?department=${encodeURIComponent('<script>')}`, `/public/${J}/2026/goals?lang=fr`, `/public/bad!code/2026/goals`, `/public/${J}/2026/goals?q=a%00b`, `/public/${J}/2026/goals/${encodeURIComponent('a b')}`, `/public/search?q=${'长'.repeat(101)}`]
    for (const url of cases) {
      const res = await t.anon.get(url)
      expect([400, 404], url).toContain(res.statusCode)
      expect(res.body, url).not.toContain('<script>')
    }
    const json = await t.anon.get(`/public/${J}/abcd/goals.json`)
    expect(json.statusCode).toBe(400)
    expect(json.headers['content-type']).toMatch(/^application\/json/)
  })

  test('a request for /public/ goes to /public', async () => {
    const res = await t.anon.get('/public/')
    expect(res.statusCode).toBe(301)
    expect(res.headers.location).toBe('/public')
  })
})

describe('rate limit', async () => {
  const limited = await createTestContext({ publicRateLimit: 3 })
  test('a client over the limit gets 429 with the portal’s page', async () => {
    const codes: number[] = []
    for (let i = 0; i < 4; i++) codes.push((await limited.anon.get('/public')).statusCode)
    expect(codes).toEqual([200, 200, 200, 429])
    const res = await limited.anon.get('/public')
    expect(res.body).toContain('访问过于频繁')
  })
})
