import { type DistrictShare, rollUpTransfer } from '../../../domain/transfers.ts'
import type { Db, Trx } from '../../db/database.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

const APPROVED = ['approved', 'published']
const REPORTED = ['submitted', 'dept_accepted', 'accepted'] as const

/**
 * What each district made of its share (rule 48): the receiving project it named, that project's latest goal status,
 * its latest reported monitoring form (light, spent) and its accepted self-evaluation; then the city's roll-up.
 */
export async function transferRollUp(db: Db | Trx, project: { jurisdictionCode: string; fiscalYear: number }, items: readonly { districtName: string; amount: string; districtProjectId: string | null }[]) {
  const ids = items.map((i) => i.districtProjectId).filter((id): id is string => id !== null)
  const [projects, goals, forms, evaluations] = ids.length
    ? await Promise.all([
        db.selectFrom('project').select(['id', 'code', 'name', 'status']).where('id', 'in', ids).execute(),
        db.selectFrom('goal').select(['projectId', 'status']).where('projectId', 'in', ids).where('kind', '=', 'project').orderBy('revision', 'desc').execute(),
        db
          .selectFrom('monitoringForm')
          .select(['projectId', 'projectLight', 'executed', 'cutoffMonth'])
          .where('projectId', 'in', ids)
          .where('status', 'in', [...REPORTED])
          .orderBy('cutoffMonth', 'desc')
          .execute(),
        db.selectFrom('selfEvalForm').select(['projectId', 'total', 'grade']).where('projectId', 'in', ids).where('status', '=', 'accepted').where('total', 'is not', null).execute(),
      ])
    : [[], [], [], []]
  const first = <T extends { projectId: string | null }>(rows: T[]) => {
    const map = new Map<string, T>()
    for (const row of rows) if (row.projectId && !map.has(row.projectId)) map.set(row.projectId, row)
    return map
  }
  const projectOf = new Map(projects.map((p) => [p.id, p]))
  const [goalOf, formOf, evaluationOf] = [first(goals), first(forms), first(evaluations)]
  const districts = items.map((item) => {
    const id = item.districtProjectId
    const goal = id ? goalOf.get(id) : undefined
    const form = id ? formOf.get(id) : undefined
    const evaluation = id ? evaluationOf.get(id) : undefined
    return {
      districtProject: id ? (projectOf.get(id) ?? null) : null,
      goalStatus: goal?.status ?? null,
      light: form?.projectLight ?? null,
      executed: form ? form.executed : null,
      monitoredThrough: form?.cutoffMonth ?? null,
      score: evaluation?.total ?? null,
      grade: evaluation?.grade ?? null,
    }
  })
  const shares: DistrictShare[] = items.map((item, i) => ({
    districtName: item.districtName,
    amount: item.amount,
    linked: item.districtProjectId !== null,
    goalApproved: APPROVED.includes(districts[i]!.goalStatus ?? ''),
    light: districts[i]!.light,
    executed: districts[i]!.executed,
    score: districts[i]!.score,
  }))
  const { rules } = await effectiveRules(db, project.jurisdictionCode, project.fiscalYear)
  return { districts, rollUp: rollUpTransfer(shares, rules) }
}

/** The allocations of the bureau above to this district project's jurisdiction, in its year: what it may receive. */
export function transferSourcesFor(db: Db | Trx, project: { jurisdictionCode: string; fiscalYear: number }) {
  return db
    .selectFrom('transferAllocation as a')
    .innerJoin('project as source', 'source.id', 'a.projectId')
    .innerJoin('orgNode as bureau', 'bureau.code', 'source.jurisdictionCode')
    .innerJoin('transferAllocationPlan as plan', 'plan.projectId', 'a.projectId')
    .leftJoin('project as receiver', 'receiver.id', 'a.districtProjectId')
    .select(['a.projectId as sourceProjectId', 'source.code as sourceCode', 'source.name as sourceName', 'bureau.name as bureauName', 'a.amount', 'a.districtProjectId', 'receiver.code as districtProjectCode', 'receiver.name as districtProjectName', 'plan.version'])
    .where('a.districtCode', '=', project.jurisdictionCode)
    .where('source.fiscalYear', '=', project.fiscalYear)
    .where('source.status', '<>', 'cancelled')
    .orderBy('source.code')
}
