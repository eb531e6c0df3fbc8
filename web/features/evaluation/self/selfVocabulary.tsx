import { Tag, Tooltip, Typography } from 'antd'
import { type SelfEvalRoundStatus, selfEvalRoundStatuses, selfEvalRoundStatusLabels, type SelfEvalStatus, selfEvalStatuses, selfEvalStatusLabels } from '../../../../domain/evaluation'
import { grades } from '../../../../domain/rule-set'
import type { Explained, Grade } from '../../../../domain/scoring'
import { useCodeLabels } from '../../../shared/useCodeLabels'
import { useTermWords } from '../../../shared/useTermWords'

/** The self-evaluation code lists in the current language; the labels live in domain/evaluation.ts. */
export function useSelfVocabulary() {
  const { labelOf, optionsOf } = useCodeLabels()
  return {
    status: labelOf<SelfEvalStatus>(selfEvalStatusLabels),
    roundStatus: labelOf<SelfEvalRoundStatus>(selfEvalRoundStatusLabels),
    statusOptions: optionsOf(selfEvalStatuses, selfEvalStatusLabels),
    roundStatusOptions: optionsOf(selfEvalRoundStatuses, selfEvalRoundStatusLabels),
    gradeOptions: grades.map((g) => ({ value: g, label: g })),
  }
}

const statusColors: Record<SelfEvalStatus, string> = { draft: 'default', submitted: 'processing', dept_accepted: 'cyan', returned: 'red', accepted: 'green' }
const roundColors: Record<SelfEvalRoundStatus, string> = { opening: 'processing', open: 'green', closed: 'default' }
const gradeColors: Record<Grade, string> = { 优: 'green', 良: 'blue', 中: 'gold', 差: 'red' }

export function SelfStatusTag({ status }: { status: SelfEvalStatus }) {
  return <Tag color={statusColors[status]}>{useSelfVocabulary().status(status)}</Tag>
}

export function SelfRoundStatusTag({ status }: { status: SelfEvalRoundStatus }) {
  return <Tag color={roundColors[status]}>{useSelfVocabulary().roundStatus(status)}</Tag>
}

export function GradeTag({ grade }: { grade: Grade | null | undefined }) {
  const words = useTermWords()
  if (!grade) return <Typography.Text type="secondary">—</Typography.Text>
  return <Tag color={gradeColors[grade]}>{words.grade(grade)}</Tag>
}

/** A figure with its rule and formula on hover (focusable for the keyboard). */
export function ExplainedFigure({ value, explained, suffix = '' }: { value: string | null; explained: Pick<Explained<unknown>, 'rule' | 'formula'> | null | undefined; suffix?: string }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>
  if (!explained) return <>{value + suffix}</>
  return (
    <Tooltip
      title={
        <>
          <div>{explained.rule}</div>
          <div>{explained.formula}</div>
        </>
      }
    >
      <span tabIndex={0} style={{ borderBottom: '1px dashed' }}>
        {value + suffix}
      </span>
    </Tooltip>
  )
}
