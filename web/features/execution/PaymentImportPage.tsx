import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Steps, Table, Tag, Typography, Upload } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { formatMoney } from '../../../domain/money'
import { ApiError } from '../../api/client'
import { DownloadButton } from '../../shared/DownloadButton'
import { JobProgress } from '../../shared/JobProgress'
import { ImportActions, ImportErrorsCard } from '../../shared/ImportPreviewParts'
import { errorMessage } from '../../shared/serverErrors'
import { useCommitPayments, usePreviewPayments, useQueuePayments } from './execution.queries'
import type { PaymentAction, PaymentImportResult, PaymentRowError } from './execution.types'

type Stage =
  | { step: 'upload' }
  | { step: 'preview'; file: File; preview: PaymentImportResult }
  | { step: 'running'; file: File; preview: PaymentImportResult; jobId: string }
  | { step: 'done'; result: PaymentImportResult }

/** Files with more rows than this are written by a background job, with a progress bar, instead of within the request. */
export const BACKGROUND_FROM_ROWS = 5000

const actionColors: Record<PaymentAction, string> = { create: 'green', unchanged: 'default', error: 'red' }

/** 导入国库支付数据: ① template and upload → ② preview with every row's fate and problem → ③ write all or nothing. */
export function PaymentImportPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const previewImport = usePreviewPayments()
  const commitImport = useCommitPayments()
  const queueImport = useQueuePayments()
  const [stage, setStage] = useState<Stage>({ step: 'upload' })
  const [error, setError] = useState<string | null>(null)

  const check = (file: File) => {
    setError(null)
    previewImport.mutateAsync(file).then(
      (preview) => setStage({ step: 'preview', file, preview }),
      (err) => setError(errorMessage(err)),
    )
  }
  const commit = (file: File, preview: PaymentImportResult) => {
    setError(null)
    if (preview.total > BACKGROUND_FROM_ROWS) {
      queueImport.mutateAsync(file).then(
        ({ jobRunId }) => setStage({ step: 'running', file, preview, jobId: jobRunId }),
        (err) => setError(errorMessage(err)),
      )
      return
    }
    commitImport.mutateAsync(file).then(
      (result) => setStage({ step: 'done', result }),
      (err) => {
        setError(errorMessage(err))
        if (err instanceof ApiError && err.code === 'IMPORT_INVALID' && Array.isArray(err.details)) {
          const errors = err.details as PaymentRowError[]
          setStage({ step: 'preview', file, preview: { ...preview, errors, errorCount: errors.length } })
        }
      },
    )
  }
  const restart = () => {
    setError(null)
    setStage({ step: 'upload' })
  }

  return (
    <Card size="small" title={t('execution.nav.import')}>
      <Steps
        current={{ upload: 0, preview: 1, running: 2, done: 2 }[stage.step]}
        status={stage.step === 'done' ? 'finish' : 'process'}
        style={{ marginBottom: 24 }}
        items={[{ title: t('execution.import.steps.upload') }, { title: t('execution.import.steps.preview') }, { title: t('execution.import.steps.commit') }]}
      />
      {stage.step === 'upload' && <UploadStep checking={previewImport.isPending} error={error} onFile={check} />}
      {stage.step === 'preview' && (
        <PreviewStep fileName={stage.file.name} preview={stage.preview} committing={commitImport.isPending || queueImport.isPending} error={error} onReupload={restart} onCommit={() => commit(stage.file, stage.preview)} />
      )}
      {stage.step === 'running' && (
        <JobProgress
          jobId={stage.jobId}
          title={t('execution.import.running', { file: stage.file.name })}
          onDone={(result) => {
            const r = result as PaymentImportResult & { committed: boolean }
            if (r.committed) setStage({ step: 'done', result: r })
            else setStage({ step: 'preview', file: stage.file, preview: { ...stage.preview, errors: r.errors, errorCount: r.errorCount } })
          }}
        />
      )}
      {stage.step === 'done' && (
        <Result
          status="success"
          title={t('execution.import.done')}
          subTitle={t('execution.import.doneDetail', { created: stage.result.created, unchanged: stage.result.unchanged })}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('/execution/payments')}>
              {t('execution.import.toList')}
            </Button>,
            <Button key="again" onClick={restart}>
              {t('execution.import.again')}
            </Button>,
          ]}
        />
      )}
    </Card>
  )
}

