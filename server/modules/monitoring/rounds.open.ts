import { setImmediate } from 'node:timers/promises'
import { sql } from 'kysely'
import { cutoffInstant, effectiveDeadline, keyMonitoringVerdict } from '../../../domain/key-monitoring.ts'
import { executionRate } from '../../../domain/monitoring-dashboard.ts'
import { monitoredBudgetKinds, monitoredProjectStatuses } from '../../../domain/monitoring.ts'
import { type Db, inTransaction, type Trx } from '../../db/database.ts'
import { projectFunds } from '../execution/execution.funds.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

/** Forms created per transaction: a killed process loses at most one chunk, which simply runs again. */
export const OPEN_CHUNK = 500

export type Progress = (done: number, total?: number, message?: string) => Promise<void>

/**
 * Work that must be done on a round's forms before anyone but its bureau sees them, e.g. the lights sweep of the
 * forms module (`onRoundForms(sweepRoundLights)` from that module). Hooks run after the forms exist and before
 * the round turns 'open'; like the opening itself they must be resumable and idempotent (a killed run repeats them).
 */
export type RoundFormsHook = (db: Db, roundId: string, progress: Progress) => Promise<unknown>
const roundFormsHooks: RoundFormsHook[] = []
export function onRoundForms(hook: RoundFormsHook) {
  if (!roundFormsHooks.includes(hook)) roundFormsHooks.push(hook)
}

export interface OpenRoundResult {
  roundId: string
  formCount: number
  keyCount: number
  projectForms: number
  departmentForms: number
}

/**
 * The instant the goal version is read at: the end of the cut-off month (China Standard Time), or the round's
 * creation if that came first (a round opened ahead of its cut-off reads the goals in force when it was opened).
 * Fixed by the round row, so a resumed opening reads the same versions.
 */
export function goalInstant(round: { fiscalYear: number; cutoffMonth: number; createdAt: Date }): Date {
  const cutoff = cutoffInstant(round.fiscalYear, round.cutoffMonth)
  return round.createdAt < cutoff ? round.createdAt : cutoff
}

/** The projects of a round's scope: its jurisdiction's budgeted or executing projects of the three budgets. */
function projectsInScope(db: Db | Trx, round: { jurisdictionCode: string; fiscalYear: number }) {
  return db
    .selectFrom('project')
    .where('project.jurisdictionCode', '=', round.jurisdictionCode)
    .where('project.fiscalYear', '=', round.fiscalYear)
    .where('project.status', 'in', [...monitoredProjectStatuses])
    .where('project.budgetKind', 'in', [...monitoredBudgetKinds])
}


/**
 * Creates a round's forms. Resumable and idempotent: each chunk of projects without a form in the round gets its
 * forms and indicators in one transaction, so after a crash the next run picks up the projects still missing; the
 * round turns from 'opening' to 'open' only in the last step, and nobody but its bureau sees it before that.
 * Forms read the goal version in force at `goalInstant`, the funds from payments to the cut-off month, and the
 * 重点监控 criteria of the rule set (with the jurisdiction's previous round for red/late).
 */
