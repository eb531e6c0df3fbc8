import { z } from 'zod'
import type { App, Deps } from '../../app.ts'
import type { OrgKind } from '../../db/schema.ts'
import { authorize } from '../../http/context.ts'
import { bilingual } from '../../http/validation-messages.ts'
import { fetchPage, PageQuery } from '../../http/paging.ts'
import { recordExport } from '../../platform/audit-access.ts'
import { sendXlsx } from '../../platform/excel.ts'
import { orgExportColumns } from './org.excel.ts'
import { listOrgNodes, orgSortKeys } from './org.repository.ts'
import { createDepartment, createJurisdiction, createUnit, getOrgNode, orgTree, updateOrgNode } from './org.service.ts'

const Code = z.string().regex(/^[0-9A-Za-z]{2,32}$/, bilingual('编码为 2–32 位数字或字母', 'A code has 2–32 letters or digits'))
const Name = z.string().trim().min(1).max(100)
const Status = z.enum(['active', 'disabled'])

const ListFilters = {
  q: z.string().max(100).optional(),
  status: Status.optional(),
  sort: z.enum(orgSortKeys).default('code'),
  ...PageQuery,
}
const listQuery: Record<OrgKind, z.ZodType> = {
  jurisdiction: z.strictObject({ ...ListFilters, parentCode: Code.optional() }),
  department: z.strictObject({ ...ListFilters, jurisdictionCode: Code.optional() }),
  unit: z.strictObject({ ...ListFilters, jurisdictionCode: Code.optional(), departmentCode: Code.optional() }),
}
const createBody = {
  jurisdiction: z.strictObject({
    code: Code,
    name: Name,
    level: z.enum(['province', 'city', 'district', 'functional']),
    parentCode: Code,
    financeBureauName: Name,
  }),
  department: z.strictObject({ code: Code, name: Name, jurisdictionCode: Code }),
  unit: z.strictObject({ code: Code, name: Name, departmentCode: Code }),
}
const patchBody = {
  jurisdiction: z.strictObject({ name: Name.optional(), financeBureauName: Name.optional(), status: Status.optional(), version: z.int().min(1) }),
  department: z.strictObject({ name: Name.optional(), status: Status.optional(), version: z.int().min(1) }),
  unit: z.strictObject({ name: Name.optional(), status: Status.optional(), version: z.int().min(1) }),
}
const CodeParams = z.strictObject({ code: Code })

const paths: Record<OrgKind, string> = { jurisdiction: 'jurisdictions', department: 'departments', unit: 'units' }
const summaries: Record<OrgKind, string> = { jurisdiction: '行政区划', department: '主管部门', unit: '预算单位' }

type ListQuery = z.infer<typeof ListFilters extends infer _ ? z.ZodObject<typeof ListFilters> : never> & {
  parentCode?: string
  jurisdictionCode?: string
  departmentCode?: string
}

/** Lists name the parent the way each kind calls it: a department's jurisdiction, a unit's department. */
function withParentName<T extends { kind: OrgKind; parentName: string | null }>(row: T) {
  if (row.kind === 'department') return { ...row, jurisdictionName: row.parentName }
  if (row.kind === 'unit') return { ...row, departmentName: row.parentName }
  return row
}

export async function orgRoutes(app: App, { db }: Deps) {
  app.get('/api/org/tree', { schema: { tags: ['org'], summary: '组织机构树（本人数据范围）' } }, async (req) => ({
    nodes: await orgTree(db, authorize(req, 'org.read')),
  }))

  for (const kind of ['jurisdiction', 'department', 'unit'] as const) {
    const base = `/api/org/${paths[kind]}`
    const tags = ['org']

    app.get(base, { schema: { tags, summary: `${summaries[kind]}列表`, querystring: listQuery[kind] } }, async (req) => {
      const ctx = authorize(req, 'org.read')
      const { page, pageSize, sort, order, ...filter } = req.query as ListQuery
      const result = await fetchPage(listOrgNodes(db, ctx.actor, { kind, ...filter }, sort, order), { page, pageSize })
      return { ...result, items: result.items.map(withParentName) }
    })

    app.get(`${base}/export`, { schema: { tags, summary: `导出${summaries[kind]}`, querystring: listQuery[kind] } }, async (req, reply) => {
      const ctx = authorize(req, 'org.read')
      const { page: _p, pageSize: _s, sort, order, ...filter } = req.query as ListQuery
      const rows = await listOrgNodes(db, ctx.actor, { kind, ...filter }, sort, order).execute()
      await recordExport(db, ctx, 'org.export', { kind, ...filter })
      return sendXlsx(reply, `${summaries[kind]}.xlsx`, orgExportColumns(kind), rows)
    })

    app.get(`${base}/:code`, { schema: { tags, summary: `${summaries[kind]}详情`, params: CodeParams } }, async (req) =>
      getOrgNode(db, authorize(req, 'org.read'), kind, req.params.code),
    )

    app.post(base, { schema: { tags, summary: `新增${summaries[kind]}`, body: createBody[kind] } }, async (req, reply) => {
      const ctx = authorize(req, 'org.manage')
      const body = req.body as never
      const created =
        kind === 'jurisdiction'
          ? await createJurisdiction(db, ctx, body)
          : kind === 'department'
            ? await createDepartment(db, ctx, body)
            : await createUnit(db, ctx, body)
      return reply.status(201).send(created)
    })

    app.patch(`${base}/:code`, { schema: { tags, summary: `修改${summaries[kind]}`, params: CodeParams, body: patchBody[kind] } }, async (req) =>
      updateOrgNode(db, authorize(req, 'org.manage'), kind, req.params.code, req.body as never),
    )
  }
}
