import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BudgetProposalAction } from '../../../../domain/rule-set'

const actionColors: Record<BudgetProposalAction, string> = { priority: 'green', maintain: 'blue', cut: 'orange', cancel: 'red' }
export const proposalActions: BudgetProposalAction[] = ['priority', 'maintain', 'cut', 'cancel']

export function ProposalActionTag({ action }: { action: BudgetProposalAction }) {
  const { t } = useTranslation()
  return <Tag color={actionColors[action]}>{t(`budgetDecisions.actions.${action}`)}</Tag>
}
