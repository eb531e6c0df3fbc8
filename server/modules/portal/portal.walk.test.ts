import { describe, expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'
import { liveCopies } from '../disclosure/public-records.ts'
import { ReadBudget } from '../../platform/read-limits.ts'
import { openZip } from '../../platform/zip.ts'
import { assessmentPayload, goalPayload, keyEvaluationPayload, publishFixture, reportFixture, selfEvaluationPayload, withdrawFixture } from './portal.fixtures.ts'
import { PORTAL_KINDS } from './portal.text.ts'

/**
 * The public-route walk (issue 14): from /public, every link of every page is followed — lists, pages, records,
 * their CSV and JSON, the report files, each year's zip (unpacked) — over a data set that also holds unpublished
 * source records, withdrawn and superseded copies, and people's names and internal opinions in the system's own
 * fields. Marker strings are planted in all of those; no response may carry one, and every live copy is reached.
 */
const t = await createTestContext({ publicRateLimit: 1_000_000 })

const MARK = {
  unpublished: 'MARKUNPUBLISHED7Q',
  superseded: 'MARKSUPERSEDED3K',
  withdrawn: 'MARKWITHDRAWN9Z',
  withdrawReason: 'MARKREASON4F',
  publisher: 'MARKPUBLISHER2X',
  withdrawer: 'MARKWITHDRAWER8J',
  opinion: 'MARKOPINION5V',
  uploadedName: 'MARKUPLOADNAME6B',
  withdrawnFile: 'MARKWITHDRAWNFILE1C',
}
const markers = Object.values(MARK)

const city = await t.make.jurisdiction({ name: '漫游测试市' })
const district = await t.make.jurisdiction({ parent: city, name: '漫游测试区' })
const education = await t.make.department({ jurisdiction: city, name: '漫游测试教育局' })
const transport = await t.make.department({ jurisdiction: city, name: '漫游测试交通局' })
const districtDept = await t.make.department({ jurisdiction: district, name: '漫游测试区民政局' })
const unit = await t.make.unit({ department: education })

// People: the publisher and the one who withdraws, each named with a marker.
const named = async (marker: string) => {
  const user = await t.make.user({ role: 'finance_admin', org: city })
  await t.db.updateTable('appUser').set({ displayName: `张${marker}` }).where('id', '=', user.id).execute()
  return { id: user.id, username: user.username, displayName: `张${marker}` }
}
const publisher = await named(MARK.publisher)
const withdrawer = await named(MARK.withdrawer)

// Source records inside the system: a published project whose goal carries an internal review opinion naming a
// person, and a project nobody published.
const project = await t.make.project({ unit, code: 'WALKP1', name: '公开的校园改造项目' })
const goal = await t.make.goal({ project, status: 'approved' })
await t.db.insertInto('goalOpinion').values({ goalId: goal.id, round: 1, stage: 'finance', action: 'approve', grade: '优', dimensions: '{}', opinion: `经办人李${MARK.opinion}：内部意见，预算偏高`, actorId: publisher.id, orgCode: city.code, createdAt: t.clock.now() }).execute()
const hidden = await t.make.project({ unit, code: 'WALKHIDDEN', name: `未公开项目${MARK.unpublished}` })
await t.make.goal({ project: hidden, status: 'approved' })

const opts = (jurisdictionCode: string) => ({ jurisdictionCode, publisher })
const pub = publishFixture
const { db, clock } = t

// Live copies.
await pub(db, clock, 'goal', goalPayload(education, { projectCode: 'WALKP1', projectName: '公开的校园改造项目' }), { ...opts(city.code), sourceId: goal.id })
for (let i = 2; i <= 23; i++) await pub(db, clock, 'goal', goalPayload(i % 2 ? education : transport, { projectCode: `WALKP${i}`, projectName: `公开项目${i}` }), opts(city.code))
await pub(db, clock, 'goal', goalPayload(districtDept, { projectCode: 'WALKD1', projectName: '区级公开项目' }), opts(district.code))
await pub(db, clock, 'self_evaluation', selfEvaluationPayload(education, { subjectCode: 'WALKP1', subjectName: '公开的校园改造项目' }), opts(city.code))
await pub(db, clock, 'self_evaluation', selfEvaluationPayload(education, { subjectKind: 'department', subjectCode: education.code, subjectName: education.name, unitName: null, summary: null }), opts(city.code))
const liveReport = await reportFixture(db, clock, `李${MARK.uploadedName}批注版.pdf`, '%PDF-1.4 公开的评价报告')
await pub(db, clock, 'key_evaluation_report', keyEvaluationPayload(transport, { projectCode: 'WALKP2', projectName: '公开项目2', reportFileName: '公开项目2重点评价报告.pdf' }), { ...opts(city.code), fileId: liveReport })
await pub(db, clock, 'key_evaluation_report', keyEvaluationPayload(education, { projectCode: 'WALKP3', reportFileName: null }), opts(city.code))
await pub(db, clock, 'assessment', assessmentPayload(education), opts(city.code))
await pub(db, clock, 'assessment', assessmentPayload(district, { rank: 2, grade: '良' }), opts(city.code))

// Superseded: the first copy of a goal, replaced by a corrected one.
const corrected = await pub(db, clock, 'goal', goalPayload(transport, { projectCode: 'WALKS1', projectName: `旧名称${MARK.superseded}`, overallTarget: MARK.superseded }), opts(city.code))
await pub(db, clock, 'goal', goalPayload(transport, { projectCode: 'WALKS1', projectName: '更正后的项目' }), { ...opts(city.code), sourceId: corrected })
const supersededSelf = await pub(db, clock, 'self_evaluation', selfEvaluationPayload(transport, { subjectCode: 'WALKS2', summary: MARK.superseded }), opts(city.code))
await pub(db, clock, 'self_evaluation', selfEvaluationPayload(transport, { subjectCode: 'WALKS2', summary: '更正后的摘要' }), { ...opts(city.code), sourceId: supersededSelf })

// Withdrawn, of every kind, with a reason naming a person; one is the only record of its year (2024).
const withdrawnFile = await reportFixture(db, clock, `${MARK.withdrawnFile}.pdf`, `%PDF-1.4 ${MARK.withdrawnFile}`)
const withdrawn = [
  ['goal', await pub(db, clock, 'goal', goalPayload(education, { projectCode: 'WALKW1', projectName: `撤回项目${MARK.withdrawn}` }), opts(city.code))],
  ['goal', await pub(db, clock, 'goal', goalPayload(education, { projectCode: 'WALKW2', fiscalYear: 2024, annualTarget: MARK.withdrawn }), opts(city.code))],
  ['self_evaluation', await pub(db, clock, 'self_evaluation', selfEvaluationPayload(education, { subjectCode: 'WALKW3', subjectName: MARK.withdrawn }), opts(city.code))],
  ['key_evaluation_report', await pub(db, clock, 'key_evaluation_report', keyEvaluationPayload(education, { projectCode: 'WALKW4', conclusion: MARK.withdrawn, reportFileName: `${MARK.withdrawnFile}.pdf` }), { ...opts(city.code), fileId: withdrawnFile })],
  ['assessment', await pub(db, clock, 'assessment', assessmentPayload(transport, { orgName: MARK.withdrawn }), opts(city.code))],
] as const
for (const [kind, sourceId] of withdrawn) await withdrawFixture(db, clock, kind, sourceId, `王${MARK.withdrawReason}要求撤回`, withdrawer)

const decode = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>')

async function unzipText(content: Buffer): Promise<string> {
  const zip = await openZip(content, new ReadBudget())
  const parts: string[] = []
  for (const part of zip.parts.values()) {
    const chunks: Buffer[] = []
    for await (const chunk of zip.read(part)) chunks.push(chunk)
    parts.push(`${part.name}\n${Buffer.concat(chunks).toString('utf8')}`)
  }
  return parts.join('\n')
}

interface Visit {
  status: number
  text: string
}

/** Breadth-first over every link the portal shows, from its home in both languages. */
async function walk() {
  const visits = new Map<string, Visit>()
  const queue = ['/public', '/public?lang=en']
  while (queue.length) {
    const url = queue.shift()!
    if (visits.has(url)) continue
    if (visits.size > 3000) throw new Error('the walk does not end')
    const res = await t.app.inject({ method: 'GET', url })
    const type = String(res.headers['content-type'] ?? '')
    const text = type.startsWith('application/zip') ? await unzipText(res.rawPayload) : res.rawPayload.toString('utf8')
    const headers = JSON.stringify(res.headers)
    visits.set(url, { status: res.statusCode, text: `${headers}\n${text}` })
    if (!type.startsWith('text/html')) continue
    for (const match of text.matchAll(/(?:href|action)="([^"]*)"/g)) {
      const target = decode(match[1]!)
      if (target.startsWith('/public') && !target.startsWith('/public/assets/') && !visits.has(target)) queue.push(target)
    }
  }
  return visits
}

