import { Form, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { FormModal } from '../../shared/FormModal'
import { useAssignExperts, useExpertCandidates } from './goals.queries'
import type { GoalDetail } from './goals.types'

/** The bureau asks experts of its pool to review a goal in this 复审 round; they answer side by side. */
export function AssignExpertsDialog({ goal, onClose }: { goal: GoalDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const candidates = useExpertCandidates(true)
  const assign = useAssignExperts()
  const already = new Set(goal.expertReviews.filter((r) => r.round === goal.reviewRound).map((r) => r.expertId))
  return (
    <FormModal<{ expertIds: string[] }>
      title={t('goals.actions.assignExperts')}
      okText={t('goals.experts.assign')}
      onSubmit={({ expertIds }) => assign.mutateAsync({ id: goal.id, version: goal.version, expertIds })}
      onClose={onClose}
    >
      <Form.Item name="expertIds" label={t('goals.experts.pick')} rules={[{ required: true, message: t('goals.experts.pickRequired') }]}>
        <Select
          mode="multiple"
          aria-label={t('goals.experts.pick')}
          loading={candidates.isPending}
          optionFilterProp="label"
          options={(candidates.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.orgName}）`, disabled: already.has(u.id) }))}
          notFoundContent={t('goals.experts.noCandidates')}
        />
      </Form.Item>
    </FormModal>
  )
}
