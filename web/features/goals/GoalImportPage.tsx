import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Result, Space, Spin, Steps, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError } from '../../api/client'
import { errorMessage } from '../../shared/serverErrors'
import { GoalImportPreviewStep } from './GoalImportPreview'
import { IMPORT_TEMPLATE_URL, useCommitGoalImport, usePreviewGoalImport } from './goals.queries'
import type { GoalImportPreview, GoalImportResult, SheetError } from './goals.types'

type Stage = { step: 'upload' } | { step: 'preview'; file: File; preview: GoalImportPreview } | { step: 'done'; result: GoalImportResult }

/**
 * 申报表导入: ① the template, filled in a sheet per project → ② what each sheet would create and every problem,
 * nothing written → ③ all the file's goals created as drafts in one go, or none.
 */
export function GoalImportPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const preview = usePreviewGoalImport()
  const commit = useCommitGoalImport()
  const [stage, setStage] = useState<Stage>({ step: 'upload' })
  const [error, setError] = useState<string | null>(null)

  const check = (file: File) => {
    setError(null)
    preview.mutateAsync(file).then((p) => setStage({ step: 'preview', file, preview: p }), (err) => setError(errorMessage(err)))
  }
  const write = (file: File, shown: GoalImportPreview) => {
    setError(null)
    commit.mutateAsync(file).then(
      (result) => setStage({ step: 'done', result }),
      (err) => {
        setError(errorMessage(err))
        // The data changed since the preview: show what the commit found.
        if (err instanceof ApiError && err.code === 'IMPORT_INVALID' && Array.isArray(err.details)) {
          const errors = err.details as SheetError[]
          setStage({ step: 'preview', file, preview: { ...shown, errors, errorCount: errors.length } })
        }
      },
    )
  }
  const restart = () => {
    setError(null)
    setStage({ step: 'upload' })
  }

  return (
    <Card size="small" title={t('nav.goalImport')}>
      <Steps
        current={{ upload: 0, preview: 1, done: 2 }[stage.step]}
        status={stage.step === 'done' ? 'finish' : 'process'}
        style={{ marginBottom: 24 }}
        items={[{ title: t('goals.import.steps.upload') }, { title: t('goals.import.steps.preview') }, { title: t('goals.import.steps.commit') }]}
      />
      {stage.step === 'upload' && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={t('goals.import.howTo')}
            description={t('goals.import.howToDetail')}
            action={
              <Button icon={<DownloadOutlined aria-hidden />} href={IMPORT_TEMPLATE_URL} download>
                {t('goals.import.template')}
              </Button>
            }
          />
          {error && <Alert type="error" showIcon title={error} />}
          <Spin spinning={preview.isPending} description={t('goals.import.checking')}>
            <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} disabled={preview.isPending} beforeUpload={(file) => (check(file), false)}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">{t('goals.import.drop')}</p>
              <Typography.Text type="secondary">{t('goals.import.dropHint')}</Typography.Text>
            </Upload.Dragger>
          </Spin>
        </Space>
      )}
      {stage.step === 'preview' && (
        <GoalImportPreviewStep
          fileName={stage.file.name}
          preview={stage.preview}
          committing={commit.isPending}
          error={error}
          onReupload={restart}
          onCommit={() => write(stage.file, stage.preview)}
        />
      )}
      {stage.step === 'done' && (
        <Result
          status="success"
          title={t('goals.import.done', { count: stage.result.created })}
          subTitle={
            <Space orientation="vertical" size={2}>
              {stage.result.goals.map((g) => (
                <Link key={g.id} to={`/goals/${g.id}/edit`}>
                  {g.sheet}
                  {g.projectCode ? ` · ${g.projectCode}` : ''}
                </Link>
              ))}
            </Space>
          }
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('/goals')}>
              {t('goals.backToList')}
            </Button>,
            <Button key="again" onClick={restart}>
              {t('goals.import.again')}
            </Button>,
          ]}
        />
      )}
    </Card>
  )
}
