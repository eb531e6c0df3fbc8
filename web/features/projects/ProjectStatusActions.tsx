import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectStatus } from '../../../domain/projects'
import { errorMessage } from '../../shared/serverErrors'
import { useCurrentUser } from '../auth/CurrentUser'
import { allowedMoves, moveVerb, opinionOf } from './projectMoves'
import { useProjectVocabulary } from './projectVocabulary'
import { useMoveProject } from './projects.queries'
import type { Project } from './projects.types'

/** One button per lifecycle move the user may make; each is confirmed in a dialog (with an opinion for 入库/退回). */
export function ProjectStatusActions({ project }: { project: Project }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const moves = allowedMoves(project.status, user.permissions)
  const [target, setTarget] = useState<ProjectStatus | null>(null)
  if (moves.length === 0) return null
  return (
    <Space wrap>
      {moves.map((to) => {
        const verb = moveVerb(project.status, to)
        return (
          <Button key={to} danger={verb === 'cancel'} type={verb === 'cancel' ? 'default' : 'primary'} ghost={verb !== 'cancel'} onClick={() => setTarget(to)}>
            {t(`projects.moves.${verb}`)}
          </Button>
        )
      })}
      {target && <MoveDialog project={project} to={target} onClose={() => setTarget(null)} />}
    </Space>
  )
}

function MoveDialog({ project, to, onClose }: { project: Project; to: ProjectStatus; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const vocabulary = useProjectVocabulary()
  const move = useMoveProject()
  const [form] = Form.useForm<{ opinion?: string }>()
  const [error, setError] = useState<string | null>(null)
  const verb = moveVerb(project.status, to)
  const opinion = opinionOf(verb)
  const action = t(`projects.moves.${verb}`)

  async function confirm({ opinion: text }: { opinion?: string }) {
    setError(null)
    try {
      await move.mutateAsync({ id: project.id, status: to, version: project.version, opinion: text?.trim() || undefined })
      message.success(t('projects.moved', { action }))
      onClose()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <Modal
      open
      title={t('projects.moveTitle', { action })}
      okText={action}
      okButtonProps={{ danger: verb === 'cancel' }}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('projects.moveConfirm', { name: project.name, from: vocabulary.status(project.status), to: vocabulary.status(to) })}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} />}
        <Form form={form} layout="vertical" aria-label={t('projects.moveTitle', { action })} onFinish={confirm}>
          {opinion !== 'none' && (
            <Form.Item
              name="opinion"
              label={t('projects.opinion')}
              rules={opinion === 'required' ? [{ required: true, whitespace: true, message: t('projects.opinionRequired') }] : []}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          )}
        </Form>
      </Space>
    </Modal>
  )
}
