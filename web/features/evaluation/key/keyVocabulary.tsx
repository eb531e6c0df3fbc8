import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { type KeyEvaluationStage, keyEvaluationStageLabels } from '../../../../domain/evaluation'
import type { Grade } from '../../../../domain/scoring'

/** The domain's labels are { zh, en }: the one for the page's language. */
export function useLang(): 'zh' | 'en' {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'zh'
}

const stageColors: Record<KeyEvaluationStage, string> = { selected: 'default', planning: 'cyan', fieldwork: 'blue', exchange: 'orange', final: 'green', reported: 'purple' }

export function StageTag({ stage }: { stage: KeyEvaluationStage }) {
  const lang = useLang()
  return <Tag color={stageColors[stage]}>{keyEvaluationStageLabels[stage][lang]}</Tag>
}

const gradeColors: Record<Grade, string> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' }

export function GradeTag({ grade }: { grade: Grade | null }) {
  return grade ? <Tag color={gradeColors[grade]}>{grade}</Tag> : <>—</>
}
