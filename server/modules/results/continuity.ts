import { sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'

/**
 * 延续项目 (rule 42): a project continues an earlier one when it has the same project code in the same jurisdiction;
 * its predecessor is the version of the fiscal year before, and last year's decision is the one made *for* its year.
 * The one definition behind the project page's panel, the project list's column and the results page.
 */
export async function lastYearResults(db: Db | Trx, projectIds: readonly string[]) {
  if (projectIds.length === 0) return new Map<string, LastYear>()
  const rows = await db
    .selectFrom('project')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('budgetDecision')
          .innerJoin('project as evaluated', 'evaluated.id', 'budgetDecision.projectId')
          .select([
            'budgetDecision.id',
            'budgetDecision.projectId as evaluatedProjectId',
            'evaluated.fiscalYear as evaluatedYear',
            'budgetDecision.fiscalYear',
            'budgetDecision.grade',
            'budgetDecision.sourceType',
            'budgetDecision.proposedAction',
            'budgetDecision.proposedAmount',
            'budgetDecision.decidedAmount',
            'budgetDecision.reason',
            'budgetDecision.decidedAt',
          ])
          .whereRef('budgetDecision.projectCode', '=', 'project.code')
          .whereRef('budgetDecision.fiscalYear', '=', 'project.fiscalYear')
          .whereRef('budgetDecision.jurisdictionCode', '=', 'project.jurisdictionCode')
          .whereRef('budgetDecision.projectId', '<>', 'project.id')
          .orderBy('budgetDecision.updatedAt', 'desc')
          .limit(1)
          .as('decision'),
      (join) => join.onTrue(),
    )
    .select([
      'project.id as projectId',
      'project.fiscalYear as projectYear',
      'decision.id',
      'decision.evaluatedProjectId',
      'decision.evaluatedYear',
      'decision.fiscalYear',
      'decision.grade',
      'decision.sourceType',
      'decision.proposedAction',
      'decision.proposedAmount',
      'decision.decidedAmount',
      'decision.reason',
      'decision.decidedAt',
      (eb) =>
        eb
          .selectFrom('rectification')
          .innerJoin('project as earlier', 'earlier.id', 'rectification.projectId')
          .select(sql<number>`count(*)::int`.as('open'))
          .whereRef('earlier.code', '=', 'project.code')
          .whereRef('earlier.jurisdictionCode', '=', 'project.jurisdictionCode')
          .where('earlier.fiscalYear', '=', sql<number>`project.fiscal_year - 1`)
          .where('rectification.status', '<>', 'closed')
          .as('openRectifications'),
      (eb) =>
        eb
          .selectFrom('rectification')
          .innerJoin('project as earlier', 'earlier.id', 'rectification.projectId')
          .select(sql<number>`count(*)::int`.as('closed'))
          .whereRef('earlier.code', '=', 'project.code')
          .whereRef('earlier.jurisdictionCode', '=', 'project.jurisdictionCode')
          .where('earlier.fiscalYear', '=', sql<number>`project.fiscal_year - 1`)
          .where('rectification.status', '=', 'closed')
          .as('closedRectifications'),
    ])
    .where('project.id', 'in', [...projectIds])
    .execute()
  return new Map(
    rows.map(({ projectId, projectYear, openRectifications, closedRectifications, ...d }) => [
      projectId,
      {
        projectId,
        fiscalYear: projectYear,
        openRectifications: Number(openRectifications ?? 0),
        closedRectifications: Number(closedRectifications ?? 0),
        decision: d.id === null ? null : (d as unknown as LastYearDecision),
      },
    ]),
  )
}
export type LastYear = { projectId: string; fiscalYear: number; openRectifications: number; closedRectifications: number; decision: LastYearDecision | null }
type LastYearDecision = {
  id: string
  evaluatedProjectId: string
  evaluatedYear: number
  fiscalYear: number
  grade: '优' | '良' | '中' | '差'
  sourceType: 'self_evaluation' | 'key_evaluation'
  proposedAction: 'priority' | 'maintain' | 'cut' | 'cancel'
  proposedAmount: string
  decidedAmount: string | null
  reason: string
  decidedAt: Date | null
}

/** Every version of a continuing project (same code, same jurisdiction), earliest year first. */
export function continuingVersions(db: Db | Trx, project: { code: string; jurisdictionCode: string }) {
  return db.selectFrom('project').where('project.code', '=', project.code).where('project.jurisdictionCode', '=', project.jurisdictionCode)
}

/**
 * The project list's column (rule 42): on each continuing (延续) project of a page, last year's grade, the amount
 * decided for this year and last year's items still open — one query for the whole page. Null elsewhere, and for
 * a reader without results.read.
 */
export async function withLastYearResults<T extends { id: string; attribute: string }>(db: Db, actor: Actor, items: T[]) {
  const continuing = actor.permissions.has('results.read') ? items.filter((p) => p.attribute === 'continuing').map((p) => p.id) : []
  const results = await lastYearResults(db, continuing)
  return items.map((item) => {
    const r = results.get(item.id)
    const lastYear = r && (r.decision || r.openRectifications > 0) ? { grade: r.decision?.grade ?? null, evaluatedYear: r.decision?.evaluatedYear ?? r.fiscalYear - 1, decidedAmount: r.decision?.decidedAmount ?? null, proposedAmount: r.decision?.proposedAmount ?? null, openRectifications: r.openRectifications } : null
    return { ...item, lastYear }
  })
}
