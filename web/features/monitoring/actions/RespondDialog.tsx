import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Form, Input, List, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormModal } from '../../../shared/FormModal'
import { errorMessage } from '../../../shared/serverErrors'
import { useRespondAction, useUploadActionFile } from './actions.queries'
import type { ActionFile, CorrectiveAction } from './actions.types'

const MAX_FILE_BYTES = 20 * 1024 * 1024

/** 书面答复: the answer and the files it rests on (each uploaded to the action first, then named in the answer). */
export function RespondDialog({ action, onClose }: { action: CorrectiveAction; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const respond = useRespondAction()
  const upload = useUploadActionFile()
  const [files, setFiles] = useState<ActionFile[]>([])

  function send(file: File) {
    if (file.size > MAX_FILE_BYTES) {
      message.error(t('monitoringActions.respond.tooLarge', { name: file.name }))
      return
    }
    upload.mutateAsync({ id: action.id, file }).then(
      (stored) => {
        setFiles((current) => [...current, stored])
        message.success(t('monitoringActions.respond.uploaded', { name: file.name }))
      },
      (err) => message.error(errorMessage(err)),
    )
  }

  return (
    <FormModal<{ response: string }>
      title={t('monitoringActions.respond.title')}
      okText={t('monitoringActions.moves.respond')}
      onClose={onClose}
      onSubmit={({ response }) => respond.mutateAsync({ id: action.id, version: action.version, response, attachmentIds: files.map((f) => f.id) })}
    >
      <Form.Item name="response" label={t('monitoringActions.respond.response')} rules={[{ required: true, whitespace: true, min: 2, message: t('monitoringActions.respond.responseRequired') }]}>
        <Input.TextArea rows={5} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item label={t('monitoringActions.respond.files')}>
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            send(file)
            return false
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
            {t('monitoringActions.respond.upload')}
          </Button>
        </Upload>
        {files.length > 0 && (
          <List
            size="small"
            dataSource={files}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <Button key="remove" type="link" size="small" icon={<DeleteOutlined aria-hidden />} aria-label={`${t('monitoringActions.respond.remove')} ${f.fileName}`} onClick={() => setFiles((current) => current.filter((x) => x.id !== f.id))} />,
                ]}
              >
                <PaperClipOutlined aria-hidden /> {f.fileName}
              </List.Item>
            )}
          />
        )}
      </Form.Item>
    </FormModal>
  )
}
