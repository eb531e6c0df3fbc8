import type { SelectQueryBuilder } from 'kysely'
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

/** Counts the filtered rows and fetches one page of them, in that order. */
export async function fetchPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: { page: number; pageSize: number },
): Promise<Page<O>> {
  const counted = await query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const items = await query
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute()
  return { items, total: Number((counted as { total: number }).total), page: page.page, pageSize: page.pageSize }
}

/** Escapes LIKE wildcards so a user's "%" or "_" is searched literally. */
export function likeContains(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
