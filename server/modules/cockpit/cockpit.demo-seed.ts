import type { Db } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { seedDemoSelfEvaluation } from '../evaluation/self.demo-seed.ts'
import { seedDemoMonitoring } from '../monitoring/demo-seed.ts'
import { SHENZHEN_CODE } from '../org/demo-region.data.ts'
import { refreshCockpitSummary } from './cockpit.refresh.ts'

const FUTIAN = '440304'
const NANSHAN = '440305'

/**
 * The demo's 市区联动 (issue 14): 南山区 and 福田区 get what the roll-up compares — a 2026 monitoring round for 福田区
 * (南山区 has its own already) and 2025 self-evaluations for both, through the same demo seeds the city's come from —
 * then the cockpit summary of 深圳市 is written for 2025 and 2026 so the pages show figures at once. 福田区 has no demo
 * finance account: the city's administrator opens its rounds. Each seed skips what exists, so a second run adds nothing.
 */
export async function seedDemoCockpit(db: Db, ctx: Ctx) {
  const city = await db.selectFrom('orgNode').select('code').where('code', '=', SHENZHEN_CODE).executeTakeFirst()
  if (!city) return { cockpitDepartments: 0 }
  const monitoring = await seedDemoMonitoring(db, ctx, [{ jurisdictionCode: FUTIAN, financeUser: 'sz_finance_admin' }])
  const nanshan = await seedDemoSelfEvaluation(db, ctx, { jurisdictionCode: NANSHAN, financeUser: 'ns_finance_admin', fiscalYear: 2025, tourUsers: ['ns_edu_unit'] })
  const futian = await seedDemoSelfEvaluation(db, ctx, { jurisdictionCode: FUTIAN, financeUser: 'sz_finance_admin', fiscalYear: 2025, tourUsers: [] })
  // The city lists its districts' rounds beside its own: each district's round says whose it is.
  for (const [code, name] of [[NANSHAN, '南山区'], [FUTIAN, '福田区']] as const) {
    await db.updateTable('selfEvalRound').set({ name: `2025年度${name}单位绩效自评` }).where('jurisdictionCode', '=', code).where('fiscalYear', '=', 2025).where('name', '=', '2025年度单位绩效自评').execute()
  }
  let departments = 0
  for (const fiscalYear of [2025, 2026]) departments = (await refreshCockpitSummary(db, { jurisdictionCode: SHENZHEN_CODE, fiscalYear, now: ctx.now })).departments
  return {
    cockpitMonitoringForms: monitoring.monitoringForms,
    cockpitSelfEvaluationForms: nanshan.selfEvaluationForms + futian.selfEvaluationForms,
    cockpitDepartments: departments,
  }
}
