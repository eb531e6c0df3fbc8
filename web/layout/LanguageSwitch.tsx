import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { type Language, changeLanguage, currentLanguage } from '../i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <Segmented<Language>
      aria-label={t('common.language')}
      size="small"
      value={i18n.language === 'en' ? 'en' : currentLanguage()}
      onChange={(lng) => void changeLanguage(lng)}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  )
}
