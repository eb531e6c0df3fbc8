import type { Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { SHENZHEN_CODE } from '../org/demo-region.data.ts'
import { demoRuleSets } from './demo-rules.data.ts'
import { indexIndicators } from './indicators.index.ts'
import { seedFrameworks, seedIndicatorLibrary } from './indicators.seed.ts'

const demoProposals = [
  {
    code: 'ZD20260001',
    name: '课后服务覆盖学校比例',
    level1: '产出指标' as const,
    level2: '数量指标' as const,
    nature: '>=' as const,
    unit: '%',
    definition: '开展课后延时服务的义务教育学校数占义务教育学校总数的比例。',
    formula: '开展课后服务的学校数 / 义务教育学校总数 × 100%',
    dataSource: '教育事业统计',
    scoringRule: '达到目标值得满分，未达到按完成比例计分',
    exampleTarget: '≥98%',
    proposalReason: '“双减”政策要求课后服务全覆盖，现有指标库无对应指标。',
  },
  {
    code: 'ZD20260002',
    name: '学生体质健康达标率',
    level1: '效益指标' as const,
    level2: '社会效益指标' as const,
    nature: '>=' as const,
    unit: '%',
    definition: '《国家学生体质健康标准》测试成绩达到及格及以上的学生占测试学生总数的比例。',
    formula: '达标学生数 / 测试学生总数 × 100%',
    dataSource: '学生体质健康测试数据上报系统',
    scoringRule: '达到目标值得满分，每低 1 个百分点扣权重的 10%',
    exampleTarget: '≥92%',
    proposalReason: '体育设施建设项目需要衡量学生体质改善效果。',
  },
]

/** The demo's library (owned by 深圳市), the two national frameworks, two pending proposals and the demo rule sets. */
export async function seedDemoIndicators(trx: Trx, ctx: Ctx) {
  await seedFrameworks(trx, ctx.now)
  const indicators = await seedIndicatorLibrary(trx, { ownerJurisdictionCode: SHENZHEN_CODE, fromYear: 2024, now: ctx.now })
  const department = await trx.selectFrom('appUser').select(['id', 'orgCode']).where('username', '=', 'sz_edu_dept').executeTakeFirst()
  let proposals = 0
  if (department) {
    for (const p of demoProposals) {
      const exists = await trx.selectFrom('indicator').select('id').where('code', '=', p.code).executeTakeFirst()
      if (exists) continue
      const row = await trx
        .insertInto('indicator')
        .values({
          ...p,
          valueBasis: 'plan',
          sectors: ['education'],
          projectKinds: [],
          scope: 'individual',
          ownerJurisdictionCode: SHENZHEN_CODE,
          validFromYear: 2026,
          status: 'proposed',
          proposedBy: department.id,
          proposedOrgCode: department.orgCode,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await indexIndicators(trx, [row])
      proposals++
    }
  }
  let ruleSets = 0
  for (const r of demoRuleSets) {
    const inserted = await trx
      .insertInto('ruleSet')
      .values({ jurisdictionCode: r.jurisdictionCode, fiscalYear: r.fiscalYear, revision: 1, overrides: JSON.stringify(r.overrides), note: r.note, isCurrent: true, createdAt: ctx.now })
      .onConflict((oc) => oc.columns(['jurisdictionCode', 'fiscalYear', 'revision']).doNothing())
      .returning('id')
      .execute()
    ruleSets += inserted.length
  }
  return { indicators, proposals, ruleSets }
}
