import Decimal from 'decimal.js'
import { inUnit, parseIndicatorValue } from '../../../domain/indicator-value'
import type { GoalIndicatorInput, PeerTargets } from './goals.types'

export type PeerPosition = 'below' | 'within' | 'above'

/**
 * Where a row's target sits against what similar approved goals set: below their lowest, within, above their
 * highest. Null when it cannot be compared: qualitative, unreadable, or counted in another base unit (件 vs %).
 */
export function peerPosition(row: Pick<GoalIndicatorInput, 'target' | 'nature' | 'unit'>, peer: PeerTargets): PeerPosition | null {
  if (row.nature === 'qualitative' || !row.target.trim()) return null
  const value = parseIndicatorValue(row.target, { nature: row.nature, unit: row.unit })
  if (value.kind !== 'quantitative' || value.normalized.unit !== peer.unit) return null
  const target = new Decimal(value.normalized.value)
  if (target.lessThan(peer.min)) return 'below'
  if (target.greaterThan(peer.max)) return 'above'
  return 'within'
}

/**
 * The peers' median and range as the row counts them: in its unit (380.00万元, not 3800000元), thousands separated.
 * In the peers' base unit when the row's unit does not convert.
 */
export function peerFigures(peer: PeerTargets, rowUnit: string): { median: string; min: string; max: string; unit: string } {
  const unit = inUnit(peer.median, peer.unit, rowUnit) ? rowUnit : peer.unit
  const show = (value: string) => inUnit(value, peer.unit, unit)?.number ?? value
  return { median: show(peer.median), min: show(peer.min), max: show(peer.max), unit: inUnit(peer.median, peer.unit, unit)?.unit ?? peer.unit }
}