const visits = await walk()

describe('the public-route walk', () => {
  test('reaches lists, records, their open data, the report files and every year’s zip, all answering 200', () => {
    const urls = [...visits.keys()]
    expect(urls.length).toBeGreaterThan(60)
    for (const pattern of [/\/goals\.csv/, /\/goals\.json/, /\/goals\?page=2/, /\/download\.zip/, /\/report$/, /\/self-evaluations\/[^/]+\.json/, /\/assessments\/[^/]+\.csv/, /lang=en/]) {
      expect(urls.some((u) => pattern.test(u)), String(pattern)).toBe(true)
    }
    const failed = [...visits].filter(([, v]) => v.status !== 200).map(([u, v]) => `${v.status} ${u}`)
    expect(failed).toEqual([])
  })

  test('reaches every live copy’s page, CSV and JSON', async () => {
    const live = await liveCopies(t.db).select(['kind', 'jurisdictionCode', 'fiscalYear', 'recordKey']).execute()
    expect(live.length).toBe(32)
    for (const r of live) {
      const path = `/public/${r.jurisdictionCode}/${r.fiscalYear}/${PORTAL_KINDS[r.kind].segment}/${encodeURIComponent(r.recordKey)}`
      for (const url of [path, `${path}.csv`, `${path}.json`]) expect(visits.has(url), url).toBe(true)
    }
  })

  test('no response carries anything unpublished, withdrawn or superseded, a person’s name or an internal opinion', () => {
    for (const [url, visit] of visits) {
      for (const marker of markers) expect(visit.text.includes(marker), `${marker} in ${url}`).toBe(false)
    }
  })

  test('withdrawn, superseded-only and unpublished records are not found by URL or by search either', async () => {
    const direct = [
      `/public/${city.code}/2026/goals/WALKW1`,
      `/public/${city.code}/2024/goals/WALKW2`,
      `/public/${city.code}/2024`,
      `/public/${city.code}/2024/download.zip`,
      `/public/${city.code}/2025/self-evaluations/WALKW3.json`,
      `/public/${city.code}/2025/key-evaluations/WALKW4`,
      `/public/${city.code}/2025/key-evaluations/WALKW4/report`,
      `/public/${city.code}/2025/assessments/${transport.code}.csv`,
      `/public/${city.code}/2026/goals/WALKHIDDEN`,
    ]
    for (const url of direct) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      for (const marker of markers) expect(res.body.includes(marker), `${marker} in ${url}`).toBe(false)
    }
    for (const marker of markers) {
      const search = await t.app.inject({ method: 'GET', url: `/public/search?q=${marker}` })
      expect(search.body, marker).toContain('共 0 条')
      expect((await t.app.inject({ method: 'GET', url: `/public/${city.code}/2026/goals.json?q=${marker}` })).json().total, marker).toBe(0)
      const csv = await t.app.inject({ method: 'GET', url: `/public/${city.code}/2025/self-evaluations.csv?q=${marker}` })
      expect(csv.body.trim().split('\r\n'), marker).toHaveLength(1)
    }
    const json = await t.app.inject({ method: 'GET', url: `/public/${city.code}/2026/goals.json?q=${MARK.superseded}` })
    expect(json.json().total).toBe(0)
  })
})
