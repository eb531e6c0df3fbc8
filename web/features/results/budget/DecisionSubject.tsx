import { Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { BudgetDecision } from './budget.types'

/** What a decision is about: a project (linked, with its code), a department as a whole, or a district's transfers. */
export function DecisionSubject({ decision }: { decision: Pick<BudgetDecision, 'subjectKind' | 'subjectName' | 'projectId' | 'projectName' | 'projectCode'> }) {
  const { t } = useTranslation()
  if (decision.subjectKind !== 'project' || !decision.projectId) {
    return (
      <Space orientation="vertical" size={0}>
        <Typography.Text>{decision.subjectName}</Typography.Text>
        <Tag color={decision.subjectKind === 'district' ? 'geekblue' : 'cyan'} style={{ width: 'fit-content' }}>
          {t(`budgetDecisions.subjects.${decision.subjectKind}`)}
        </Tag>
      </Space>
    )
  }
  return (
    <Space orientation="vertical" size={0}>
      <Link to={`/projects/${decision.projectId}`}>{decision.projectName}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {decision.projectCode}
      </Typography.Text>
    </Space>
  )
}
