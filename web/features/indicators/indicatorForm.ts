import {
  type CostKind,
  type IndicatorNature,
  type IndicatorScope,
  type Level1,
  type Level2,
  type ProjectKind,
  type Sector,
  type ValueBasis,
  legacyPlacement,
} from '../../../domain/indicators'
import type { IndicatorContentBody, IndicatorDetail } from './indicators.types'

export const COST_LEVEL2: Level2 = '成本指标'

/** What the indicator form holds; optional texts may be empty, years may be cleared. */
export interface IndicatorFormValues {
  name: string
  level1?: Level1
  level2?: Level2
  nature?: IndicatorNature
  unit?: string
  definition: string
  formula?: string
  dataSource?: string
  valueBasis: ValueBasis
  scoringRule?: string
  sectors?: Sector[]
  projectKinds?: ProjectKind[]
  scope: IndicatorScope
  costKind?: CostKind | null
  exampleTarget?: string | null
  validFromYear?: number | null
  validToYear?: number | null
  /** Why it is proposed (new indicators). */
  reason?: string
  /** Why it is revised (revisions; required there). */
  changeNote?: string
}

/** The 二级 choices under a 一级 of the 88号 tree; none until a 一级 is picked. */
export function level2Options(level1: Level1 | undefined): readonly Level2[] {
  return level1 ? legacyPlacement[level1] : []
}

/** Every nature but 定性 compares numbers, and a number needs its unit. */
export const needsUnit = (nature: IndicatorNature | undefined) => !!nature && nature !== 'qualitative'

/** Only 成本指标 say where they sit in the 101号 tree (economic, social or ecological cost). */
export const hasCostKind = (level2: Level2 | undefined) => level2 === COST_LEVEL2

/** A new indicator's starting values: valid from this year, 个性 and 计划标准, the usual choice for a proposal. */
export function newIndicatorValues(year: number): Partial<IndicatorFormValues> {
  return { scope: 'individual', valueBasis: 'plan', validFromYear: year, sectors: [], projectKinds: [] }
}

/** A revision starts from the current content; the change note is new each time. */
export function formValuesOf(row: IndicatorDetail): IndicatorFormValues {
  return {
    name: row.name,
    level1: row.level1,
    level2: row.level2,
    nature: row.nature,
    unit: row.unit,
    definition: row.definition,
    formula: row.formula,
    dataSource: row.dataSource,
    valueBasis: row.valueBasis,
    scoringRule: row.scoringRule,
    sectors: row.sectors,
    projectKinds: row.projectKinds,
    scope: row.scope,
    costKind: row.costKind,
    exampleTarget: row.exampleTarget,
    validFromYear: row.validFromYear,
    validToYear: row.validToYear,
  }
}

const text = (value: string | null | undefined) => (value ?? '').trim()

/**
 * The body the server expects from validated form values: texts trimmed, empty optionals as null, a cost kind only
 * for 成本指标 (economic when none was picked) and no unit for a qualitative indicator.
 */
export function toContentBody(v: IndicatorFormValues): IndicatorContentBody {
  const cost = hasCostKind(v.level2)
  return {
    name: text(v.name),
    level1: v.level1!,
    level2: v.level2!,
    nature: v.nature!,
    unit: v.nature === 'qualitative' ? '' : text(v.unit),
    definition: text(v.definition),
    formula: text(v.formula),
    dataSource: text(v.dataSource),
    valueBasis: v.valueBasis,
    scoringRule: text(v.scoringRule),
    sectors: v.sectors ?? [],
    projectKinds: v.projectKinds ?? [],
    scope: v.scope,
    costKind: cost ? (v.costKind ?? 'economic') : null,
    exampleTarget: text(v.exampleTarget) || null,
    validFromYear: v.validFromYear!,
    validToYear: v.validToYear ?? null,
  }
}

/** The last valid year may be left open, but not before the first. */
export const validYearsInOrder = (from: number | null | undefined, to: number | null | undefined) =>
  to === null || to === undefined || from === null || from === undefined || to >= from
