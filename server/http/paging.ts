import { type SelectQueryBuilder, sql } from 'kysely'
import { z } from 'zod'

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/**
 * Counts the filtered rows and fetches one page of them. Without `count`, the count is the page query stripped
 * of its select and order, run first. With `count` — a cheaper query for the same number, e.g. without the joins
 * that only add display columns — the count rides along in the page query as a scalar subquery: one round trip,
 * and a second one only for a page past the end.
 */
export async function fetchPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: { page: number; pageSize: number },
  count?: SelectQueryBuilder<any, any, { total: number }> | 'window',
): Promise<Page<O>> {
  const offset = (page.page - 1) * page.pageSize
  if (count === 'window') {
    // The total as a window over the filtered rows: one pass where the rows are expensive to find (ranked search).
    const rows = (await query.select(sql<number>`count(*) over ()`.as('pageTotal') as never).limit(page.pageSize).offset(offset).execute()) as (O & { pageTotal?: number | string })[]
    if (!rows.length && offset > 0) return { ...(await fetchPage(query, { page: 1, pageSize: 1 })), items: [], page: page.page, pageSize: page.pageSize }
    const total = rows.length ? Number(rows[0]!.pageTotal) : 0
    for (const row of rows) delete row.pageTotal
    return { items: rows, total, page: page.page, pageSize: page.pageSize }
  }
  if (count) {
    const rows = (await query
      .select(count.as('pageTotal') as never)
      .limit(page.pageSize)
      .offset(offset)
      .execute()) as (O & { pageTotal?: number | string })[]
    let total = rows.length ? Number(rows[0]!.pageTotal) : 0
    if (!rows.length && offset > 0) total = Number((await count.executeTakeFirstOrThrow()).total)
    for (const row of rows) delete row.pageTotal
    return { items: rows, total, page: page.page, pageSize: page.pageSize }
  }
  const counted = await query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const items = await query.limit(page.pageSize).offset(offset).execute()
  return { items, total: Number((counted as { total: number }).total), page: page.page, pageSize: page.pageSize }
}

/** Escapes LIKE wildcards so a user's "%" or "_" is searched literally. */
export function likeContains(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Narrows a list query by each filter value that is set, to rows whose column equals it. */
export function whereEquals<DB, TB extends keyof DB, O, F extends object>(query: SelectQueryBuilder<DB, TB, O>, filter: F, columns: Partial<Record<keyof F, string>>) {
  for (const [key, column] of Object.entries(columns) as [keyof F, string][]) {
    const value = filter[key]
    if (value !== undefined) query = query.where(column as never, '=', value as never)
  }
  return query
}
