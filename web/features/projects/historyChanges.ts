import { changedFields } from '../audit/AuditChanges'

/** Bookkeeping columns that change on every save and say nothing to a reader. */
const bookkeeping = new Set(['id', 'version', 'updatedAt', 'createdAt', 'createdBy', 'searchText'])

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

/** What an edit changed, field by field, without the bookkeeping columns. */
export function editChanges(before: unknown, after: unknown): FieldChange[] {
  const a = asRecord(before)
  const b = asRecord(after)
  return changedFields(a, b)
    .filter((field) => !bookkeeping.has(field))
    .map((field) => ({ field, before: a[field], after: b[field] }))
}

/** A text field of an audit snapshot, if it has one. */
export function textOf(snapshot: unknown, field: string): string | undefined {
  const value = asRecord(snapshot)[field]
  return typeof value === 'string' ? value : undefined
}
