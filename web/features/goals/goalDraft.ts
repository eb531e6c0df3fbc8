import { parseIndicatorValue } from '../../../domain/indicator-value'
import type { IndicatorNature, ValueBasis } from '../../../domain/indicators'
import type { ContentBody, GoalIndicatorInput, GoalView } from './goals.types'
import type { Placement } from './indicatorGroups'

/** One indicator row in the editor: what is saved, plus a key for React and the library code for peer targets. */
export interface DraftRow extends GoalIndicatorInput {
  key: string
  indicatorCode: string | null
}

export interface GoalDraft {
  name: string
  overallTarget: string
  mediumTermTarget: string
  annualTarget: string
  indicators: DraftRow[]
}

let counter = 0
const newKey = () => `new-${++counter}`

export const emptyDraft = (name = ''): GoalDraft => ({ name, overallTarget: '', mediumTermTarget: '', annualTarget: '', indicators: [] })

export function draftOf(goal: GoalView): GoalDraft {
  return {
    name: goal.name,
    overallTarget: goal.overallTarget,
    mediumTermTarget: goal.mediumTermTarget,
    annualTarget: goal.annualTarget,
    indicators: goal.indicators.map(({ id, indicatorRevision: _r, ...row }) => ({ ...row, key: id })),
  }
}

/** The body of a save: the rows without the editor's own fields, empty optional values as null. */
export function contentOf(draft: GoalDraft): ContentBody {
  return {
    name: draft.name.trim(),
    overallTarget: draft.overallTarget,
    mediumTermTarget: draft.mediumTermTarget,
    annualTarget: draft.annualTarget,
    indicators: draft.indicators.map(({ key: _k, indicatorCode: _c, ...row }) => ({
      ...row,
      mediumTermTarget: row.mediumTermTarget?.trim() ? row.mediumTermTarget : null,
      weight: row.weight?.trim() ? row.weight.trim() : null,
    })),
  }
}

/** A blank individual indicator (个性指标) written by the unit. */
export const blankRow = (placement: Placement): DraftRow => ({
  key: newKey(),
  ...placement,
  name: '',
  indicatorId: null,
  indicatorCode: null,
  nature: '>=',
  target: '',
  unit: '',
  mediumTermTarget: null,
  weight: null,
  valueBasis: 'plan',
  scoringRule: '',
})

export interface LibraryPick {
  id: string
  code: string
  name: string
  nature: IndicatorNature
  unit: string
  exampleTarget: string | null
  /** From the indicator's detail, when it could be read. */
  scoringRule?: string
  valueBasis?: ValueBasis
}

/**
 * A row taken from the library, placed where the framework puts it. The example target ("≥80个") seeds the value:
 * its number alone when it is one bound in the library's unit, otherwise the text as written.
 */
export function rowFromLibrary(pick: LibraryPick, placement: Placement): DraftRow {
  const example = pick.exampleTarget ?? ''
  const value = example ? parseIndicatorValue(example, { nature: pick.nature, unit: pick.unit }) : null
  const plain = value?.kind === 'quantitative' && !value.range && (value.unit === pick.unit || !value.unit)
  return {
    ...blankRow(placement),
    name: pick.name,
    indicatorId: pick.id,
    indicatorCode: pick.code,
    nature: pick.nature,
    target: plain ? value.value : example,
    unit: pick.unit,
    scoringRule: pick.scoringRule ?? '',
    valueBasis: pick.valueBasis ?? 'plan',
  }
}
