import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { type KeyEvaluationStage, keyEvaluationStageLabels } from '../../../../domain/evaluation'

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

/** One grade tag for every evaluation page, in the current language. */
export { GradeTag } from '../self/selfVocabulary'
