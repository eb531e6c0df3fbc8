import { expect, test } from 'vitest'
import { createTestContext } from '../test/context.ts'
import { call, MultipartBody } from '../test/endpoints.ts'
import { deflatedRepeat, sheetHead, sheetTail, textRow, xlsxOf } from '../test/hostile-files.ts'
import { defaultReadLimits } from './read-limits.ts'

/** The time budget of reading an upload (issue 10, point 1), on an app configured with a small one. */
const MB = 1024 * 1024
const t = await createTestContext({ readLimits: { ...defaultReadLimits, maxSeconds: 0.3 } })
const user = await t.make.user({ role: 'unit_user', org: await t.make.unit() })
const { cookie } = await t.as(user)

test('reading stops after the configured time budget: 422 maxSeconds, and the server goes on', async () => {
  const packed = deflatedRepeat(sheetHead, textRow(1, ['甲', '乙', '丙']), 90 * MB, sheetTail)
  const body = new MultipartBody('项目.xlsx', xlsxOf({ name: '', packed, declaredSize: packed.data.length * 99 }), 'application/octet-stream')
  const started = performance.now()
  const res = await t.app.inject({ method: 'POST', url: '/api/projects/import?dryRun=true', payload: body.payload(), headers: { cookie: cookie!, 'content-type': `multipart/form-data; boundary=${body.boundary}` } })
  expect([res.statusCode, res.json().error.code, res.json().error.details.limit]).toEqual([422, 'IMPORT_LIMIT_EXCEEDED', 'maxSeconds'])
  expect(res.json().error.message).toBe('读取文件超过 0.3 秒，已停止，请分批导入')
  expect((performance.now() - started) / 1000).toBeLessThan(5)
  expect((await call(t, 'GET', '/api/health', undefined, null)).statusCode).toBe(200)
})