export async function openRoundWork(db: Db | Trx, roundId: string, progress: Progress = async () => {}, options: { chunk?: number } = {}): Promise<OpenRoundResult> {
  const chunk = options.chunk ?? OPEN_CHUNK
  const round = await db.selectFrom('monitoringRound').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow()
  if (round.status !== 'opening') return { roundId, formCount: round.formCount, keyCount: round.keyCount, projectForms: 0, departmentForms: 0 }
  const rules = (await effectiveRules(db, round.jurisdictionCode, round.fiscalYear)).rules
  const at = goalInstant(round)
  const total = Number((await projectsInScope(db, round).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const previous = await db
    .selectFrom('monitoringRound')
    .select(['id', 'deadline'])
    .where('jurisdictionCode', '=', round.jurisdictionCode)
    .where('id', '!=', round.id)
    .where('status', '!=', 'opening')
    .where((eb) => eb.or([eb('fiscalYear', '<', round.fiscalYear), eb.and([eb('fiscalYear', '=', round.fiscalYear), eb('cutoffMonth', '<=', round.cutoffMonth), eb('createdAt', '<', round.createdAt)])]))
    .orderBy('fiscalYear', 'desc')
    .orderBy('cutoffMonth', 'desc')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst()

  // A resumed run counts the forms an earlier attempt already made.
  let projectForms = Number((await db.selectFrom('monitoringForm').select((eb) => eb.fn.countAll<number>().as('n')).where('roundId', '=', round.id).where('kind', '=', 'project').executeTakeFirstOrThrow()).n)
  // Keyset over project ids: each chunk starts after the last one (a rerun starts over and skips the projects that
  // already have a form, through the anti-join on the round's unique index).
  let after: string | null = null
  for (;;) {
    const projects = await projectsInScope(db, round)
      .$if(after !== null, (q) => q.where('project.id', '>', after!))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('monitoringForm as f').select('f.id').where('f.roundId', '=', round.id).whereRef('f.projectId', '=', 'project.id'))))
      .select(['project.id', 'project.departmentCode', 'project.unitCode', 'project.isMajorNew', 'project.amountTotal'])
      .orderBy('project.id')
      .limit(chunk)
      .execute()
    if (projects.length === 0) break
    const ids = projects.map((p) => p.id)
    after = ids.at(-1)!
    await inTransaction(db, async (trx) => {
      const funds = await projectFunds(trx, { projectIds: ids, fiscalYear: round.fiscalYear, month: round.cutoffMonth })
      const goals = await trx
        .selectFrom('goal')
        .select(['id', 'projectId'])
        .where('kind', '=', 'project')
        .where('projectId', 'in', ids)
        .where('inForceFrom', '<=', at)
        .where((eb) => eb.or([eb('inForceTo', 'is', null), eb('inForceTo', '>', at)]))
        .orderBy('revision', 'asc')
        .execute()
      const goalOf = new Map(goals.map((g) => [g.projectId!, g.id]))
      const last = previous
        ? await trx.selectFrom('monitoringForm').select(['projectId', 'projectLight', 'status', 'submittedAt', 'extensionUntil']).where('roundId', '=', previous.id).where('projectId', 'in', ids).execute()
        : []
      const lastOf = new Map(last.map((f) => [f.projectId!, f]))
      const rows = projects.map((p) => {
        const f = funds.get(p.id)!
        const before = lastOf.get(p.id)
        const due = before && previous ? effectiveDeadline(previous.deadline, before.extensionUntil) : null
        const verdict = keyMonitoringVerdict(
          {
            isMajor: p.isMajorNew,
            amountTotal: p.amountTotal,
            lastLight: before?.projectLight ?? null,
            lastLate: before ? !before.submittedAt || before.submittedAt > due! : false,
            budget: f.budgetAdjusted,
            executed: f.executed,
            month: round.cutoffMonth,
          },
          rules.monitoring,
        )
        return {
          roundId: round.id,
          kind: 'project' as const,
          projectId: p.id,
          goalId: goalOf.get(p.id) ?? null,
          jurisdictionCode: round.jurisdictionCode,
          departmentCode: p.departmentCode,
          unitCode: p.unitCode,
          fiscalYear: round.fiscalYear,
          cutoffMonth: round.cutoffMonth,
          isKey: verdict.isKey,
          keyReasons: verdict.reasons,
          budgetInitial: f.budgetInitial,
          budgetAdjusted: f.budgetAdjusted,
          executed: f.executed,
          executionRate: executionRate(f.executed, f.budgetAdjusted),
          createdAt: round.createdAt,
          updatedAt: round.createdAt,
        }
      })
      const created = await trx.insertInto('monitoringForm').values(rows).onConflict((oc) => oc.doNothing()).returning('id').execute()
      await copyIndicators(trx, created.map((c) => c.id))
    })
    projectForms += projects.length
    await progress(projectForms, total + 1, `已生成 ${projectForms} / ${total} 张项目监控表`)
    // A turn of the event loop between chunks: on PGlite the queries run in this process, and without it requests
    // and log lines would wait for the whole opening.
    await setImmediate()
  }

  const departmentForms = await createDepartmentForms(db, round, at)
  for (const hook of roundFormsHooks) await hook(db, round.id, progress)
  const result = await inTransaction(db, async (trx) => {
    const counts = await trx
      .selectFrom('monitoringForm')
      .select([(eb) => eb.fn.countAll<number>().as('forms'), sql<number>`count(*) filter (where is_key)`.as('keys')])
      .where('roundId', '=', round.id)
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('monitoringRound')
      .set({ status: 'open', formCount: Number(counts.forms), keyCount: Number(counts.keys), updatedAt: sql`now()` })
      .where('id', '=', round.id)
      .where('status', '=', 'opening')
      .execute()
    return { roundId: round.id, formCount: Number(counts.forms), keyCount: Number(counts.keys), projectForms, departmentForms }
  })
  await progress(total + 1, total + 1, `监控批次已生成：${result.formCount} 张监控表，其中重点监控 ${result.keyCount} 张`)
  return result
}

