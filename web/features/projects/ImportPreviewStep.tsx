import { Alert, Card, Col, Row, Space, Spin, Statistic, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ImportActions, ImportErrorsCard } from '../../shared/ImportPreviewParts'
import { ImportPreviewTable } from './ImportPreviewTable'
import { canCommit } from './importErrors'
import type { ImportPreview, ImportRowError } from './projects.types'

interface ImportPreviewStepProps {
  fileName: string
  preview: ImportPreview
  committing: boolean
  /** The server's answer to the commit, when it refused. */
  error: string | null
  onReupload: () => void
  onCommit: () => void
}

/** ② What the file would do — how many rows, new, updated, with errors — before anything is written. */
export function ImportPreviewStep({ fileName, preview, committing, error, onReupload, onCommit }: ImportPreviewStepProps) {
  const { t } = useTranslation()
  const errorCount = preview.errorCount ?? preview.errors.length
  const ready = canCommit(preview)
  const errorColumns: TableColumnsType<ImportRowError> = [
    { title: t('projects.import.row'), dataIndex: 'row', width: 70, align: 'right' },
    { title: t('projects.import.column'), dataIndex: 'column', width: 200, render: (c: string | null) => c ?? '—' },
    { title: t('projects.import.message'), dataIndex: 'message' },
  ]

  return (
    <Spin spinning={committing} description={t('projects.import.committing')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>{t('projects.import.file', { name: fileName })}</Typography.Text>
        <Row gutter={16}>
          {[
            ['total', preview.total],
            ['toCreate', preview.toCreate],
            ['toUpdate', preview.toUpdate],
            ['unchanged', preview.unchanged ?? 0],
            ['errors', errorCount],
          ].map(([key, value]) => (
            <Col key={key} xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title={t(`projects.import.summary.${key}`)}
                  value={value}
                  styles={{ content: key === 'errors' && errorCount > 0 ? { color: '#cf1322' } : undefined }}
                />
              </Card>
            </Col>
          ))}
        </Row>
        {error && <Alert type="error" showIcon title={error} />}
        {errorCount > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('projects.import.fixErrors', { count: errorCount })}
            description={errorCount > preview.errors.length ? t('projects.import.errorsTruncated', { shown: preview.errors.length }) : undefined}
          />
        ) : preview.toCreate + preview.toUpdate === 0 ? (
          <Alert type="info" showIcon title={t('projects.import.nothingToDo')} />
        ) : null}
        {preview.ignoredColumns && preview.ignoredColumns.length > 0 && (
          <Alert type="info" showIcon title={t('projects.import.ignored', { columns: preview.ignoredColumns.join('、') })} />
        )}
        <Card size="small" title={t('projects.import.rowsTitle', { shown: preview.rows.length, total: preview.total })}>
          <ImportPreviewTable rows={preview.rows} errors={preview.errors} />
        </Card>
        <ImportErrorsCard title={t('projects.import.errorsTitle')} errors={preview.errors} columns={errorColumns} />
        <ImportActions ready={ready} committing={committing} onReupload={onReupload} onCommit={onCommit} reuploadLabel={t('projects.import.reupload')} commitLabel={t('projects.import.commit')} />
      </Space>
    </Spin>
  )
}
