import type { FormInstance } from 'antd'
import { ApiError } from '../../api/client'

/**
 * Puts the server's field problems on the form's fields: VALIDATION_FAILED (field types) and RULE_VIOLATION (the
 * library's own rules: 二级 under 一级, a unit for numbers, years in order) both carry {path, message} details.
 * Returns false when none matched a field, so the caller shows the message instead.
 */
export function applyIndicatorFieldErrors(form: FormInstance, err: unknown, names: readonly string[]): boolean {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return false
  if (err.code !== 'VALIDATION_FAILED' && err.code !== 'RULE_VIOLATION') return false
  const known = new Set(names)
  const fields = (err.details as unknown[])
    .filter((d): d is { path: string; message: string } => typeof (d as { path?: unknown })?.path === 'string' && typeof (d as { message?: unknown })?.message === 'string')
    .map((d) => ({ name: d.path.split(/[./]/).filter(Boolean).at(-1) ?? '', errors: [d.message] }))
    .filter((f) => known.has(f.name))
  if (fields.length === 0) return false
  form.setFields(fields)
  return true
}
