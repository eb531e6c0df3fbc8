import { Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../domain/money'
import { cellErrors, errorsByRow, otherErrors, type previewCellFields } from './importErrors'
import type { ImportPreviewRow, ImportRowAction, ImportRowError } from './projects.types'

const actionColors: Record<ImportRowAction, string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' }

/** A cell with problems: red, the messages in a tooltip and, for screen readers, in its label. */
function Flagged({ errors, children }: { errors: ImportRowError[]; children: ReactNode }) {
  if (errors.length === 0) return <>{children}</>
  const messages = errors.map((e) => e.message)
  return (
    <Tooltip title={messages.map((m) => <div key={m}>{m}</div>)}>
      <span tabIndex={0} aria-label={`${children ?? ''} ${messages.join(' ')}`} style={{ color: '#cf1322', borderBottom: '1px dashed #cf1322', cursor: 'help' }}>
        {children ?? '—'}
      </span>
    </Tooltip>
  )
}

/** ② The first parsed rows with what the import will do to each; cells with problems are red. */
export function ImportPreviewTable({ rows, errors }: { rows: ImportPreviewRow[]; errors: ImportRowError[] }) {
  const { t } = useTranslation()
  const byRow = errorsByRow(errors)
  const flagged = (cell: keyof typeof previewCellFields, show: (row: ImportPreviewRow) => ReactNode) => (_: unknown, row: ImportPreviewRow) => (
    <Flagged errors={cellErrors(byRow.get(row.row), cell)}>{show(row)}</Flagged>
  )

  const columns: TableColumnsType<ImportPreviewRow> = [
    { title: t('projects.import.row'), dataIndex: 'row', width: 70, align: 'right' },
    {
      title: t('projects.import.action'),
      dataIndex: 'action',
      width: 90,
      render: (action: ImportRowAction) => <Tag color={actionColors[action]}>{t(`projects.import.actions.${action}`)}</Tag>,
    },
    { title: t('projects.fields.code'), key: 'code', render: flagged('code', (r) => r.code) },
    { title: t('projects.fields.name'), key: 'name', render: flagged('name', (r) => r.name) },
    { title: t('projects.fields.fiscalYear'), key: 'fiscalYear', width: 90, render: flagged('fiscalYear', (r) => r.fiscalYear) },
    {
      title: t('projects.fields.unit'),
      key: 'unitCode',
      render: flagged('unitCode', (r) => (r.unitName ? `${r.unitName} (${r.unitCode})` : r.unitCode)),
    },
    {
      title: t('projects.withUnit', { label: t('projects.fields.amountTotal'), unit: t('projects.unit.yuan') }),
      key: 'amountTotal',
      align: 'right',
      render: flagged('amountTotal', (r) => (r.amountTotal ? formatMoney(r.amountTotal) : null)),
    },
    {
      title: t('projects.import.otherProblems'),
      key: 'other',
      render: (_, row) => {
        const other = otherErrors(byRow.get(row.row))
        return other.length === 0 ? null : (
          <Typography.Text type="danger" style={{ display: 'block', maxWidth: 240, whiteSpace: 'normal' }}>
            {other.map((e) => (
              <div key={`${e.column}:${e.message}`}>
                {e.column ? t('projects.import.problemAt', { column: e.column, message: e.message }) : e.message}
              </div>
            ))}
          </Typography.Text>
        )
      },
    },
  ]
  return (
    <Table<ImportPreviewRow>
      aria-label={t('projects.import.rowsLabel')}
      rowKey="row"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => t('projects.import.rowsShown', { count: n }) }}
      scroll={{ x: 'max-content' }}
    />
  )
}
