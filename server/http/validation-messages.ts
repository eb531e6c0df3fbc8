import { z } from 'zod'
import type { Language } from '../../domain/errors.ts'

const zodLocales = { zh: z.locales.zhCN(), en: z.locales.en() }
const MARK = 'i18n:'

/**
 * A schema's own message in both languages. Zod keeps one string per issue, so both travel together and
 * the request's language picks one when the error is reported.
 */
export function bilingual(zh: string, en: string): string {
  return `${MARK}${JSON.stringify({ zh, en })}`
}

/** The issue's message in the request's language: the schema's own if it has one, otherwise Zod's locale. */
export function localizeIssue(issue: { code?: string; message?: string } & Record<string, unknown>, lang: Language): string {
  if (issue.message?.startsWith(MARK)) return (JSON.parse(issue.message.slice(MARK.length)) as Record<Language, string>)[lang]
  const localized = zodLocales[lang].localeError?.(issue as never)
  return typeof localized === 'string' ? localized : (localized?.message ?? issue.message ?? '')
}
