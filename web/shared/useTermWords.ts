import { useTranslation } from 'react-i18next'

/**
 * Words of the rules that are data in Chinese — grades (优/良/中/差) and the frameworks' 一级/二级 names (产出指标…) —
 * in the current language. A name a jurisdiction added to its own framework shows as written.
 */
export function useTermWords() {
  const { t } = useTranslation()
  return {
    grade: (grade: string) => t(`labels.grades.${grade}`, { defaultValue: grade }),
    level: (name: string) => t(`labels.levels.${name}`, { defaultValue: name }),
  }
}
