import type { TableColumnsType } from 'antd'
import { Tag, Typography } from 'antd'
import type { SortOrder } from 'antd/es/table/interface'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import type { Money } from '../../../domain/money'
import { formatDateTime } from '../../shared/format'
import { LastYearCell } from '../results/views/LastYearCell'
import { ProjectStatusTag } from './ProjectStatusTag'
import { type AmountUnit, formatAmount } from './amounts'
import type { ProjectVocabulary } from './projectVocabulary'
import type { Project } from './projects.types'

/** Columns the user may hide; the name always shows (it links to the detail page). */
export const optionalColumnKeys = [
  'code',
  'fiscalYear',
  'unitName',
  'departmentName',
  'budgetKind',
  'objectKind',
  'projectType',
  'attribute',
  'period',
  'amountFiscal',
  'amountTotal',
  'mediumTermAmount',
  'isMajorNew',
  'status',
  'updatedAt',
  'lastYear',
] as const

/** Fits 1366-pixel screens without scrolling sideways; the rest is one click away in 列设置. */
export const defaultVisibleColumns: string[] = ['code', 'fiscalYear', 'unitName', 'amountTotal', 'status', 'updatedAt', 'lastYear']

interface ColumnContext {
  t: TFunction
  vocabulary: ProjectVocabulary
  unit: AmountUnit
  /** The sort arrow a server-sortable column shows. */
  sortOrderOf: (key: string) => SortOrder
}

const sortable = (key: string, ctx: ColumnContext) => ({ key, sorter: true, sortOrder: ctx.sortOrderOf(key) })

function amountColumn(key: keyof Project & string, ctx: ColumnContext, sort = false) {
  const unitLabel = ctx.unit === 'wan' ? ctx.t('projects.unit.wan') : ctx.t('projects.unit.yuan')
  return {
    ...(sort ? sortable(key, ctx) : { key }),
    title: ctx.t('projects.withUnit', { label: ctx.t(`projects.fields.${key}`), unit: unitLabel }),
    dataIndex: key,
    width: 170,
    align: 'right' as const,
    render: (amount: Money) => (
      <span title={`${formatAmount(amount, 'yuan')} ${ctx.t('projects.unit.yuan')}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatAmount(amount, ctx.unit)}
      </span>
    ),
  }
}

/** Every column of the project list, keyed as the server sorts them (code, name, fiscalYear, amountTotal, status, updatedAt). */
export function projectColumns(ctx: ColumnContext): TableColumnsType<Project> {
  const { t, vocabulary } = ctx
  return [
    { ...sortable('code', ctx), title: t('projects.fields.code'), dataIndex: 'code', width: 175 },
    {
      ...sortable('name', ctx),
      title: t('projects.fields.name'),
      dataIndex: 'name',
      width: 240,
      ellipsis: { showTitle: true },
      render: (name: string, row) => (
        <Link to={`/projects/${row.id}`} title={name}>
          {name}
        </Link>
      ),
    },
    { ...sortable('fiscalYear', ctx), title: t('projects.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 100, align: 'center' },
    { key: 'unitName', title: t('projects.fields.unit'), dataIndex: 'unitName', width: 180, ellipsis: { showTitle: true } },
    { key: 'departmentName', title: t('projects.fields.department'), dataIndex: 'departmentName', width: 180, ellipsis: { showTitle: true } },
    { key: 'budgetKind', title: t('projects.fields.budgetKind'), dataIndex: 'budgetKind', width: 150, render: vocabulary.budgetKind },
    { key: 'objectKind', title: t('projects.fields.objectKind'), dataIndex: 'objectKind', width: 130, render: vocabulary.objectKind },
    { key: 'projectType', title: t('projects.fields.projectType'), dataIndex: 'projectType', width: 100, render: vocabulary.projectType },
    { key: 'attribute', title: t('projects.fields.attribute'), dataIndex: 'attribute', width: 100, render: vocabulary.attribute },
    {
      key: 'period',
      title: t('projects.fields.period'),
      width: 110,
      render: (_, row) => `${row.periodStartYear}–${row.periodEndYear}`,
    },
    amountColumn('amountFiscal', ctx),
    amountColumn('amountTotal', ctx, true),
    amountColumn('mediumTermAmount', ctx),
    {
      key: 'isMajorNew',
      title: t('projects.fields.isMajorNew'),
      width: 120,
      dataIndex: 'isMajorNew',
      render: (major: boolean) => (major ? <Tag color="magenta">{t('projects.majorNew')}</Tag> : '—'),
    },
    {
      ...sortable('status', ctx),
      title: t('projects.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: Project['status']) => <ProjectStatusTag status={status} />,
    },
    {
      ...sortable('updatedAt', ctx),
      title: t('projects.fields.updatedAt'),
      dataIndex: 'updatedAt',
      width: 165,
      render: (at: string) => <Typography.Text type="secondary">{formatDateTime(at)}</Typography.Text>,
    },
    // 延续项目: last year's grade, the amount decided for this year and open items (rule 42), with results.read.
    { key: 'lastYear', title: t('resultsViews.lastYear.column'), dataIndex: 'lastYear', width: 200, render: (lastYear: Project['lastYear']) => <LastYearCell lastYear={lastYear} formatAmount={(a) => formatAmount(a, ctx.unit)} /> },
  ]
}
