import { Alert, Card, Space, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ImportActions, ImportErrorsCard } from '../../shared/ImportPreviewParts'
import type { GoalImportPreview, GoalImportRow, SheetError } from './goals.types'

interface GoalImportPreviewStepProps {
  fileName: string
  preview: GoalImportPreview
  committing: boolean
  error: string | null
  onReupload: () => void
  onCommit: () => void
}

/** ② Each sheet: the project it names, how many indicators, its problems; and every problem with its cell. */
export function GoalImportPreviewStep({ fileName, preview, committing, error, onReupload, onCommit }: GoalImportPreviewStepProps) {
  const { t } = useTranslation()
  const ready = preview.errorCount === 0 && preview.errors.length === 0 && preview.toCreate > 0
  const sheetColumns: TableColumnsType<GoalImportRow> = [
    { key: 'sheet', title: t('goals.import.sheet'), dataIndex: 'sheet', width: 160 },
    { key: 'projectCode', title: t('goals.import.projectCode'), dataIndex: 'projectCode', width: 200, render: (v: string | null) => v ?? '—' },
    { key: 'projectName', title: t('goals.fields.project'), dataIndex: 'projectName', render: (v: string | null) => v ?? '—' },
    { key: 'fiscalYear', title: t('goals.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 90, render: (v: number | null) => v ?? '—' },
    { key: 'indicators', title: t('goals.import.indicators'), dataIndex: 'indicators', width: 90, align: 'right' },
    {
      key: 'errors',
      title: t('goals.import.outcome'),
      width: 120,
      render: (_, row) => (row.errors.length ? <Tag color="red">{t('goals.import.problems', { count: row.errors.length })}</Tag> : <Tag color="green">{t('goals.import.willCreate')}</Tag>),
    },
  ]
  const errorColumns: TableColumnsType<SheetError> = [
    { key: 'sheet', title: t('goals.import.sheet'), dataIndex: 'sheet', width: 160 },
    { key: 'row', title: t('goals.import.row'), dataIndex: 'row', width: 70, align: 'right' },
    { key: 'column', title: t('goals.import.column'), dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '—' },
    { key: 'message', title: t('goals.import.message'), dataIndex: 'message' },
  ]

  return (
    <Spin spinning={committing} description={t('goals.import.committing')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>{t('goals.import.file', { name: fileName, total: preview.total, toCreate: preview.toCreate, errors: preview.errorCount })}</Typography.Text>
        {error && <Alert type="error" showIcon title={error} />}
        {preview.errorCount > 0 && <Alert type="warning" showIcon title={t('goals.import.fixErrors', { count: preview.errorCount })} />}
        <Card size="small" title={t('goals.import.sheets')}>
          <Table<GoalImportRow> rowKey="sheet" size="small" aria-label={t('goals.import.sheets')} columns={sheetColumns} dataSource={preview.rows} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
        <ImportErrorsCard title={t('goals.import.errorsTitle')} errors={preview.errors} columns={errorColumns} keyPrefix={(e) => `${e.sheet}:`} />
        <ImportActions ready={ready} committing={committing} onReupload={onReupload} onCommit={onCommit} reuploadLabel={t('goals.import.reupload')} commitLabel={t('goals.import.commit')} />
      </Space>
    </Spin>
  )
}
