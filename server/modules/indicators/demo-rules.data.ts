import type { RuleOverrides } from '../../../domain/rule-set-resolve.ts'

/**
 * Demo rule sets showing inheritance: 深圳市 monitors at the end of June and September and treats projects from
 * 500万元 as major; 南山区 scores reverse indicators by target/actual. Everything else is the national default.
 */
export const demoRuleSets: { jurisdictionCode: string; fiscalYear: number; overrides: RuleOverrides; note: string }[] = [
  { jurisdictionCode: '440300', fiscalYear: 2026, overrides: { monitoringCutoffMonths: [6, 9], exAnte: { majorProjectAmount: '5000000.00' } }, note: '演示：本市年中、三季度两次监控；500万元以上新增项目须事前评估' },
  { jurisdictionCode: '440305', fiscalYear: 2026, overrides: { reverseFormula: 'target_over_actual' }, note: '演示：南山区反向指标按 目标值/实际值 计分' },
]
