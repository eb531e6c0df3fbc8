import { Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectStatus } from '../../../domain/projects'
import { usePinnedVersion } from '../../shared/ConflictNotice'
import { OpinionDialog } from '../../shared/OpinionDialog'
import { useCurrentUser } from '../auth/CurrentUser'
import { allowedMoves, moveVerb, opinionOf } from './projectMoves'
import { useProjectVocabulary } from './projectVocabulary'
import { useMoveProject, useProject } from './projects.queries'
import type { Project } from './projects.types'

/** One button per lifecycle move the user may make; each is confirmed in a dialog (with an opinion for 入库/退回). */
export function ProjectStatusActions({ project }: { project: Project }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const moves = allowedMoves(project.status, user.permissions)
  const [target, setTarget] = useState<ProjectStatus | null>(null)
  // An open dialog outlives the buttons (someone else may move the project meanwhile), and sits outside the Space,
  // whose position-keyed items would remount it and lose what was typed.
  if (moves.length === 0 && !target) return null
  return (
    <>
      <Space wrap>
        {moves.map((to) => {
          const verb = moveVerb(project.status, to)
          return (
            <Button key={to} danger={verb === 'cancel'} type={verb === 'cancel' ? 'default' : 'primary'} ghost={verb !== 'cancel'} onClick={() => setTarget(to)}>
              {t(`projects.moves.${verb}`)}
            </Button>
          )
        })}
      </Space>
      {target && <MoveDialog project={project} to={target} onClose={() => setTarget(null)} />}
    </>
  )
}

function MoveDialog({ project, to, onClose }: { project: Project; to: ProjectStatus; onClose: () => void }) {
  const { t } = useTranslation()
  const vocabulary = useProjectVocabulary()
  const move = useMoveProject()
  const user = useCurrentUser()
  const latest = useProject(project.id)
  const { version, reload } = usePinnedVersion(project, latest.refetch, (fresh) =>
    allowedMoves(fresh.status, user.permissions).includes(to) ? undefined : t('labels.conflict.nowStatus', { status: vocabulary.status(fresh.status) }),
  )
  const verb = moveVerb(project.status, to)
  const action = t(`projects.moves.${verb}`)
  return (
    <OpinionDialog
      title={t('projects.moveTitle', { action })}
      okText={action}
      danger={verb === 'cancel'}
      question={t('projects.moveConfirm', { name: project.name, from: vocabulary.status(project.status), to: vocabulary.status(to) })}
      opinion={opinionOf(verb)}
      opinionLabel={t('projects.opinion')}
      requiredMessage={t('projects.opinionRequired')}
      maxLength={500}
      onSubmit={(opinion) => move.mutateAsync({ id: project.id, status: to, version, opinion: opinion || undefined })}
      onReload={reload}
      successMessage={t('projects.moved', { action })}
      onClose={onClose}
    />
  )
}
