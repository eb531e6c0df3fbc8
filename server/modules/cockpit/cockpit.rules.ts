import { ruleDifferences } from '../../../domain/cockpit.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { jurisdictionFor } from './cockpit.scope.ts'

/**
 * Which rule values each district sets differently from its city (rule 48: rules may differ per district), from the
 * effective (resolved) rule sets of the year. A jurisdiction with nothing below it is compared with the one above it.
 */
export async function ruleDifferencesOf(db: Db, ctx: ActorCtx, query: { fiscalYear: number; jurisdictionCode?: string }) {
  const root = await jurisdictionFor(db, ctx, query.jurisdictionCode)
  const children = await db.selectFrom('orgNode').select(['code', 'name']).where('kind', '=', 'jurisdiction').where('parentCode', '=', root.code).orderBy('path').execute()
  let parent = { code: root.code, name: root.name }
  let compared = children
  if (children.length === 0 && root.parentCode) {
    const above = await db.selectFrom('orgNode').select(['code', 'name']).where('code', '=', root.parentCode).where('kind', '=', 'jurisdiction').executeTakeFirst()
    if (above) {
      parent = above
      compared = [{ code: root.code, name: root.name }]
    }
  }
  const base = await effectiveRules(db, parent.code, query.fiscalYear)
  const jurisdictions = await Promise.all(
    compared.map(async (c) => {
      const differences = ruleDifferences(base.rules, await effectiveRules(db, c.code, query.fiscalYear))
      return { code: c.code, name: c.name, differences }
    }),
  )
  return { fiscalYear: query.fiscalYear, parent, jurisdictions }
}