function UploadStep({ checking, error, onFile }: { checking: boolean; error: string | null; onFile: (file: File) => void }) {
  const { t } = useTranslation()
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('execution.import.howTo')}
        description={t('execution.import.howToDetail')}
        action={
          <DownloadButton icon={<DownloadOutlined aria-hidden />} href="/api/execution/payments/import-template">
            {t('execution.import.template')}
          </DownloadButton>
        }
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Spin spinning={checking} description={t('execution.import.checking')}>
        <Upload.Dragger accept=".xlsx,.csv" multiple={false} showUploadList={false} disabled={checking} beforeUpload={(file) => (onFile(file), false)}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('execution.import.drop')}</p>
          <Typography.Text type="secondary">{t('execution.import.dropHint')}</Typography.Text>
        </Upload.Dragger>
      </Spin>
    </Space>
  )
}

interface PreviewStepProps {
  fileName: string
  preview: PaymentImportResult
  committing: boolean
  error: string | null
  onReupload: () => void
  onCommit: () => void
}

function PreviewStep({ fileName, preview, committing, error, onReupload, onCommit }: PreviewStepProps) {
  const { t } = useTranslation()
  type Row = PaymentImportResult['rows'][number]
  const columns: TableColumnsType<Row> = [
    { key: 'row', title: t('execution.import.row'), dataIndex: 'row', width: 60 },
    { key: 'action', title: t('execution.import.action'), dataIndex: 'action', width: 90, render: (a: PaymentAction) => <Tag color={actionColors[a]}>{t(`execution.import.actions.${a}`)}</Tag> },
    { key: 'projectCode', title: t('execution.fields.projectCode'), dataIndex: 'projectCode', width: 150 },
    { key: 'projectName', title: t('execution.fields.projectName'), dataIndex: 'projectName', width: 220, ellipsis: { showTitle: true } },
    { key: 'paidOn', title: t('execution.fields.paidOn'), dataIndex: 'paidOn', width: 110 },
    { key: 'amount', title: t('execution.fields.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (a: string | null) => (a ? formatMoney(a) : '') },
    { key: 'fundSource', title: t('execution.fields.fundSource'), dataIndex: 'fundSource', width: 130 },
    { key: 'voucherNo', title: t('execution.fields.voucherNo'), dataIndex: 'voucherNo', width: 160 },
  ]
  const errorColumns: TableColumnsType<PaymentRowError> = [
    { key: 'row', title: t('execution.import.row'), dataIndex: 'row', width: 70 },
    { key: 'column', title: t('execution.import.column'), dataIndex: 'column', width: 130 },
    { key: 'message', title: t('execution.import.problem'), dataIndex: 'message' },
  ]
  const ready = preview.errorCount === 0 && preview.created > 0
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 5 }}
        items={[
          { key: 'file', label: t('execution.import.file'), children: fileName },
          { key: 'total', label: t('execution.import.total'), children: preview.total },
          { key: 'create', label: t('execution.import.actions.create'), children: preview.created },
          { key: 'unchanged', label: t('execution.import.actions.unchanged'), children: preview.unchanged },
          { key: 'errors', label: t('execution.import.errors'), children: <Typography.Text type={preview.errorCount ? 'danger' : undefined}>{preview.errorCount}</Typography.Text> },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} />}
      {preview.errorCount > 0 && <Alert type="warning" showIcon title={t('execution.import.fixFirst', { count: preview.errorCount })} />}
      {preview.errorCount === 0 && preview.created === 0 && <Alert type="info" showIcon title={t('execution.import.nothingNew')} />}
      {preview.ignoredColumns.length > 0 && <Alert type="info" showIcon title={t('execution.import.ignored', { columns: preview.ignoredColumns.join('、') })} />}
      <ImportErrorsCard title={t('execution.import.errorList')} errors={preview.errors} columns={errorColumns} />
      <Table<Row> aria-label={t('execution.import.rowsLabel')} rowKey="row" size="small" columns={columns} dataSource={preview.rows} pagination={{ pageSize: 10, showSizeChanger: false }} scroll={{ x: 1050 }} />
      <ImportActions ready={ready} committing={committing} onReupload={onReupload} onCommit={onCommit} reuploadLabel={t('execution.import.reupload')} commitLabel={t('execution.import.commit', { count: preview.created })} />
    </Space>
  )
}
