import type { FormInstance } from 'antd'
import i18n from '../i18n'
import { ApiError } from '../api/client'

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message
  if (err instanceof Error && err.message) return err.message
  return i18n.t('errors.unknown')
}

/**
 * Puts VALIDATION_FAILED field errors on the matching form fields.
 * Returns false when nothing matched, so the caller shows the message instead.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false
  const known = new Set(Object.keys(form.getFieldsValue(true) as object))
  const fields = err.fieldErrors
    .map((e) => ({ name: e.path.split(/[./]/).filter(Boolean).at(-1) ?? '', errors: [e.message] }))
    .filter((f) => known.has(f.name))
  if (fields.length === 0) return false
  form.setFields(fields)
  return true
}
