import {
  type CostKind,
  type IndicatorNature,
  type IndicatorScope,
  type IndicatorStatus,
  type ProjectKind,
  type Sector,
  type ValueBasis,
  costKinds,
  indicatorNatureLabels,
  indicatorNatures,
  indicatorScopeLabels,
  indicatorScopes,
  indicatorStatusLabels,
  indicatorStatuses,
  projectKindLabels,
  projectKinds,
  sectorLabels,
  sectors,
  valueBases,
  valueBasisLabels,
} from '../../../domain/indicators'
import { useCodeLabels } from '../../shared/useCodeLabels'

/**
 * The library's code lists with labels in the current language. The labels live in domain/ (the export and the
 * server use the same ones); only the 101号 cost kinds, which the domain names in code alone, come from the locale.
 */
export function useIndicatorVocabulary() {
  const { t, labelOf, optionsOf } = useCodeLabels()
  const costKind = (code: CostKind) => t(`indicators.costKinds.${code}`)

  return {
    nature: labelOf<IndicatorNature>(indicatorNatureLabels),
    valueBasis: labelOf<ValueBasis>(valueBasisLabels),
    sector: labelOf<Sector>(sectorLabels),
    projectKind: labelOf<ProjectKind>(projectKindLabels),
    scope: labelOf<IndicatorScope>(indicatorScopeLabels),
    status: labelOf<IndicatorStatus>(indicatorStatusLabels),
    costKind,
    natureOptions: optionsOf(indicatorNatures, indicatorNatureLabels),
    valueBasisOptions: optionsOf(valueBases, valueBasisLabels),
    sectorOptions: optionsOf(sectors, sectorLabels),
    projectKindOptions: optionsOf(projectKinds, projectKindLabels),
    scopeOptions: optionsOf(indicatorScopes, indicatorScopeLabels),
    statusOptions: optionsOf(indicatorStatuses, indicatorStatusLabels),
    costKindOptions: costKinds.map((code) => ({ value: code, label: costKind(code) })),
  }
}

export type IndicatorVocabulary = ReturnType<typeof useIndicatorVocabulary>

/** Waiting (gold), live (green), turned down (red); superseded and retired rows are history (grey). */
export const indicatorStatusColors: Record<IndicatorStatus, string> = {
  proposed: 'gold',
  active: 'green',
  rejected: 'red',
  superseded: 'default',
  retired: 'default',
}
