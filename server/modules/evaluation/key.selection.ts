import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { selectKeyEvaluations } from '../../../domain/key-evaluation.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { projectVisibleTo } from '../../platform/scope.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

/**
 * Rule 39's proposal for a year: the actor's budgeted projects (a bureau's own jurisdiction, a department its own),
 * each with the last year a project of the same code was key-evaluated; majors due first, then a seeded sample.
 * The seed is returned so the create call records it.
 */
export async function proposeSelection(db: Db, ctx: ActorCtx, input: { fiscalYear: number; sampleSize: number; seed?: string | undefined }) {
  const { actor } = ctx
  if (actor.org.kind === 'unit') throw new AppError('FORBIDDEN')
  const jurisdictionCode = actor.org.jurisdictionCode
  let query = db
    .selectFrom('project')
    .where(projectVisibleTo(actor))
    .where('project.jurisdictionCode', '=', jurisdictionCode)
    .where('project.fiscalYear', '=', input.fiscalYear)
    .where('project.status', 'in', ['budgeted', 'executing', 'closed'])
    .select((eb) => [
      'project.id',
      'project.code',
      'project.name',
      'project.amountTotal',
      'project.isMajorNew',
      eb
        .selectFrom('keyEvaluation')
        .innerJoin('project as evaluated', 'evaluated.id', 'keyEvaluation.projectId')
        .whereRef('evaluated.code', '=', 'project.code')
        .where('keyEvaluation.fiscalYear', '<=', input.fiscalYear)
        .select(sql<number | null>`max(key_evaluation.fiscal_year)`.as('last'))
        .as('lastEvaluatedYear'),
    ])
  if (actor.org.kind === 'department') query = query.where('project.departmentCode', '=', actor.org.code)
  const projects = await query.limit(20_000).execute()
  const { rules } = await effectiveRules(db, jurisdictionCode, input.fiscalYear)
  const seed = input.seed ?? `${input.fiscalYear}-${randomBytes(4).toString('hex')}`
  const result = selectKeyEvaluations(
    {
      candidates: projects.map((p) => ({ projectId: p.id, name: p.name, amount: p.amountTotal, major: p.isMajorNew, lastEvaluatedYear: p.lastEvaluatedYear === null ? null : Number(p.lastEvaluatedYear) })),
      fiscalYear: input.fiscalYear,
      sampleSize: input.sampleSize,
      seed,
    },
    rules,
  )
  const codes = new Map(projects.map((p) => [p.id, p.code]))
  return { ...result, fiscalYear: input.fiscalYear, candidates: projects.length, picks: result.picks.map((p) => ({ ...p, projectCode: codes.get(p.projectId) ?? '' })) }
}
