import { keyEvaluationTemplates, type SatisfactionAnswer, satisfactionRate } from '../../../domain/key-evaluation.ts'
import type { Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { prepareLine, systemInputs } from './key.service.ts'

const DEMO_YEAR = 2025
const JURISDICTION = '440300'

/** Share of each line's weight the demo evaluation group awarded (by 三级 name; the rest get full marks). */
const awarded: Record<string, number> = { 预算编制科学性: 0.8, 资金分配合理性: 0.9, 制度执行有效性: 0.75, 完成及时性: 0.85, 成本节约率: 0.8, 实施效益: 0.85 }

/**
 * One 财政重点评价 of a 深圳市 2025 project, named "2025年…财政重点评价", waiting at the 交换意见 step: plan written,
 * framework (10号) scored, field work logged, a satisfaction survey imported. The evaluated school has not yet
 * given its opinion, so the tour shows finalising refused until it does (rule 41). The agencies seed finds it by
 * its name. A second run adds nothing.
 */
export async function seedDemoKeyEvaluation(trx: Trx, ctx: Ctx) {
  const finance = await trx.selectFrom('appUser').select(['id']).where('username', '=', 'sz_finance_admin').executeTakeFirst()
  const school = await trx.selectFrom('appUser').select(['orgCode']).where('username', '=', 'sz_edu_unit').executeTakeFirst()
  if (!finance || !school) return 0
  const project = await trx
    .selectFrom('project')
    .select(['id', 'name', 'departmentCode', 'unitCode', 'jurisdictionCode'])
    .where('unitCode', '=', school.orgCode)
    .where('fiscalYear', '=', DEMO_YEAR)
    .where('jurisdictionCode', '=', JURISDICTION)
    .orderBy('amountTotal', 'desc')
    .orderBy('code')
    .executeTakeFirst()
  if (!project) return 0
  const name = `${DEMO_YEAR}年${project.name.replace(/^\d{4}年(度)?/, '')}财政重点评价`
  if (await trx.selectFrom('keyEvaluation').select('id').where('name', '=', name).executeTakeFirst()) return 0
  const row = await trx
    .insertInto('keyEvaluation')
    .values({
      jurisdictionCode: JURISDICTION,
      fiscalYear: DEMO_YEAR,
      level: 'finance',
      objectKind: 'project',
      projectId: project.id,
      commissionerCode: JURISDICTION,
      departmentCode: project.departmentCode,
      unitCode: project.unitCode,
      name,
      template: 'no10',
      stage: 'exchange',
      createdBy: finance.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning(['id', 'objectKind', 'projectId', 'departmentCode', 'fiscalYear'])
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('keyEvaluationPlan')
    .values({
      keyEvaluationId: row.id,
      selectionKind: 'major',
      selectionSeed: '2025-demo',
      selectionReason: '重大项目，近 5 年未开展重点评价（规则 39）',
      purpose: '全面了解项目资金使用和管理情况，评价项目绩效目标实现程度，总结经验、发现问题，为下一年度预算安排提供参考。',
      scope: `${DEMO_YEAR} 年度项目全部财政资金及其实施内容。`,
      methods: '比较法、因素分析法、公众评判法（问卷调查）；资料核查与现场勘查相结合。',
      schedule: '2026年3月上旬资料收集；3月中旬现场评价；3月下旬形成初步结论并与被评价单位交换意见；4月上旬提交报告。',
      team: '市财政局绩效处 2 人，第三方机构 3 人，评审专家 2 人',
      overview: '项目由深圳中学实施，主要用于教学设施改造与设备购置，年度绩效目标包括完成改造面积、设备按期验收和师生满意度不低于 90%。',
      conclusion: '项目立项依据充分，资金管理总体规范，年度产出目标基本完成，但预算编制精细化程度和实施进度管理仍有提升空间。',
      experience: '建立了项目周例会和资金支付台账制度，采购环节公开透明。',
      problems: '部分子项目预算编制与实际需求存在偏差；个别工程完工时间晚于计划。',
      suggestions: '细化预算编制依据，加强实施进度管理，将评价结果与下一年度预算安排挂钩。',
    })
    .execute()
  // Satisfaction survey: 40 responses to 3 questions.
  const questions = ['对改造后教学环境的满意程度', '对设备配置与使用的满意程度', '对施工组织与安全管理的满意程度']
  const scale: SatisfactionAnswer[] = ['满意', '满意', '比较满意', '满意', '基本满意', '比较满意', '满意', '比较满意', '不太满意', '满意']
  const responses = Array.from({ length: 40 }, (_, i) => ({ rowNo: i + 2, respondent: `受访者${i + 1}`, answers: questions.map((_, q) => scale[(i * 3 + q * 7) % scale.length]!) }))
  const answers = responses.flatMap((r) => r.answers)
  const rate = satisfactionRate(answers)
  await trx
    .insertInto('keyEvaluationSurvey')
    .values({
      keyEvaluationId: row.id,
      title: '项目服务对象满意度调查',
      questions: JSON.stringify(questions),
      target: '90.00',
      responses: responses.length,
      answers: answers.length,
      satisfied: answers.filter((a) => a === '满意' || a === '比较满意').length,
      rate: rate.value,
      fileName: '满意度问卷答卷.xlsx',
      importedAt: ctx.now,
    })
    .execute()
  await trx
    .insertInto('keyEvaluationSurveyResponse')
    .values(responses.map((r) => ({ keyEvaluationId: row.id, rowNo: r.rowNo, respondent: r.respondent, answers: JSON.stringify(r.answers) })))
    .execute()
  const { rules } = await effectiveRules(trx, JURISDICTION, DEMO_YEAR)
  const system = await systemInputs(trx, { ...row, id: row.id })
  const lines = keyEvaluationTemplates.no10.map((l) =>
    prepareLine(
      {
        level1: l.level1,
        level2: l.level2,
        level3: l.level3,
        weight: l.weight,
        score: (Number(l.weight) * (awarded[l.level3] ?? 1)).toFixed(2),
        formula: l.formula ?? null,
        inputs: l.formula === 'fundsInPlace' ? { received: '100', planned: '100' } : null,
        basis: awarded[l.level3] ? '经资料核查和现场评价，部分达到评价标准，酌情扣分。' : '',
      },
      system,
      rules,
    ),
  )
  await trx
    .insertInto('keyEvaluationLine')
    .values(lines.map((l, seq) => ({ keyEvaluationId: row.id, seq, level1: l.level1, level2: l.level2, level3: l.level3, weight: l.weight, score: l.score, formula: l.formula, inputs: l.inputs ? JSON.stringify(l.inputs) : null, value: l.value, basis: l.basis })))
    .execute()
  await trx
    .insertInto('keyEvaluationFieldwork')
    .values([
      { keyEvaluationId: row.id, visitedOn: '2026-03-10', place: '深圳中学', people: '评价组 5 人；学校分管副校长、财务负责人', notes: '查阅项目立项、采购、合同和支付资料，核对资金支付台账。', createdBy: finance.id, createdAt: ctx.now },
      { keyEvaluationId: row.id, visitedOn: '2026-03-12', place: '深圳中学改造现场', people: '评价组 3 人；施工单位项目经理', notes: '实地查看改造区域和新购设备使用情况，召开师生座谈会并发放问卷。', createdBy: finance.id, createdAt: ctx.now },
    ])
    .execute()
  return 1
}
