import type { GoalContent } from '../../../domain/goals.ts'
import { parseIndicatorValue } from '../../../domain/indicator-value.ts'
import type { Db, Trx } from '../../db/database.ts'
import { AppError } from '../../http/errors.ts'
import * as repo from './goals.repository.ts'

/** Indicator rows as stored: the library code of a picked row, the target in a base unit for peer medians. */
export async function indicatorRowsOf(db: Db | Trx, content: GoalContent) {
  const picked = content.indicators.map((i) => i.indicatorId).filter((id): id is string => !!id)
  const library = new Map((await repo.libraryRows(db, [...new Set(picked)])).map((r) => [r.id, r]))
  return content.indicators.map((input, index) => {
    const source = input.indicatorId ? library.get(input.indicatorId) : null
    if (input.indicatorId && !source) throw new AppError('NOT_FOUND', [{ path: `indicators.${index}.indicatorId`, message: input.indicatorId }])
    const value = parseIndicatorValue(input.target, { nature: input.nature, unit: input.unit })
    const quantitative = value.kind === 'quantitative' && input.nature !== 'qualitative'
    return {
      ...input,
      indicatorCode: source?.code ?? null,
      targetNumber: quantitative ? value.normalized.value : null,
      targetBaseUnit: quantitative ? value.normalized.unit : null,
    }
  })
}


/** The goal's own text columns, as written from its content. */
export function goalTextColumns(content: GoalContent) {
  return { name: content.name, overallTarget: content.overallTarget, mediumTermTarget: content.mediumTermTarget, annualTarget: content.annualTarget }
}
