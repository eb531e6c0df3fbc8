import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, Button, Space, Spin, Typography, Upload } from 'antd'
import { useTranslation } from 'react-i18next'

interface ImportUploadStepProps {
  checking: boolean
  error: string | null
  onFile: (file: File) => void
}

/** ① Get the template, fill it in, drop it here: the server reads it and reports without writing anything. */
export function ImportUploadStep({ checking, error, onFile }: ImportUploadStepProps) {
  const { t } = useTranslation()
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('projects.import.howTo')}
        description={t('projects.import.howToDetail')}
        action={
          <Button icon={<DownloadOutlined aria-hidden />} href="/api/projects/import-template" download>
            {t('projects.import.template')}
          </Button>
        }
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Spin spinning={checking} description={t('projects.import.checking')}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={checking}
          beforeUpload={(file) => {
            onFile(file)
            return false
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('projects.import.drop')}</p>
          <Typography.Text type="secondary">{t('projects.import.dropHint')}</Typography.Text>
        </Upload.Dragger>
      </Spin>
    </Space>
  )
}
