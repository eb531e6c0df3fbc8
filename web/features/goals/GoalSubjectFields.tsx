import { Col, Form, Radio, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { goalKinds } from '../../../domain/goals'
import { fiscalYearOptions } from '../../shared/listFilters'
import { useCurrentUser } from '../auth/CurrentUser'
import { ProjectPicker } from '../indicators/ProjectPicker'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import type { Project } from '../projects/projects.types'
import type { GoalKind } from './goals.types'
import { useGoalVocabulary } from './goalVocabulary'

/** What a new goal is for: a project (and year of its period), a department as a whole, or a policy. */
export interface GoalSubject {
  kind: GoalKind
  projectId?: string
  fiscalYear: number
  /** The department (department goal) or the department or unit (policy goal). */
  orgCode?: string
}

/** A unit writes its project and policy goals; a department also its overall goal; the bureau any. */
export function kindsFor(orgKind: string): GoalKind[] {
  return orgKind === 'unit' ? goalKinds.filter((k) => k !== 'department') : [...goalKinds]
}

interface GoalSubjectFieldsProps {
  value: GoalSubject
  onChange: (next: GoalSubject) => void
  project: Project | undefined
}

export function GoalSubjectFields({ value, onChange, project }: GoalSubjectFieldsProps) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useGoalVocabulary()
  const set = (patch: Partial<GoalSubject>) => onChange({ ...value, ...patch })
  const years = project
    ? Array.from({ length: project.periodEndYear - project.periodStartYear + 1 }, (_, i) => project.periodStartYear + i).map((y) => ({ value: y, label: String(y) }))
    : fiscalYearOptions()
  // A unit's policy goal is its own; a department's overall goal is its own.
  const pickOrg = (value.kind === 'department' && user.org.kind === 'jurisdiction') || (value.kind === 'policy' && user.org.kind !== 'unit')

  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('goals.fields.kind')}>
        <Radio.Group
          aria-label={t('goals.fields.kind')}
          value={value.kind}
          onChange={(e) => set({ kind: e.target.value as GoalKind, projectId: undefined, orgCode: undefined })}
          options={kindsFor(user.org.kind).map((kind) => ({ value: kind, label: vocabulary.kind(kind) }))}
          optionType="button"
        />
      </Form.Item>
      <Row gutter={16}>
        {value.kind === 'project' && (
          <Col xs={24} md={14}>
            <Form.Item label={t('goals.fields.project')} required>
              <ProjectPicker value={value.projectId} onChange={(projectId) => set({ projectId })} width={520} />
            </Form.Item>
          </Col>
        )}
        {pickOrg && (
          <Col xs={24} md={14}>
            <Form.Item label={value.kind === 'department' ? t('goals.fields.department') : t('goals.fields.org')} required>
              <OrgTreeSelect
                kinds={value.kind === 'department' ? ['department'] : ['department', 'unit']}
                label={value.kind === 'department' ? t('goals.fields.department') : t('goals.fields.org')}
                value={value.orgCode}
                onChange={(orgCode) => set({ orgCode })}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={6}>
          <Form.Item label={t('goals.fields.fiscalYear')} required>
            <Select aria-label={t('goals.fields.fiscalYear')} options={years} value={value.fiscalYear} onChange={(fiscalYear: number) => set({ fiscalYear })} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  )
}
