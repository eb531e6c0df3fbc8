import { InboxOutlined } from '@ant-design/icons'
import { Alert, App, Modal, Result, Space, Table, Upload } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/client'
import { ImportActions, ImportErrorsCard } from '../../../shared/ImportPreviewParts'
import { errorMessage } from '../../../shared/serverErrors'
import type { SelfImportResult } from './self.types'
import { GradeTag } from './selfVocabulary'

/**
 * 导入自评表: a 10号 附件1 (or Sichuan) workbook exported from here and filled offline. The file is checked first
 * (dryRun): every row error with its sheet and row, and each form's total and grade as they would be; only a file
 * without errors is written, all or nothing.
 */
export function SelfImportDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<SelfImportResult | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<number | null>(null)

  async function check(chosen: File) {
    setFile(chosen)
    setError(null)
    setBusy(true)
    try {
      setPreview(await api.upload<SelfImportResult>('/api/evaluation/self/import', chosen, { dryRun: 'true' }))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  async function commit() {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const result = await api.upload<SelfImportResult>('/api/evaluation/self/import', file, { dryRun: 'false' })
      if (result.applied) {
        setDone(result.preview.length)
        message.success(t('evaluationSelf.import.done', { count: result.preview.length }))
        await queryClient.invalidateQueries({ queryKey: ['evaluation-self'] })
      } else setPreview(result)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const errors = (preview?.errors ?? []).map((e) => ({ row: e.row, column: e.field, message: e[lang], sheet: e.sheet }))
  return (
    <Modal open title={t('evaluationSelf.import.title')} footer={null} onCancel={onClose} width={760} destroyOnHidden>
      {done !== null ? (
        <Result status="success" title={t('evaluationSelf.import.done', { count: done })} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {error && <Alert type="error" showIcon title={error} />}
          {!preview && (
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(chosen) => {
                void check(chosen)
                return false
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p>{t('evaluationSelf.import.drop')}</p>
              <p className="ant-upload-hint">{t('evaluationSelf.import.hint')}</p>
            </Upload.Dragger>
          )}
          {preview && (
            <>
              {preview.errors.length === 0 ? <Alert type="success" showIcon title={t('evaluationSelf.import.ready', { count: preview.preview.length })} /> : <Alert type="error" showIcon title={t('evaluationSelf.import.hasErrors', { count: preview.errors.length })} />}
              <ImportErrorsCard
                title={t('evaluationSelf.import.errors')}
                errors={errors}
                keyPrefix={(e) => e.sheet}
                columns={[
                  { key: 'sheet', title: t('evaluationSelf.import.sheet'), dataIndex: 'sheet', width: 160 },
                  { key: 'row', title: t('evaluationSelf.import.row'), dataIndex: 'row', width: 70 },
                  { key: 'column', title: t('evaluationSelf.import.field'), dataIndex: 'column', width: 140 },
                  { key: 'message', title: t('evaluationSelf.import.message'), dataIndex: 'message' },
                ]}
              />
              <Table
                rowKey="formId"
                size="small"
                aria-label={t('evaluationSelf.import.preview')}
                pagination={preview.preview.length > 10 ? { pageSize: 10 } : false}
                dataSource={preview.preview}
                columns={[
                  { key: 'project', title: t('evaluationSelf.fields.project'), dataIndex: 'projectName' },
                  { key: 'indicators', title: t('evaluationSelf.import.indicators'), dataIndex: 'indicators', width: 90, align: 'right' },
                  { key: 'total', title: t('evaluationSelf.fields.total'), dataIndex: 'total', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
                  { key: 'grade', title: t('evaluationSelf.fields.grade'), dataIndex: 'grade', width: 80, render: (g: SelfImportResult['preview'][number]['grade']) => <GradeTag grade={g} /> },
                ]}
              />
              <ImportActions
                ready={preview.errors.length === 0 && preview.preview.length > 0}
                committing={busy}
                onReupload={() => {
                  setPreview(null)
                  setFile(null)
                }}
                onCommit={() => void commit()}
                reuploadLabel={t('evaluationSelf.import.again')}
                commitLabel={t('evaluationSelf.import.commit')}
              />
            </>
          )}
        </Space>
      )}
    </Modal>
  )
}
