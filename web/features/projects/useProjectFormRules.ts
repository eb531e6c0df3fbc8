import type { FormRule } from 'antd'
import { useTranslation } from 'react-i18next'
import { projectRuleProblems } from '../../../domain/projects'
import { parseAmount } from './amounts'
import { figuresOf } from './projectForm'

/** Rules on these fields compare years only. */
const yearRules = new Set(['fiscalYear', 'periodEndYear'])

/**
 * Client-side checks that mirror the server (server/modules/projects/projects.schemas.ts and the rules of
 * domain/projects.ts), so most mistakes show before saving; the server's answer is still shown on the fields.
 */
export function useProjectFormRules() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const required: FormRule = { required: true, message: t('common.required') }
  const isEmpty = (v: unknown) => v === undefined || v === null || String(v).trim() === ''

  const money: FormRule = {
    validator: (_, value?: string) =>
      isEmpty(value) || parseAmount(value) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('projects.validation.money'))),
  }

  /** One of the cross-field rules (period contains the year, medium-term ≥ total…), shown on `path`. */
  const domainRule =
    (path: string): FormRule =>
    ({ getFieldsValue }) => ({
      validator: () => {
        const figures = figuresOf(getFieldsValue(true), yearRules.has(path))
        const problem = figures && projectRuleProblems(figures).find((p) => p.path === path)
        return problem ? Promise.reject(new Error(problem[lang])) : Promise.resolve()
      },
    })

  return {
    required,
    money,
    domainRule,
    code: { pattern: /^[0-9A-Za-z_-]{1,64}$/, message: t('projects.validation.code') } satisfies FormRule,
    name: { min: 2, max: 200, whitespace: true, message: t('projects.validation.name') } satisfies FormRule,
    year: { type: 'number', min: 2000, max: 2100, message: t('projects.validation.year') } satisfies FormRule,
    phone: { pattern: /^[0-9+\-() ]{0,30}$/, message: t('projects.validation.phone') } satisfies FormRule,
  }
}