/** Copies the in-force goal's indicators into the forms (one statement for a chunk). */
async function copyIndicators(trx: Trx, formIds: string[]) {
  if (formIds.length === 0) return
  await trx
    .insertInto('monitoringFormIndicator')
    .columns(['formId', 'fiscalYear', 'goalIndicatorId', 'sortOrder', 'level1', 'level2', 'name', 'nature', 'target', 'unit'])
    .expression((eb) =>
      eb
        .selectFrom('monitoringForm as f')
        .innerJoin('goalIndicator as gi', 'gi.goalId', 'f.goalId')
        .select(['f.id', 'f.fiscalYear', 'gi.id as gid', 'gi.sortOrder', 'gi.level1', 'gi.level2', 'gi.name', 'gi.nature', 'gi.target', 'gi.unit'])
        .where('f.id', 'in', formIds),
    )
    .execute()
}

/**
 * 部门整体监控: one form per department overall goal in force at the instant, its funds the sum of the department's
 * project forms in the round. Idempotent by the (round, department) unique index.
 */
async function createDepartmentForms(db: Db | Trx, round: { id: string; jurisdictionCode: string; fiscalYear: number; cutoffMonth: number; createdAt: Date }, at: Date) {
  return inTransaction(db, async (trx) => {
    const goals = await trx
      .selectFrom('goal')
      .select(['id', 'departmentCode'])
      .where('kind', '=', 'department')
      .where('jurisdictionCode', '=', round.jurisdictionCode)
      .where('fiscalYear', '=', round.fiscalYear)
      .where('inForceFrom', '<=', at)
      .where((eb) => eb.or([eb('inForceTo', 'is', null), eb('inForceTo', '>', at)]))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('monitoringForm as f').select('f.id').where('f.roundId', '=', round.id).where('f.kind', '=', 'department').whereRef('f.departmentCode', '=', 'goal.departmentCode'))))
      .orderBy('revision', 'desc')
      .execute()
    const oneEach = [...new Map(goals.map((g) => [g.departmentCode, g])).values()]
    if (oneEach.length === 0) return 0
    const sums = await trx
      .selectFrom('monitoringForm')
      .select(['departmentCode', sql<string>`sum(budget_initial)::text`.as('initial'), sql<string>`sum(budget_adjusted)::text`.as('adjusted'), sql<string>`sum(executed)::text`.as('executed')])
      .where('roundId', '=', round.id)
      .where('kind', '=', 'project')
      .groupBy('departmentCode')
      .execute()
    const sumOf = new Map(sums.map((s) => [s.departmentCode, s]))
    const created = await trx
      .insertInto('monitoringForm')
      .values(
        oneEach.map((g) => {
          const s = sumOf.get(g.departmentCode)
          const adjusted = s?.adjusted ?? '0'
          const executed = s?.executed ?? '0'
          return {
            roundId: round.id,
            kind: 'department' as const,
            projectId: null,
            goalId: g.id,
            jurisdictionCode: round.jurisdictionCode,
            departmentCode: g.departmentCode,
            unitCode: null,
            fiscalYear: round.fiscalYear,
            cutoffMonth: round.cutoffMonth,
            budgetInitial: s?.initial ?? '0',
            budgetAdjusted: adjusted,
            executed,
            executionRate: executionRate(executed, adjusted),
            createdAt: round.createdAt,
            updatedAt: round.createdAt,
          }
        }),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute()
    await copyIndicators(trx, created.map((c) => c.id))
    return created.length
  })
}
