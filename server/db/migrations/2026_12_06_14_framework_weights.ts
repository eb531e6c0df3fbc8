import { type Kysely, sql } from 'kysely'

// Forward-only. Never import app code here.
// The 一级 weight split of 单位自评 lives in one place, the rule set (selfEvaluationWeights, §13.4–5): a framework
// node's own default weight was a second copy that nothing read and that could disagree with the rules.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table framework_node drop column default_weight`.execute(db)
  // The seeded 88号 tree's description repeated the split in words; it now points to the rule set.
  await sql`
    update indicator_framework
    set description = '产出、效益、满意度三个一级指标；成本指标为产出指标下的二级指标。自评一级权重由规则集规定。'
    where code = 'legacy-88'
      and description = '产出、效益、满意度三个一级指标；成本指标为产出指标下的二级指标。自评一级权重默认 产出 50、效益 30、满意度 10（预算执行率 10）。'
  `.execute(db)
}
