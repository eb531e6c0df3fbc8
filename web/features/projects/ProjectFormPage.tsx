import { Alert, Button, Result } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { editableStatuses } from '../../../domain/projects'
import { PageSpinner } from '../../layout/AppLayout'
import { errorMessage } from '../../shared/serverErrors'
import { useCurrentUser } from '../auth/CurrentUser'
import { ProjectForm } from './ProjectForm'
import { continuationValues, type ProjectFormValues, toFormValues } from './projectForm'
import { useCreateProject, useProject, useUpdateProject } from './projects.queries'
import type { Project } from './projects.types'

type UpdateProject = ReturnType<typeof useUpdateProject>['mutateAsync']

/** 新增项目 (/projects/new) and 编辑项目 (/projects/:id/edit). */
export function ProjectFormPage() {
  const { id } = useParams()
  const [search] = useSearchParams()
  const from = search.get('continueFrom')
  if (id) return <EditProject id={id} />
  return from ? <ContinueProject from={from} /> : <CreateProject />
}

/** 申报下一年度（延续） (/projects/new?continueFrom=<id>): the form prefilled from last year's project, same code. */
function ContinueProject({ from }: { from: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const project = useProject(from)
  if (project.isPending) return <PageSpinner />
  if (project.isError) {
    return <Result status="warning" title={errorMessage(project.error)} extra={<Button onClick={() => navigate('/projects')}>{t('projects.backToList')}</Button>} />
  }
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('projects.continueHint', { year: project.data.fiscalYear, name: project.data.name, code: project.data.code })} />
      <CreateProject key={from} prefill={continuationValues(project.data)} />
    </>
  )
}

function CreateProject({ prefill }: { prefill?: Partial<ProjectFormValues> }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const create = useCreateProject()
  // Projects are filed for next year's budget; the period starts as that one year.
  const year = dayjs().year() + 1
  const initialValues: Partial<ProjectFormValues> = {
    fiscalYear: year,
    periodStartYear: year,
    periodEndYear: year,
    attribute: 'new',
    isMajorNew: false,
    unitCode: user.org.kind === 'unit' ? user.org.code : undefined,
    ...prefill,
  }
  return (
    <ProjectForm
      label={prefill ? t('projects.continueNextYear') : t('projects.create')}
      creating
      initialValues={initialValues}
      onSubmit={(input) => create.mutateAsync(input)}
      onSaved={(project) => navigate(`/projects/${project.id}`, { replace: true })}
      onCancel={() => navigate('/projects')}
    />
  )
}

function EditProject({ id }: { id: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const project = useProject(id)
  const update = useUpdateProject()
  const back = () => navigate(`/projects/${id}`)

  if (project.isPending) return <PageSpinner />
  if (project.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(project.error)}
        extra={<Button onClick={() => navigate('/projects')}>{t('projects.backToList')}</Button>}
      />
    )
  }
  if (!editableStatuses.includes(project.data.status)) {
    return (
      <Result status="info" title={t('projects.notEditable')} extra={<Button onClick={back}>{t('projects.backToDetail')}</Button>} />
    )
  }
  return <EditForm project={project.data} onSubmit={update.mutateAsync} onDone={back} />
}

/**
 * Saves against the version the form was opened with: if someone else saved meanwhile, the server answers
 * VERSION_CONFLICT instead of the form silently overwriting their change.
 */
function EditForm({ project, onSubmit, onDone }: { project: Project; onSubmit: UpdateProject; onDone: () => void }) {
  const { t } = useTranslation()
  const [opened] = useState(() => ({ version: project.version, values: toFormValues(project) }))
  return (
    <ProjectForm
      label={t('projects.edit')}
      initialValues={opened.values}
      onSubmit={(input) => onSubmit({ id: project.id, version: opened.version, ...input })}
      onSaved={onDone}
      onCancel={onDone}
    />
  )
}
