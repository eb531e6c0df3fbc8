import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { goalEditableStatuses } from '../../../domain/goals'
import { formatDateTime } from '../../shared/format'
import { useCan } from '../auth/CurrentUser'
import type { Project } from '../projects/projects.types'
import { useRuleSet } from '../rules/rules.queries'
import { GoalStatusTag } from './GoalStatusTag'
import { budgetGateOf } from './budgetGate'
import { useGoalInForce, useGoals } from './goals.queries'
import { gradeColors, useGoalVocabulary } from './goalVocabulary'
import { useTermWords } from '../../shared/useTermWords'

const gateAlert = { ready: 'success', none: 'warning', pending: 'info', blocked: 'error', missingLevel1: 'error' } as const

/**
 * The project's performance goal of its year on the project page: its status, 复审 grade and whether it is in
 * force, and so whether the project may enter the budget — before anyone tries; with a way to open or compile it.
 */
export function ProjectGoalCard({ project }: { project: Project }) {
  const { t } = useTranslation()
  const words = useTermWords()
  const navigate = useNavigate()
  const canEdit = useCan('goal.edit')
  const vocabulary = useGoalVocabulary()
  const goals = useGoals({ projectId: project.id, fiscalYear: project.fiscalYear, pageSize: 10 })
  const inForce = useGoalInForce(project.id)
  const rules = useRuleSet(project.jurisdictionCode, project.fiscalYear)
  const gate = budgetGateOf(goals.data?.items ?? [], inForce.data ?? null, rules.data?.effective.rules)
  const goal = gate.state === 'none' ? undefined : gate.goal
  const latest = [...(goals.data?.items ?? [])].sort((a, b) => b.revision - a.revision)[0]

  return (
    <Card
      size="small"
      title={t('goals.projectCard.title', { year: project.fiscalYear })}
      loading={goals.isPending}
      extra={
        <Space wrap>
          {latest && (
            <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => navigate(`/goals/${latest.id}`)}>
              {t('goals.projectCard.open')}
            </Button>
          )}
          {latest && canEdit && goalEditableStatuses.includes(latest.status) && (
            <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/goals/${latest.id}/edit`)}>
              {t('goals.projectCard.edit')}
            </Button>
          )}
          {!latest && canEdit && (
            <Button size="small" type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(`/goals/new?projectId=${project.id}`)}>
              {t('goals.projectCard.compile')}
            </Button>
          )}
        </Space>
      }
    >
      <Alert
        type={gateAlert[gate.state]}
        showIcon
        title={t(`goals.projectCard.gate.${gate.state}`, { status: latest ? vocabulary.status(latest.status) : '', missing: gate.state === 'missingLevel1' ? gate.missing.join('、') : '', grade: goal?.financeGrade ? words.grade(goal.financeGrade) : '' })}
        style={{ marginBottom: goal ? 12 : 0 }}
      />
      {goal && latest && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'name', label: t('goals.fields.name'), span: 'filled', children: latest.name },
            { key: 'status', label: t('goals.fields.status'), children: <GoalStatusTag status={latest.status} /> },
            { key: 'revision', label: t('goals.fields.revision'), children: t('goals.revision', { revision: latest.revision }) },
            { key: 'grade', label: t('goals.fields.financeGrade'), children: latest.financeGrade ? <Tag color={gradeColors[latest.financeGrade]}>{words.grade(latest.financeGrade)}</Tag> : '—' },
            {
              key: 'inForce',
              label: t('goals.fields.inForce'),
              children: inForce.data ? <Tag color="green">{t('goals.projectCard.inForceSince', { at: formatDateTime(inForce.data.inForceFrom) })}</Tag> : <Tag>{t('goals.projectCard.notInForce')}</Tag>,
            },
          ]}
        />
      )}
    </Card>
  )
}
