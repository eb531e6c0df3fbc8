import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { applyIndicatorFilter, visibleIndicators } from './indicators.repository.ts'

/** Counts of the user's live library by placement (一级/二级), sector and project type, for the browser's tree. */
export async function indicatorFacets(db: Db, actor: Actor, year?: number) {
  const live = () => applyIndicatorFilter(visibleIndicators(db, actor), { year })
  const [placements, sectors, kinds, total] = await Promise.all([
    live()
      .select(['indicator.level1', 'indicator.level2', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(['indicator.level1', 'indicator.level2'])
      .execute(),
    live()
      .select([sql<string>`unnest(indicator.sectors)`.as('key'), (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(sql`1`)
      .execute(),
    live()
      .select([sql<string>`unnest(indicator.project_kinds)`.as('key'), (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(sql`1`)
      .execute(),
    live().select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ])
  const counted = <T extends { count: number | string }>(rows: T[]) => rows.map((r) => ({ ...r, count: Number(r.count) }))
  return { total: Number(total.count), placements: counted(placements), sectors: counted(sectors), projectKinds: counted(kinds) }
}
