import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { zhCN } from './zh-CN'

export type Language = 'zh-CN' | 'en'
export const LANGUAGE_STORAGE_KEY = 'jixiao.lang'

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

function applyToPage(lng: string) {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn')
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}

const initial = storedLanguage()
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React already escapes
})
applyToPage(initial)

export async function changeLanguage(lng: Language) {
  await i18n.changeLanguage(lng)
  applyToPage(lng)
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng)
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN'
}

export default i18n
