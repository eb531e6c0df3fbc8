import { Tag } from 'antd'
import {
  type AssessorKind,
  assessorKindLabels,
  type ExAnteAttachmentItem,
  exAnteAttachmentLabels,
  type ExAnteConclusion,
  exAnteConclusionLabels,
  exAnteConclusions,
  type ExAnteKind,
  exAnteKindLabels,
  type ExAnteStatus,
  exAnteStatusLabels,
  exAnteStatuses,
} from '../../../domain/exante'
import type { Grade } from '../../../domain/rule-set'
import { useCodeLabels } from '../../shared/useCodeLabels'
import { useTermWords } from '../../shared/useTermWords'

/** The ex-ante code lists in the current language; the labels live in domain/exante.ts. */
export function useExAnteVocabulary() {
  const { labelOf, optionsOf } = useCodeLabels()
  return {
    status: labelOf<ExAnteStatus>(exAnteStatusLabels),
    conclusion: labelOf<ExAnteConclusion>(exAnteConclusionLabels),
    assessorKind: labelOf<AssessorKind>(assessorKindLabels),
    kind: labelOf<ExAnteKind>(exAnteKindLabels),
    attachment: labelOf<ExAnteAttachmentItem>(exAnteAttachmentLabels),
    statusOptions: optionsOf(exAnteStatuses, exAnteStatusLabels),
    conclusionOptions: optionsOf(exAnteConclusions, exAnteConclusionLabels),
  }
}

const statusColors: Record<ExAnteStatus, string> = { draft: 'gold', submitted: 'blue', completed: 'green' }
const conclusionColors: Record<ExAnteConclusion, string> = { 予以支持: 'green', 调整后支持: 'orange', 不予支持: 'red' }
const gradeColors: Record<Grade, string> = { 优: 'green', 良: 'cyan', 中: 'orange', 差: 'red' }

export function ExAnteStatusTag({ status }: { status: ExAnteStatus }) {
  return <Tag color={statusColors[status]}>{useExAnteVocabulary().status(status)}</Tag>
}

export function ConclusionTag({ conclusion }: { conclusion: ExAnteConclusion | null }) {
  const vocabulary = useExAnteVocabulary()
  return conclusion ? <Tag color={conclusionColors[conclusion]}>{vocabulary.conclusion(conclusion)}</Tag> : <>—</>
}

export function RatingTag({ rating }: { rating: Grade | null }) {
  const words = useTermWords()
  return rating ? <Tag color={gradeColors[rating]}>{words.grade(rating)}</Tag> : <>—</>
}
