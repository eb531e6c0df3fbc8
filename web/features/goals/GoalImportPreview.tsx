import { CheckOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Space, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
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
        {preview.errors.length > 0 && (
          <Card size="small" title={t('goals.import.errorsTitle')}>
            <Table<SheetError>
              rowKey={(e) => `${e.sheet}:${e.row}:${e.column ?? ''}:${e.message}`}
              size="small"
              aria-label={t('goals.import.errorsTitle')}
              columns={errorColumns}
              dataSource={preview.errors}
              pagination={{ pageSize: 10, showSizeChanger: false }}
            />
          </Card>
        )}
        <Flex justify="end" gap={8}>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={onReupload} disabled={committing}>
            {t('goals.import.reupload')}
          </Button>
          <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={!ready} loading={committing} onClick={onCommit}>
            {t('goals.import.commit')}
          </Button>
        </Flex>
      </Space>
    </Spin>
  )
}
