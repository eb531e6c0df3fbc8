import { type AssessorKind, type ExAnteConclusion, exAnteDimensions, type ExAnteScores, exAnteKindOf, scoreSheet } from '../../../domain/exante.ts'
import type { Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

interface DemoAssessment {
  /** The demo project, by name (demo-projects.data.ts is deterministic); skipped when absent. */
  project: string
  assessor: AssessorKind
  /** Whose account does it (a unit self-assessment is the project's unit's). */
  assessorUser: string
  /** Each review point's score, in order; fewer than ten leaves the rest unscored. */
  scores: string[]
  status: 'draft' | 'submitted' | 'completed'
  conclusion?: ExAnteConclusion
  opinion?: string
  suggestions?: string
}

// 深圳市教育局's projects in every state: 深圳中学's self-assessment, supported; a third party's, supported after changes;
// a major project the bureau is still scoring (the e2e journey concludes it and admits the project); an expert's, handed in.
const demoAssessments: DemoAssessment[] = [
  { project: '2027年深圳中学课后服务项目', assessor: 'unit', assessorUser: 'sz_edu_unit', scores: ['9.5', '9', '9', '8.5', '9', '9', '9.5', '9', '10', '9'], status: 'completed', conclusion: '予以支持', opinion: '立项依据充分，测算基本合理，同意纳入项目库。', suggestions: '进一步细化满意度指标的调查方式。' },
  { project: '2026年深圳外国语学校校舍维修改造项目', assessor: 'agency', assessorUser: 'agency_demo', scores: ['8', '7', '6.5', '6', '7.5', '7', '8', '7', '8', '7.5'], status: 'completed', conclusion: '调整后支持', opinion: '维修面积测算偏大、部分单价高于支出标准，建议压减预算 15% 后支持。', suggestions: '按支出标准重新测算维修改造预算；补充分阶段实施计划。' },
  { project: '2027年深圳市教育信息化建设项目', assessor: 'finance', assessorUser: 'sz_finance_admin', scores: ['9', '8.5', '8'], status: 'draft' },
  { project: '2026年深圳市第二高级中学学生资助项目', assessor: 'expert', assessorUser: 'expert_demo', scores: ['8.5', '8.5', '8', '8', '9', '8.5', '8', '8', '9', '9'], status: 'submitted' },
]

const comments = ['与部门职能和发展规划相符', '经过可研论证和集体决策', '预算编制细化到具体事项', '测算依据基本充分', '绩效目标表填报完整', '指标基本细化量化', '实施内容和进度安排明确', '组织和制度保障到位', '资金来源合规', '不与其他资金重复安排']

/** A few ex-ante assessments of the demo region's education projects, in every state; skips projects that have one. */
export async function seedDemoExAnte(trx: Trx, ctx: Ctx) {
  const users = await trx.selectFrom('appUser').select(['id', 'username', 'orgCode']).where('username', 'in', [...demoAssessments.map((d) => d.assessorUser), 'sz_reviewer']).execute()
  const userOf = (username: string) => users.find((u) => u.username === username)
  const projects = await trx
    .selectFrom('project')
    .select(['project.id', 'project.name', 'project.unitCode', 'project.objectKind', 'project.jurisdictionCode', 'project.fiscalYear'])
    .where('project.name', 'in', demoAssessments.map((d) => d.project))
    .where('project.id', 'not in', (eb) => eb.selectFrom('exanteAssessment').select('projectId'))
    .execute()
  let seeded = 0
  for (const demo of demoAssessments) {
    const project = projects.find((p) => p.name === demo.project)
    const assessor = userOf(demo.assessorUser)
    const reviewer = userOf('sz_reviewer')
    if (!project || !assessor || !reviewer) continue
    const { rules } = await effectiveRules(trx, project.jurisdictionCode, project.fiscalYear)
    const kind = exAnteKindOf(project.objectKind)
    const points = exAnteDimensions[kind].flatMap((d) => d.points)
    const scores: ExAnteScores = Object.fromEntries(demo.scores.map((score, n) => [points[n]!.code, { score, comment: comments[n]! }]))
    const completed = demo.status === 'completed'
    await trx
      .insertInto('exanteAssessment')
      .values({
        projectId: project.id,
        jurisdictionCode: project.jurisdictionCode,
        fiscalYear: project.fiscalYear,
        kind,
        assessorKind: demo.assessor,
        assessorOrgCode: demo.assessor === 'unit' ? project.unitCode : assessor.orgCode,
        assignedUserId: demo.assessor === 'agency' || demo.assessor === 'expert' ? assessor.id : null,
        dimensionPoints: String(rules.exAnte.dimensionPoints),
        scores: JSON.stringify(scores),
        total: scoreSheet(kind, scores, rules.exAnte.dimensionPoints, rules).total,
        conclusion: demo.conclusion ?? null,
        opinion: demo.opinion ?? '',
        process: '评估组审阅了项目申报书、实施方案和预算测算材料，实地核查项目现场，并召开专家评审会进行论证。',
        suggestions: demo.suggestions ?? '',
        attachments: JSON.stringify({ application: { provided: true, attachmentIds: [] }, goal_form: { provided: true, attachmentIds: [] }, implementation_plan: { provided: true, attachmentIds: [] } }),
        status: demo.status,
        submittedAt: demo.status === 'draft' ? null : ctx.now,
        concludedAt: completed ? ctx.now : null,
        concludedBy: completed ? reviewer.id : null,
        createdBy: assessor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .execute()
    seeded++
  }
  return seeded
}
