import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { type ExcelColumn, sendXlsx } from '../../platform/excel.ts'
import { sendDownload } from '../../platform/files.ts'
import { DOCX } from '../../platform/docx.ts'
import { NpcBundleBody, NpcBundleParams, NpcPackageExportQuery, NpcPackageListQuery, NpcPackageParams } from './npc.schemas.ts'
import { bundleFile, listPackages, packageDocument, startBundle } from './npc.service.ts'

const EXPORT_PAGE = { page: 1, pageSize: 200 }
const EXPORT_PAGES = 50

type Row = Awaited<ReturnType<typeof listPackages>>['items'][number]
const exportColumns: ExcelColumn<Row>[] = [
  { header: '行政区划', value: (r) => r.jurisdictionName, width: 14 },
  { header: '部门编码', value: (r) => r.code, width: 14 },
  { header: '主管部门', value: (r) => r.name, width: 24 },
  { header: '预算年度', value: (r) => r.fiscalYear, width: 10 },
  { header: '重大项目（个）', value: (r) => r.majorProjects, width: 12 },
  { header: '其中目标已批复', value: (r) => r.majorWithGoal, width: 12 },
  { header: '部门整体目标', value: (r) => (r.departmentGoal ? '有' : '无'), width: 12 },
  { header: '上年重点评价（项）', value: (r) => r.keyEvaluations, width: 14 },
  { header: '上年项目自评（张）', value: (r) => r.selfEvaluations, width: 14 },
  { header: '未销号整改（项）', value: (r) => r.openRectifications, width: 14 },
]

/** 人大材料 (issue 14): the list per department, one department's Word package, and the bundle job with its zip. */
export async function npcRoutes(app: App, { db }: Deps) {
  const tags = ['npc']

  app.get('/api/npc/packages', { schema: { tags, summary: '人大材料：各部门的材料内容概况', querystring: NpcPackageListQuery } }, async (req) => {
    const ctx = authorize(req, 'npc.read')
    const { page, pageSize, ...filter } = req.query
    return listPackages(db, ctx, filter, { page, pageSize })
  })

  app.get('/api/npc/packages/export', { schema: { tags, summary: '导出人大材料部门列表', querystring: NpcPackageExportQuery } }, async (req, reply) => {
    const ctx = authorize(req, 'npc.read')
    const rows: Row[] = []
    for (let page = 1; page <= EXPORT_PAGES; page++) {
      const result = await listPackages(db, ctx, req.query, { ...EXPORT_PAGE, page })
      rows.push(...result.items)
      if (rows.length >= result.total) break
    }
    await recordExport(db, ctx, 'npc.package_list_export', req.query)
    return sendXlsx(reply, `人大材料-${req.query.fiscalYear}.xlsx`, exportColumns, rows)
  })

  app.get('/api/npc/packages/:departmentCode/:year.docx', { schema: { tags, summary: '下载部门人大材料（Word）', params: NpcPackageParams } }, async (req, reply) => {
    const file = await packageDocument(db, authorize(req, 'npc.read'), req.params.departmentCode, req.params.year, 'docx')
    return sendDownload(reply, { fileName: file.fileName, contentType: DOCX, content: file.content })
  })

  app.get('/api/npc/packages/:departmentCode/:year.pdf', { schema: { tags, summary: '下载部门人大材料（PDF）', params: NpcPackageParams } }, async (req, reply) => {
    const file = await packageDocument(db, authorize(req, 'npc.read'), req.params.departmentCode, req.params.year, 'pdf')
    return sendDownload(reply, { fileName: file.fileName, contentType: 'application/pdf', content: file.content })
  })

  app.post('/api/npc/bundles', { schema: { tags, summary: '生成本级全部部门人大材料（后台任务）', body: NpcBundleBody } }, async (req, reply) =>
    reply.status(201).send(await startBundle(db, authorize(req, 'npc.read'), req.body)),
  )

  app.get('/api/npc/bundles/:jobId.zip', { schema: { tags, summary: '下载人大材料压缩包', params: NpcBundleParams } }, async (req, reply) => {
    const file = await bundleFile(db, authorize(req, 'npc.read'), req.params.jobId)
    return sendDownload(reply, { fileName: file.fileName, contentType: 'application/zip', content: file.content })
  })
}
