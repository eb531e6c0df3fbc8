import { ApiError } from '../../api/client'
import type { GoalFinding } from './goals.types'

/** A finding, or a field error of the server's validation, in the language shown. */
export interface Finding {
  severity: 'error' | 'warning'
  /** "overallTarget", "indicators.3.target", "indicators". */
  path: string
  message: string
  /** The rule it enforces, when the quality check names one. */
  rule?: string
  code?: string
}

export function localizeFindings(findings: readonly GoalFinding[], lang: string): Finding[] {
  return findings.map((f) => ({ severity: f.severity, path: f.path, message: lang === 'en' ? f.en : f.zh, rule: f.rule, code: f.code }))
}

/** Where a path points: a field of the goal, a field of one indicator row, or the indicators as a whole. */
export type FindingPlace = { kind: 'goal'; field: string } | { kind: 'row'; index: number; field: string } | { kind: 'indicators' }

export function placeOf(path: string): FindingPlace {
  const parts = path.replace(/^body\./, '').split('.')
  if (parts[0] === 'indicators') {
    const index = Number(parts[1])
    if (parts.length >= 2 && Number.isInteger(index)) return { kind: 'row', index, field: parts[2] ?? 'name' }
    return { kind: 'indicators' }
  }
  return { kind: 'goal', field: parts[0] ?? '' }
}

/** The findings on one goal field ("annualTarget"). */
export const goalFieldFindings = (findings: readonly Finding[], field: string) =>
  findings.filter((f) => {
    const place = placeOf(f.path)
    return place.kind === 'goal' && place.field === field
  })

/** The findings on one field of the row at `index`; field 'name' also takes those about the row as a whole. */
export const rowFieldFindings = (findings: readonly Finding[], index: number, field: string) =>
  findings.filter((f) => {
    const place = placeOf(f.path)
    return place.kind === 'row' && place.index === index && place.field === field
  })

/** Errors first, then warnings, each in the order the check found them. */
export const bySeverity = (findings: readonly Finding[]) => [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))

/**
 * What a refused save or submit says about the fields: the validation errors (400) and the quality check's blocking
 * findings (422 GOAL_QUALITY), in one shape; an empty list for any other error.
 */
export function findingsOfError(err: unknown, lang: string): Finding[] {
  if (!(err instanceof ApiError)) return []
  if (err.code === 'GOAL_QUALITY' && Array.isArray(err.details)) return localizeFindings(err.details as GoalFinding[], lang)
  return err.fieldErrors.map((e) => ({ severity: 'error', path: e.path.replace(/^body\./, ''), message: e.message }))
}
