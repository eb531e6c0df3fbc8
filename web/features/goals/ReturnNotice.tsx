import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { GoalDetail } from './goals.types'
import { useTermWords } from '../../shared/useTermWords'

/** Why a returned goal came back: the reviewers' opinions of the last round, above the editor. */
export function ReturnNotice({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation()
  const words = useTermWords()
  if (goal.status !== 'returned') return null
  const last = goal.opinions.filter((o) => o.round === goal.reviewRound - 1 && o.stage !== 'unit' && o.opinion)
  if (last.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      title={t('goals.editor.returnedWith', { round: goal.reviewRound - 1 })}
      description={last.map((o) => (
        <div key={o.id}>
          <Typography.Text strong>{t(`goals.opinions.stages.${o.stage}`)}</Typography.Text>
          {o.grade && ` · ${t('goals.gradeTag', { grade: words.grade(o.grade) })}`}
          {o.actorName && <Typography.Text type="secondary"> · {o.actorName}</Typography.Text>}：{o.opinion}
        </div>
      ))}
      style={{ marginBottom: 16 }}
    />
  )
}
