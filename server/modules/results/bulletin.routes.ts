import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { sendDownload } from '../../platform/files.ts'
import { findRound as findSelfRound } from '../evaluation/self.repository.ts'
import { mustFindRound as mustFindMonitoringRound } from '../monitoring/dashboard.scope.ts'
import { assessmentBulletinData, monitoringRoundBulletinData, selfRoundBulletinData } from './bulletin.data.ts'
import { bulletinDocx } from './bulletin.docx.ts'
import { BulletinRoundParams, BulletinYearParams } from './bulletin.schemas.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * 通报 (issue 13) as Word documents: of a self-evaluation round, of a monitoring round, of a bureau's year of 考核.
 * A bulletin is the finance bureau's: departments and units get 404, as for anything outside their scope.
 */
export async function bulletinRoutes(app: App, { db }: Deps) {
  const tags = ['results']
  const bureauOnly = (kind: string) => {
    if (kind !== 'jurisdiction') throw new AppError('NOT_FOUND')
  }

  app.get('/api/results/bulletins/self-rounds/:id.docx', { schema: { tags, summary: '单位自评情况通报（Word）', params: BulletinRoundParams } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    bureauOnly(ctx.actor.org.kind)
    const round = await findSelfRound(db, ctx.actor, req.params.id)
    if (!round || round.status === 'opening') throw new AppError('NOT_FOUND')
    await recordExport(db, ctx, 'bulletin.self_round', round.id)
    const data = await selfRoundBulletinData(db, ctx, round)
    return sendDownload(reply, { fileName: `${data.title}.docx`, contentType: DOCX, content: await bulletinDocx(data) })
  })

  app.get('/api/results/bulletins/monitoring-rounds/:id.docx', { schema: { tags, summary: '运行监控情况通报（Word）', params: BulletinRoundParams } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    bureauOnly(ctx.actor.org.kind)
    const round = await mustFindMonitoringRound(db, ctx.actor, req.params.id)
    await recordExport(db, ctx, 'bulletin.monitoring_round', round.id)
    const data = await monitoringRoundBulletinData(db, ctx, round)
    return sendDownload(reply, { fileName: `${data.title}.docx`, contentType: DOCX, content: await bulletinDocx(data) })
  })

  app.get('/api/results/bulletins/assessments/:year.docx', { schema: { tags, summary: '年度考核结果通报（Word，本级财政）', params: BulletinYearParams } }, async (req, reply) => {
    const ctx = authorize(req, 'results.read')
    bureauOnly(ctx.actor.org.kind)
    const bureau = await db.selectFrom('orgNode').select(['code', 'name']).where('code', '=', ctx.actor.org.jurisdictionCode).executeTakeFirstOrThrow()
    const data = await assessmentBulletinData(db, ctx, bureau, req.params.year)
    if (!data) throw new AppError('NOT_FOUND')
    await recordExport(db, ctx, 'bulletin.assessment', { fiscalYear: req.params.year })
    return sendDownload(reply, { fileName: `${data.title}.docx`, contentType: DOCX, content: await bulletinDocx(data) })
  })
}
