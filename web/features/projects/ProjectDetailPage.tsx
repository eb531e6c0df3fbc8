import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FileAddOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Popconfirm, Row, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { editableStatuses } from '../../../domain/projects'
import { PageSpinner } from '../../layout/AppLayout'
import { errorMessage } from '../../shared/serverErrors'
import { useCan } from '../auth/CurrentUser'
import { ProjectExAnteCard } from '../exante/ProjectExAnteCard'
import { ProjectGoalCard } from '../goals/ProjectGoalCard'
import { ProjectHoldBanner } from '../monitoring/actions/ProjectHoldBanner'
import { LastYearResultPanel } from '../results/budget/LastYearResultPanel'
import { ProjectAccountabilityCard } from '../results/accountability/ProjectAccountabilityCard'
import { ProjectResultsLink } from '../results/views/ProjectResultsLink'
import { ProjectAttachments } from './ProjectAttachments'
import { ProjectTransferSource } from './ProjectTransferSource'
import { ProjectTransfers } from './ProjectTransfers'
import { ProjectDescriptions } from './ProjectDescriptions'
import { ProjectHistory } from './ProjectHistory'
import { ProjectStatusActions } from './ProjectStatusActions'
import { LoadFailed } from '../../shared/LoadFailed'
import { ProjectStatusTag } from './ProjectStatusTag'
import { useDeleteProject, useProject } from './projects.queries'
import type { Project } from './projects.types'

/** 项目详情: every field, the lifecycle buttons this user may press, the history and the attachments. */
export function ProjectDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id } = useParams()
  const project = useProject(id)

  if (project.isPending) return <PageSpinner />
  if (project.isError) return <LoadFailed query={project} backTo="/projects" backLabel={t('projects.backToList')} />
  const p = project.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ProjectHoldBanner project={p} />
      <LastYearResultPanel projectId={p.id} />
      <Card
        size="small"
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('projects.backToList')} onClick={() => navigate('/projects')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {p.name}
            </Typography.Title>
            <ProjectStatusTag status={p.status} />
          </Space>
        }
        extra={<ProjectActions project={p} />}
      >
        <ProjectDescriptions project={p} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ProjectExAnteCard project={p} />
        </Col>
        <Col xs={24} lg={12}>
          <ProjectGoalCard project={p} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ProjectHistory projectId={p.id} />
        </Col>
        <Col xs={24} lg={12}>
          <ProjectAttachments project={p} />
        </Col>
      </Row>
      <ProjectTransfers project={p} />
      <ProjectTransferSource project={p} />
      <ProjectAccountabilityCard project={p} />
    </Space>
  )
}

/** 编辑 and 删除 while the unit may still change the project, then the lifecycle moves. */
function ProjectActions({ project }: { project: Project }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const canEdit = useCan('project.edit')
  const remove = useDeleteProject()
  const editable = canEdit && editableStatuses.includes(project.status)
  // Only reserve projects can be deleted; later ones are cancelled, keeping their history.
  const deletable = canEdit && project.status === 'reserve'
  // A project that ran (or runs) this year is requested again next year as 延续: same code, prefilled form.
  const canCreate = canEdit && project.status !== 'reserve' && project.status !== 'cancelled'

  return (
    <Space wrap>
      <ProjectStatusActions project={project} />
      <ProjectResultsLink projectId={project.id} />
      {canCreate && (
        <Button icon={<FileAddOutlined aria-hidden />} onClick={() => navigate(`/projects/new?continueFrom=${project.id}`)}>
          {t('projects.continueNextYear')}
        </Button>
      )}
      {editable && (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/projects/${project.id}/edit`)}>
          {t('common.edit')}
        </Button>
      )}
      {deletable && (
        <Popconfirm
          title={t('projects.deleteConfirm', { name: project.name })}
          okText={t('projects.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            remove.mutateAsync({ id: project.id, version: project.version }).then(
              () => {
                message.success(t('projects.deleted'))
                navigate('/projects', { replace: true })
              },
              (err) => message.error(errorMessage(err)),
            )
          }
        >
          <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>
            {t('projects.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  )
}
