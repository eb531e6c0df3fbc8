import { projectKindLabels, type ProjectKind, type Sector, sectorLabels } from '../../../domain/indicators.ts'
import type { Db, Trx } from '../../db/database.ts'
import { weightedTerms } from '../../platform/search.ts'

interface Indexable {
  id: string
  name: string
  level2: string
  definition: string
  sectors: readonly string[]
  projectKinds: readonly string[]
}

// The name says what an indicator is; its sector and project type say where it belongs; the definition adds words.
const FIELD_WEIGHTS = { name: 3, placement: 1, labels: 2, definition: 1 } as const

/** BM25 term frequencies of one indicator and its length. */
export function termsOf(row: Indexable) {
  const labels = [...row.sectors.map((s) => sectorLabels[s as Sector]?.zh), ...row.projectKinds.map((k) => projectKindLabels[k as ProjectKind]?.zh)].join(' ')
  const tf = weightedTerms([
    [row.name, FIELD_WEIGHTS.name],
    [row.level2, FIELD_WEIGHTS.placement],
    [labels, FIELD_WEIGHTS.labels],
    [row.definition, FIELD_WEIGHTS.definition],
  ])
  let length = 0
  for (const n of tf.values()) length += n
  return { tf, length }
}

/** Puts live rows (proposed, active, retired) in the search index; replaces what was there. */
export async function indexIndicators(trx: Db | Trx, rows: Indexable[]) {
  if (!rows.length) return
  const ids = rows.map((r) => r.id)
  await trx.deleteFrom('indicatorTerm').where('indicatorId', 'in', ids).execute()
  const terms: { term: string; indicatorId: string; tf: number }[] = []
  for (const row of rows) {
    const { tf, length } = termsOf(row)
    for (const [term, n] of tf) terms.push({ term, indicatorId: row.id, tf: n })
    await trx.updateTable('indicator').set({ docLength: length }).where('id', '=', row.id).execute()
  }
  for (let i = 0; i < terms.length; i += 2000) await trx.insertInto('indicatorTerm').values(terms.slice(i, i + 2000)).execute()
}

/** Takes superseded and rejected rows out of search. */
export async function unindexIndicator(trx: Trx, id: string) {
  await trx.deleteFrom('indicatorTerm').where('indicatorId', '=', id).execute()
}
