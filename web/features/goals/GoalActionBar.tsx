import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { App, Button, Popconfirm, Space, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { usePinnedVersion } from '../../shared/ConflictNotice'
import { OpinionDialog } from '../../shared/OpinionDialog'
import { errorMessage } from '../../shared/serverErrors'
import { useCurrentUser } from '../auth/CurrentUser'
import { AssignExpertsDialog } from './AssignExpertsDialog'
import { GradeReviewDialog } from './GradeReviewDialog'
import { type GoalMove, availableMoves } from './goalActions'
import { findingsOfError } from './goalFindings'
import { useDeleteGoal, useGoal, useGoalAction, useReviewGoal, useSubmitExpertReview } from './goals.queries'
import { useGoalVocabulary } from './goalVocabulary'
import type { GoalDetail, SimpleAction } from './goals.types'

const simpleActions: readonly GoalMove[] = ['submit', 'withdraw', 'return', 'dept_approve', 'approve', 'publish']
const isSimple = (move: GoalMove): move is SimpleAction => simpleActions.includes(move)
/** The step that moves the goal on is the primary button; going back is red. */
const primary: readonly GoalMove[] = ['submit', 'dept_approve', 'review', 'approve', 'publish', 'expertReview']
const backwards: readonly GoalMove[] = ['return', 'withdraw']

/** The buttons for what this user may do with the goal now, each confirmed in a dialog; every action carries `version`. */
export function GoalActionBar({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const remove = useDeleteGoal()
  const [open, setOpen] = useState<GoalMove | null>(null)
  const moves = availableMoves(goal, user)
  // An open dialog outlives the buttons: when someone else moves the goal meanwhile, the refetch takes the
  // buttons away, but the dialog stays with what was typed and says what happened.
  if (moves.length === 0 && !open) return null

  const button = (move: GoalMove) => {
    const label = t(`goals.actions.${move}`)
    if (move === 'edit') return <Button key={move} icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/goals/${goal.id}/edit`)}>{label}</Button>
    if (move === 'adjust') return <Button key={move} onClick={() => navigate(`/goals/${goal.id}/adjust`)}>{label}</Button>
    if (move === 'delete') {
      return (
        <Popconfirm
          key={move}
          title={t('goals.confirm.delete', { name: goal.name })}
          okText={label}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            remove.mutateAsync({ id: goal.id, version: goal.version }).then(
              () => {
                message.success(t('goals.deleted'))
                navigate('/goals', { replace: true })
              },
              (err) => message.error(errorMessage(err)),
            )
          }
        >
          <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>
            {label}
          </Button>
        </Popconfirm>
      )
    }
    // 批复 needs a 复审 grade first; the server says which grades allow it.
    const ungraded = move === 'approve' && !goal.financeGrade
    const node = (
      <Button key={move} type={primary.includes(move) ? 'primary' : 'default'} danger={backwards.includes(move)} disabled={ungraded} onClick={() => setOpen(move)}>
        {label}
      </Button>
    )
    return ungraded ? <Tooltip key={move} title={t('goals.approveNeedsGrade')}>{node}</Tooltip> : node
  }

  // The dialog sits outside the Space: Space keys its items by position, so when the buttons change under an open
  // dialog, inside it would be remounted and lose what was typed.
  return (
    <>
      <Space wrap>{moves.map(button)}</Space>
      {open && <MoveDialog goal={goal} move={open} onClose={() => setOpen(null)} />}
    </>
  )
}

function MoveDialog({ goal, move, onClose }: { goal: GoalDetail; move: GoalMove; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useGoalVocabulary()
  const act = useGoalAction()
  const review = useReviewGoal()
  const expertReview = useSubmitExpertReview()
  const latest = useGoal(goal.id)
  const { version, reload } = usePinnedVersion(goal, latest.refetch, (fresh) =>
    availableMoves(fresh, user).includes(move) ? undefined : t('labels.conflict.nowStatus', { status: vocabulary.status(fresh.status) }),
  )
  const action = t(`goals.actions.${move}`)
  if (move === 'assignExperts') return <AssignExpertsDialog goal={goal} onClose={onClose} />
  if (move === 'review' || move === 'expertReview') {
    const expert = move === 'expertReview'
    return (
      <GradeReviewDialog
        title={t('goals.actionTitle', { action })}
        okText={action}
        expert={expert}
        onSubmit={(values) =>
          expert ? expertReview.mutateAsync({ id: goal.id, ...values }) : review.mutateAsync({ id: goal.id, version, grade: values.grade, dimensions: values.dimensions, opinion: values.opinion })
        }
        onReload={expert ? undefined : reload}
        onClose={onClose}
      />
    )
  }
  if (!isSimple(move)) return null

  async function send(opinion: string) {
    try {
      await act.mutateAsync({ id: goal.id, action: move as SimpleAction, version, opinion: opinion || undefined })
    } catch (err) {
      // A refused submit names what blocks it: say so in the dialog, not just "fails the quality check".
      const blocking = findingsOfError(err, i18n.language)
      throw blocking.length ? new Error(`${errorMessage(err)}：${blocking.map((f) => f.message).join('；')}`) : err
    }
  }
  return (
    <OpinionDialog
      title={t('goals.actionTitle', { action })}
      okText={action}
      danger={backwards.includes(move)}
      question={t(`goals.confirm.${move}`, { name: goal.name })}
      opinion={move === 'return' ? 'required' : 'optional'}
      opinionLabel={t('goals.opinion')}
      requiredMessage={t('goals.opinionRequired')}
      minLength={2}
      maxLength={2000}
      onSubmit={send}
      successMessage={t('goals.done', { action })}
      onReload={reload}
      onClose={onClose}
    />
  )
}
