import type { Db } from '../../db/database.ts'
import type { ActorCtx, Ctx } from '../../http/context.ts'
import { activeActor } from '../../platform/actors.ts'
import * as repo from './disclosure.repository.ts'
import { approveDepartmentGoals, approveRecord, setDecision, withdrawRecord } from './disclosure.service.ts'

const defaults = { jurisdictionCode: '440300', financeUser: 'sz_finance_admin', goalYear: 2026, selfYear: 2025, departments: 4 }

/**
 * The demo's 信息公开 (issue 14), through the real use cases after the results seeds: the city finance bureau
 * publishes the 2026 goals of the departments with the most approved goals (one withheld as 涉密, one withdrawn
 * afterwards), the 2025 self-evaluations accepted in those departments (one withheld under 其他 with its reason),
 * and the 2025 考核 results and key evaluation reports already final. Deterministic; a second run adds nothing.
 */
export async function seedDemoDisclosure(db: Db, ctx: Ctx, options: Partial<typeof defaults> = {}) {
  const o = { ...defaults, ...options }
  const finance = await activeActor(db, { username: o.financeUser })
  if (!finance || finance.org.code !== o.jurisdictionCode) return { disclosures: 0 }
  const already = await db.selectFrom('disclosureDecision').select('id').where('jurisdictionCode', '=', o.jurisdictionCode).executeTakeFirst()
  if (already) return { disclosures: 0 }
  const at: ActorCtx = { ...ctx, actor: finance }
  const own = (rows: repo.DisclosureRecordRow[]) => rows.filter((r) => r.jurisdictionCode === o.jurisdictionCode)
  const records = async (filter: Parameters<typeof repo.listRecords>[2]) => own(await repo.listRecords(db, finance, filter).execute())

  const goals = (await records({ kind: 'goal', fiscalYear: o.goalYear, order: 'asc' })).filter((g) => g.sourceStatus === 'approved' || g.sourceStatus === 'published')
  const byDepartment = new Map<string, repo.DisclosureRecordRow[]>()
  for (const goal of goals) if (goal.departmentCode) byDepartment.set(goal.departmentCode, [...(byDepartment.get(goal.departmentCode) ?? []), goal])
  const departments = [...byDepartment.entries()].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b)).slice(0, o.departments)
  let count = 0
  for (const [n, [departmentCode, rows]] of departments.entries()) {
    if (n === 0 && rows.length > 1) {
      const withheld = rows[rows.length - 1]!
      await setDecision(db, at, 'goal', withheld.sourceId, { version: 0, decision: 'withhold', reasonCode: '涉密' })
      count++
    }
    count += (await approveDepartmentGoals(db, at, { fiscalYear: o.goalYear, departmentCode })).published
    if (n === 1) {
      const taken = rows[0]!
      await withdrawRecord(db, at, 'goal', taken.sourceId, { version: 1, reason: '项目实施方案调整，待调整后的目标批复后重新公开' })
    }
  }

  const chosen = new Set(departments.map(([code]) => code))
  const selfEvaluations = (await records({ kind: 'self_evaluation', fiscalYear: o.selfYear, order: 'asc' })).filter((s) => s.sourceStatus === 'accepted' && s.departmentCode && chosen.has(s.departmentCode))
  for (const [n, form] of selfEvaluations.entries()) {
    if (n === 0 && selfEvaluations.length > 1) {
      await setDecision(db, at, 'self_evaluation', form.sourceId, { version: 0, decision: 'withhold', reasonCode: '其他', reasonText: '项目涉及尚未办结的审计事项，办结后再行公开' })
    } else {
      await approveRecord(db, at, 'self_evaluation', form.sourceId, 0)
    }
    count++
  }

  const finals = [...(await records({ kind: 'assessment', fiscalYear: o.selfYear, order: 'asc' })), ...(await records({ kind: 'key_evaluation_report', order: 'asc' }))].filter(
    (r) => (r.kind === 'assessment' && r.sourceStatus === 'published') || (r.kind === 'key_evaluation_report' && r.sourceStatus === 'reported'),
  )
  for (const record of finals) {
    await approveRecord(db, at, record.kind, record.sourceId, 0)
    count++
  }
  return { disclosures: count }
}
