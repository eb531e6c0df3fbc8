import type { OrgKind } from '../../db/schema.ts'
import type { ExcelColumn } from '../../platform/excel.ts'

interface OrgRow {
  code: string
  name: string
  level: string | null
  parentCode: string | null
  parentName: string | null
  jurisdictionCode: string
  financeBureauName: string | null
  status: string
}

const levelLabels: Record<string, string> = { province: '省级', city: '市级', district: '区级', functional: '功能区' }
const statusLabel = (status: string) => (status === 'active' ? '启用' : '停用')

export function orgExportColumns(kind: OrgKind): ExcelColumn<OrgRow>[] {
  const common: ExcelColumn<OrgRow>[] = [
    { header: '编码', value: (r) => r.code },
    { header: '名称', width: 36, value: (r) => r.name },
  ]
  const status: ExcelColumn<OrgRow> = { header: '状态', width: 8, value: (r) => statusLabel(r.status) }
  if (kind === 'jurisdiction') {
    return [
      ...common,
      { header: '级次', width: 8, value: (r) => levelLabels[r.level ?? ''] ?? '' },
      { header: '上级行政区划', value: (r) => (r.parentCode ? `${r.parentName ?? ''}（${r.parentCode}）` : '') },
      { header: '财政局', width: 30, value: (r) => r.financeBureauName },
      status,
    ]
  }
  const parentHeader = kind === 'department' ? '所属行政区划' : '所属主管部门'
  return [...common, { header: parentHeader, width: 36, value: (r) => `${r.parentName ?? ''}（${r.parentCode ?? ''}）` }, status]
}
