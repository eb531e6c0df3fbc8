/**
 * The random draw of experts for an evaluation (专家库随机抽取) with avoidance (回避): an expert of the object's unit
 * or department, one who declared a relation to it, one engaged within the cool-down, or an inactive one is left out
 * with the reason. Seeded and pure, so the draw is reproduced from its recorded seed and candidate pool.
 */
import type { ExpertAvoidanceReason } from './evaluation.ts'
import { drawSample } from './seeded-draw.ts'

export interface PoolExpert {
  id: string
  name?: string
  fields: readonly string[]
  /** The org node the expert works at, when it is one of ours, and that node's department. */
  affiliationCode: string | null
  affiliationDepartmentCode: string | null
  /** Org codes the expert declared a relation to. */
  relatedCodes: readonly string[]
  /** When the expert last worked on an evaluation (drawn), if ever. */
  lastEngagedAt: Date | string | null
  active: boolean
}

export interface DrawObject {
  unitCode: string | null
  departmentCode: string | null
}

export interface DrawInput {
  pool: readonly PoolExpert[]
  object: DrawObject
  /** Fields of expertise: an expert with any of them is a candidate; none given means every expert. */
  fields?: readonly string[]
  count: number
  seed: string
  asOf: Date
  cooldownMonths: number
}

export interface DrawCandidate {
  id: string
  name?: string
  reasons: ExpertAvoidanceReason[]
}

export interface DrawResult {
  seed: string
  candidates: DrawCandidate[]
  drawn: string[]
  /** How many fewer were drawn than asked because too few candidates were left. */
  shortfall: number
}

export { newSeed } from './seeded-draw.ts'

const monthsBefore = (asOf: Date, months: number) => {
  const d = new Date(asOf)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d
}

/** Why an expert is left out of a draw for the object; empty when the expert may be drawn. */
export function avoidanceReasons(expert: PoolExpert, object: DrawObject, asOf: Date, cooldownMonths: number): ExpertAvoidanceReason[] {
  const reasons: ExpertAvoidanceReason[] = []
  if (object.unitCode && expert.affiliationCode === object.unitCode) reasons.push('same_unit')
  if (object.departmentCode && (expert.affiliationCode === object.departmentCode || expert.affiliationDepartmentCode === object.departmentCode)) reasons.push('same_department')
  const objectCodes = [object.unitCode, object.departmentCode].filter(Boolean)
  if (expert.relatedCodes.some((c) => objectCodes.includes(c))) reasons.push('declared_relation')
  if (expert.lastEngagedAt && cooldownMonths > 0 && new Date(expert.lastEngagedAt) > monthsBefore(asOf, cooldownMonths)) reasons.push('recently_engaged')
  if (!expert.active) reasons.push('inactive')
  return reasons
}

/**
 * Draws `count` experts: the pool narrowed to the fields, ordered by id (so the pool's order does not matter),
 * the avoided ones left out with their reasons, the rest drawn by the seed (`domain/seeded-draw.ts`).
 */
export function drawExperts(input: DrawInput): DrawResult {
  const wanted = new Set(input.fields ?? [])
  const pool = [...input.pool].filter((e) => wanted.size === 0 || e.fields.some((f) => wanted.has(f))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const candidates = pool.map((e) => ({ id: e.id, ...(e.name === undefined ? {} : { name: e.name }), reasons: avoidanceReasons(e, input.object, input.asOf, input.cooldownMonths) }))
  const eligible = candidates.filter((c) => c.reasons.length === 0).map((c) => c.id)
  const drawn = drawSample(eligible, input.count, input.seed)
  return { seed: input.seed, candidates, drawn, shortfall: Math.max(0, input.count - drawn.length) }
}

/** The experts' totals side by side: the spread (max − min) and whether it is above the threshold. */
export function scoreSpread(totals: readonly (string | number)[], threshold: number): { min: string | null; max: string | null; spread: string | null; flagged: boolean } {
  const values = totals.map(Number).filter((v) => Number.isFinite(v))
  if (values.length === 0) return { min: null, max: null, spread: null, flagged: false }
  const min = Math.min(...values)
  const max = Math.max(...values)
  const spread = Math.round((max - min) * 100) / 100
  return { min: min.toFixed(2), max: max.toFixed(2), spread: spread.toFixed(2), flagged: values.length > 1 && spread > threshold }
}
