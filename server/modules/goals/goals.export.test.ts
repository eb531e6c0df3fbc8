import { expect, test } from 'vitest'
import { createTestContext } from '../../test/context.ts'

/** The department 申报表 zip holds at most JIXIAO_EXPORT_MAX_GOALS goals: more is refused, never silently cut. */
const t = await createTestContext({ exportMaxGoals: 2 })
const district = await t.make.jurisdiction()
const edu = await t.make.department({ jurisdiction: district })
const school = await t.make.unit({ department: edu })
const viewer = await t.make.user({ role: 'viewer', org: district })
const year = 2027

async function exportZip() {
  const { cookie } = await t.as(viewer)
  return t.app.inject({ method: 'GET', url: `/api/goals/declarations.zip?fiscalYear=${year}`, headers: { cookie: cookie!, 'accept-language': 'zh-CN' } })
}

test('up to the limit the zip is sent; one goal more and the export is refused with a way out', async () => {
  for (const n of [1, 2]) await t.make.goal({ project: await t.make.project({ unit: school, fiscalYear: year, name: `项目${n}` }) })
  const allowed = await exportZip()
  expect(allowed.statusCode).toBe(200)
  expect(allowed.headers['content-type']).toBe('application/zip')

  await t.make.goal({ project: await t.make.project({ unit: school, fiscalYear: year, name: '项目3' }) })
  const refused = await exportZip()
  expect(refused.statusCode).toBe(422)
  expect(refused.json().error).toMatchObject({ code: 'EXPORT_TOO_LARGE', details: { max: 2 } })
  expect(refused.json().error.message).toContain('筛选')
})
