import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, List, Popconfirm, Typography, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import { editableStatuses } from '../../../domain/projects'
import { formatDateTime } from '../../shared/format'
import { errorMessage } from '../../shared/serverErrors'
import { useCan } from '../auth/CurrentUser'
import { attachmentPath, useDeleteAttachment, useProjectAttachments, useUploadAttachment } from './projects.queries'
import type { Project, ProjectAttachment } from './projects.types'

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** 附件 (实施方案, 可研报告, 测算依据…): download always; upload and delete while the project is still a draft. */
export function ProjectAttachments({ project }: { project: Project }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const canChange = useCan('project.edit') && editableStatuses.includes(project.status)
  const attachments = useProjectAttachments(project.id)
  const upload = useUploadAttachment()
  const remove = useDeleteAttachment()

  function send(file: File) {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      message.error(t('projects.attachments.tooLarge', { name: file.name }))
      return
    }
    upload.mutateAsync({ projectId: project.id, file }).then(
      () => message.success(t('projects.attachments.uploaded', { name: file.name })),
      (err) => message.error(errorMessage(err)),
    )
  }

  const actions = (a: ProjectAttachment) => [
    <Button
      key="download"
      type="link"
      size="small"
      icon={<DownloadOutlined aria-hidden />}
      href={attachmentPath(project.id, a.id)}
      download={a.fileName}
      aria-label={`${t('projects.attachments.download')} ${a.fileName}`}
    >
      {t('projects.attachments.download')}
    </Button>,
    ...(canChange
      ? [
          <Popconfirm
            key="delete"
            title={t('projects.attachments.deleteConfirm', { name: a.fileName })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutateAsync({ projectId: project.id, attachmentId: a.id }).then(
                () => message.success(t('projects.attachments.deleted')),
                (err) => message.error(errorMessage(err)),
              )
            }
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('projects.delete')} ${a.fileName}`}>
              {t('projects.delete')}
            </Button>
          </Popconfirm>,
        ]
      : []),
  ]

  return (
    <Card
      size="small"
      title={t('projects.attachments.title')}
      extra={
        canChange && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              send(file)
              return false
            }}
          >
            <Button size="small" icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
              {t('projects.attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {attachments.isError && <Alert type="error" showIcon title={errorMessage(attachments.error)} />}
      {attachments.isSuccess && attachments.data.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={canChange ? t('projects.attachments.emptyCanUpload') : t('projects.attachments.empty')}
        />
      ) : (
        <List<ProjectAttachment>
          aria-label={t('projects.attachments.title')}
          size="small"
          loading={attachments.isPending}
          dataSource={attachments.data ?? []}
          renderItem={(a) => (
            <List.Item actions={actions(a)}>
              <List.Item.Meta
                avatar={<PaperClipOutlined aria-hidden />}
                title={a.fileName}
                description={
                  <Typography.Text type="secondary">
                    {formatFileSize(a.sizeBytes)} · {a.createdBy ?? '—'} · {formatDateTime(a.createdAt)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
