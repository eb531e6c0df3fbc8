import { useTranslation } from 'react-i18next'

/** A code list's labels as domain/ writes them: Chinese and English per code. */
export type Labels<C extends string> = Record<C, { zh: string; en: string }>

/** Turns domain/ label tables into labels and select options in the current language. */
export function useCodeLabels() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const labelOf =
    <C extends string>(labels: Labels<C>) =>
    (code: C) =>
      labels[code]?.[lang] ?? code
  const optionsOf = <C extends string>(codes: readonly C[], labels: Labels<C>) => codes.map((code) => ({ value: code, label: labels[code][lang] }))
  return { t, labelOf, optionsOf }
}
