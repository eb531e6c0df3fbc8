import { type SelectQueryBuilder, sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../http/context.ts'
import { indicatorVisibleTo } from '../../platform/scope.ts'
import type { IndicatorListFilter } from './indicators.schemas.ts'

// BM25's usual constants: term-frequency saturation and length normalisation.
const K1 = 1.2
const B = 0.75

export const indicatorListColumns = [
  'indicator.id',
  'indicator.code',
  'indicator.revision',
  'indicator.name',
  'indicator.level1',
  'indicator.level2',
  'indicator.nature',
  'indicator.unit',
  'indicator.sectors',
  'indicator.projectKinds',
  'indicator.scope',
  'indicator.costKind',
  'indicator.exampleTarget',
  'indicator.status',
  'indicator.ownerJurisdictionCode',
  'indicator.validFromYear',
  'indicator.validToYear',
  'indicator.version',
  'indicator.updatedAt',
] as const

/**
 * BM25 scores of the live rows matching any of the weighted query terms, as a derived table (indicator_id, score,
 * matched). Collection statistics (N, average length, document frequency) come from the whole live library, so a
 * filter narrows the results without changing their scores.
 */
export function bm25(terms: string[], weights: number[]) {
  return sql<{ indicatorId: string; score: number; matched: string[] }>`(
    with q as (select * from unnest(${terms}::text[], ${weights}::real[]) as q(term, weight)),
    stats as (select count(*)::float8 as n, greatest(avg(doc_length), 1)::float8 as avgdl from indicator where status in ('proposed', 'active', 'retired')),
    df as (select t.term, count(*)::float8 as df from indicator_term t join q on q.term = t.term group by t.term)
    select t.indicator_id,
      sum(q.weight * ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5)) * t.tf * ${sql.lit(K1 + 1)}
        / (t.tf + ${sql.lit(K1)} * (1 - ${sql.lit(B)} + ${sql.lit(B)} * i.doc_length / stats.avgdl)))::float8 as score,
      array_agg(t.term order by t.term) as matched
    from indicator_term t
      join q on q.term = t.term
      join df on df.term = t.term
      join indicator i on i.id = t.indicator_id
      cross join stats
    group by t.indicator_id
  )`
}

type IndicatorFilter = Omit<IndicatorListFilter, 'page' | 'pageSize' | 'order' | 'sort' | 'q'>

export function applyIndicatorFilter<O>(query: SelectQueryBuilder<Database, 'indicator', O>, f: IndicatorFilter) {
  let q = query
  if (f.level1) q = q.where('indicator.level1', '=', f.level1)
  if (f.level2) q = q.where('indicator.level2', '=', f.level2)
  if (f.sector) q = q.where(sql<boolean>`indicator.sectors @> ${[f.sector]}::text[]`)
  if (f.projectKind) q = q.where(sql<boolean>`indicator.project_kinds @> ${[f.projectKind]}::text[]`)
  if (f.nature) q = q.where('indicator.nature', '=', f.nature)
  if (f.scope) q = q.where('indicator.scope', '=', f.scope)
  if (f.origin === 'proposal') q = q.where('indicator.proposedOrgCode', 'is not', null)
  q = q.where('indicator.status', 'in', f.status?.length ? f.status : ['proposed', 'active', 'retired'])
  if (f.year) {
    const year = f.year
    q = q.where('indicator.validFromYear', '<=', year).where((eb) => eb.or([eb('indicator.validToYear', 'is', null), eb('indicator.validToYear', '>=', year)]))
  }
  return q
}

export function visibleIndicators(db: Db | Trx, actor: Actor) {
  return db.selectFrom('indicator').where(indicatorVisibleTo(actor))
}

/** One page of the library: ranked by BM25 when there are query terms, else in the chosen order. */
export function listIndicators(db: Db, actor: Actor, f: IndicatorListFilter, query?: { terms: string[]; weights: number[] }) {
  const q = applyIndicatorFilter(visibleIndicators(db, actor), f)
  const direction = f.order === 'desc' ? 'desc' : 'asc'
  if (query) {
    const ranked = q
      .innerJoin(bm25(query.terms, query.weights).as('ranked'), 'ranked.indicatorId', 'indicator.id')
      .select([...indicatorListColumns, 'ranked.score', 'ranked.matched'])
    if (!f.sort || f.sort === 'relevance') return ranked.orderBy('ranked.score', 'desc').orderBy('indicator.code')
    return ranked.orderBy(`indicator.${f.sort}`, direction).orderBy('indicator.code')
  }
  const sortKey = !f.sort || f.sort === 'relevance' ? 'code' : f.sort
  return q.select(indicatorListColumns).orderBy(`indicator.${sortKey}`, direction).orderBy('indicator.id')
}
