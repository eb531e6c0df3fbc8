import { Alert, App, Button, Card, Flex, Form, Space } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../shared/serverErrors'
import { ProjectBasicSection } from './ProjectBasicSection'
import { ProjectFundingSection } from './ProjectFundingSection'
import { ProjectContactSection, ProjectPeriodSection } from './ProjectPeriodContactSection'
import { type ProjectFormValues, serverFieldErrors, toProjectInput } from './projectForm'
import type { Project, ProjectInput } from './projects.types'

interface ProjectFormProps {
  /** Accessible name of the form: 新增项目 or 编辑项目. */
  label: string
  initialValues: Partial<ProjectFormValues>
  onSubmit: (input: ProjectInput) => Promise<Project>
  onSaved: (project: Project) => void
  onCancel: () => void
}

/**
 * The project form in sections. Checks mirror the server's; whatever the server still refuses comes back on
 * the fields it names, and its message shows above the form.
 */
export function ProjectForm({ label, initialValues, onSubmit, onSaved, onCancel }: ProjectFormProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<ProjectFormValues>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(values: ProjectFormValues) {
    setSaving(true)
    setError(null)
    try {
      const saved = await onSubmit(toProjectInput(values))
      message.success(t('common.saved'))
      onSaved(saved)
    } catch (err) {
      const known = Object.keys(form.getFieldsValue(true) as object)
      const fields = serverFieldErrors(err, known).map((f) => ({ ...f, name: f.name as keyof ProjectFormValues }))
      form.setFields(fields)
      setError(errorMessage(err))
      if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' })
    } finally {
      setSaving(false)
    }
  }

  const section = (title: string, body: ReactNode) => (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <section aria-label={title}>{body}</section>
    </Card>
  )

  return (
    <Form<ProjectFormValues>
      form={form}
      layout="vertical"
      aria-label={label}
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
      scrollToFirstError={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {section(t('projects.sections.basic'), <ProjectBasicSection />)}
      {section(t('projects.sections.funding'), <ProjectFundingSection />)}
      {section(t('projects.sections.period'), <ProjectPeriodSection />)}
      {section(t('projects.sections.contact'), <ProjectContactSection />)}
      <Flex justify="end">
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Space>
      </Flex>
    </Form>
  )
}
