import { goalInForceStatuses } from '../../../domain/goals.ts'
import { missingLevel1 } from '../../../domain/level1.ts'
import type { RuleSet } from '../../../domain/rule-set.ts'
import type { Trx } from '../../db/database.ts'
import * as repo from './goals.repository.ts'

/**
 * The budget gate (§13.20): a project enters the budget only with an approved goal of its year that has an
 * indicator under every 一级 the rule set requires. The message names what is missing.
 */
export async function budgetGateProblem(trx: Trx, project: { id: string; fiscalYear: number }, rules: RuleSet): Promise<{ zh: string; en: string } | null> {
  const versions = await repo.projectGoalVersions(trx, project.id, project.fiscalYear)
  const inForce = versions.find((v) => goalInForceStatuses.includes(v.status))
  if (!inForce) {
    const latest = versions[0]
    if (latest?.financeGrade && rules.reviewConsequences[latest.financeGrade] === 'blocked') {
      return { zh: `项目绩效目标复审等级为“${latest.financeGrade}”，不得进入预算安排`, en: `The goal was graded ${latest.financeGrade} in review and may not enter the budget` }
    }
    return latest
      ? { zh: '项目绩效目标尚未批复，不能纳入预算（先有目标，后有预算）', en: 'The project’s goal is not approved yet: no approved goal, no budget' }
      : { zh: '项目没有绩效目标，不能纳入预算（先有目标，后有预算）', en: 'The project has no performance goal: no approved goal, no budget' }
  }
  // The same 一级 normalisation the quality check uses, so a goal it passed ("产出", "效果指标") is not refused here.
  const missing = missingLevel1((await repo.goalIndicators(trx, [inForce.id])).map((i) => i.level1), rules)
  if (missing.length) {
    return { zh: `已批复的绩效目标缺少必备一级指标：${missing.join('、')}`, en: `The approved goal lacks required level-1 indicators: ${missing.join(', ')}` }
  }
  return null
}
