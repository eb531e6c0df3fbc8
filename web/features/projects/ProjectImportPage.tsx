import { useQueryClient } from '@tanstack/react-query'
import { Button, Card, Result, Space, Steps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { JobProgress } from '../../shared/JobProgress'
import { errorMessage } from '../../shared/serverErrors'
import { ImportPreviewStep } from './ImportPreviewStep'
import { ImportUploadStep } from './ImportUploadStep'
import { useQueueImport, usePreviewImport } from './projects.queries'
import type { ImportJobResult, ImportPreview, ImportResult } from './projects.types'

type Stage =
  | { step: 'upload' }
  | { step: 'preview'; file: File; preview: ImportPreview }
  | { step: 'running'; file: File; preview: ImportPreview; jobId: string }
  | { step: 'done'; result: ImportResult }

/**
 * 项目导入: ① template and upload → ② preview with every problem → ③ commit all rows or none, as a background job
 * (projects.import) whose progress shows here; a file the commit refuses goes back to the preview with its errors.
 */
export function ProjectImportPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const previewImport = usePreviewImport()
  const queueImport = useQueueImport()
  const queryClient = useQueryClient()
  const [stage, setStage] = useState<Stage>({ step: 'upload' })
  const [error, setError] = useState<string | null>(null)

  function check(file: File) {
    setError(null)
    previewImport.mutateAsync(file).then(
      (preview) => setStage({ step: 'preview', file, preview }),
      (err) => setError(errorMessage(err)),
    )
  }

  function commit(file: File, preview: ImportPreview) {
    setError(null)
    queueImport.mutateAsync(file).then(
      ({ jobRunId }) => setStage({ step: 'running', file, preview, jobId: jobRunId }),
      (err) => setError(errorMessage(err)),
    )
  }

  function finished(file: File, preview: ImportPreview, result: ImportJobResult) {
    void queryClient.invalidateQueries({ queryKey: ['projects'] })
    if (result.committed) return setStage({ step: 'done', result })
    // Someone changed the data since the preview: show the problems the commit found instead.
    setError(result.message)
    setStage({ step: 'preview', file, preview: { ...preview, errors: result.errors, errorCount: result.errorCount } })
  }

  const restart = () => {
    setError(null)
    setStage({ step: 'upload' })
  }
  const current = { upload: 0, preview: 1, running: 2, done: 2 }[stage.step]

  return (
    <Card size="small" title={t('nav.projectImport')}>
      <Steps
        current={current}
        status={stage.step === 'done' ? 'finish' : 'process'}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('projects.import.steps.upload') },
          { title: t('projects.import.steps.preview') },
          { title: t('projects.import.steps.commit') },
        ]}
      />
      {stage.step === 'upload' && <ImportUploadStep checking={previewImport.isPending} error={error} onFile={check} />}
      {stage.step === 'preview' && (
        <ImportPreviewStep
          fileName={stage.file.name}
          preview={stage.preview}
          committing={queueImport.isPending}
          error={error}
          onReupload={restart}
          onCommit={() => commit(stage.file, stage.preview)}
        />
      )}
      {stage.step === 'running' && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <JobProgress
            jobId={stage.jobId}
            title={t('projects.import.running', { file: stage.file.name })}
            onDone={(result) => finished(stage.file, stage.preview, result as ImportJobResult)}
          />
          <Button onClick={restart}>{t('projects.import.reupload')}</Button>
        </Space>
      )}
      {stage.step === 'done' && (
        <Result
          status="success"
          title={t('projects.import.done')}
          subTitle={t('projects.import.doneDetail', {
            created: stage.result.created,
            updated: stage.result.updated,
            unchanged: stage.result.unchanged ?? 0,
          })}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('/projects')}>
              {t('projects.backToList')}
            </Button>,
            <Button key="again" onClick={restart}>
              {t('projects.import.again')}
            </Button>,
          ]}
        />
      )}
    </Card>
  )
}
