import { Button, Card, Result, Steps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../../api/client'
import { errorMessage } from '../../shared/serverErrors'
import { ImportPreviewStep } from './ImportPreviewStep'
import { ImportUploadStep } from './ImportUploadStep'
import { useCommitImport, usePreviewImport } from './projects.queries'
import type { ImportPreview, ImportResult, ImportRowError } from './projects.types'

type Stage =
  | { step: 'upload' }
  | { step: 'preview'; file: File; preview: ImportPreview }
  | { step: 'done'; result: ImportResult }

/** The row errors of a refused commit (422 IMPORT_INVALID), to show in the preview. */
function importErrorsOf(err: unknown): ImportRowError[] | null {
  return err instanceof ApiError && err.code === 'IMPORT_INVALID' && Array.isArray(err.details)
    ? (err.details as ImportRowError[])
    : null
}

/** 项目导入: ① template and upload → ② preview with every problem → ③ commit all rows or none. */
export function ProjectImportPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const previewImport = usePreviewImport()
  const commitImport = useCommitImport()
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
    commitImport.mutateAsync(file).then(
      (result) => setStage({ step: 'done', result }),
      (err) => {
        setError(errorMessage(err))
        // Someone changed the data since the preview: show the problems the commit found instead.
        const errors = importErrorsOf(err)
        if (errors) setStage({ step: 'preview', file, preview: { ...preview, errors, errorCount: errors.length } })
      },
    )
  }

  const restart = () => {
    setError(null)
    setStage({ step: 'upload' })
  }
  const current = { upload: 0, preview: 1, done: 2 }[stage.step]

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
          committing={commitImport.isPending}
          error={error}
          onReupload={restart}
          onCommit={() => commit(stage.file, stage.preview)}
        />
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
