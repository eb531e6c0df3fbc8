import type { Db } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { activeActor } from '../../platform/actors.ts'
import { createAccountability } from './accountability.service.ts'
import { createInterview } from './interviews.service.ts'

const DEMO_JURISDICTION = '440300'
const dayMs = 86_400_000
const day = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * The demo's 约谈 and 问责 (issue 13): finance interviews the head of every department its published 2025 考核 graded
 * 中 or 差 — the consequence the 考核 proposes — and records one accountability for a loss on a project whose 2025
 * self-evaluation came out 差. Written through the real use cases after the 考核 seed; a second run adds nothing.
 */
export async function seedDemoInterviews(db: Db, ctx: Ctx) {
  const finance = await activeActor(db, { username: 'sz_finance_admin' })
  if (!finance || finance.org.code !== DEMO_JURISDICTION) return { interviews: 0, accountability: 0 }
  const already = await db.selectFrom('interview').select('id').where('jurisdictionCode', '=', DEMO_JURISDICTION).executeTakeFirst()
  if (already) return { interviews: 0, accountability: 0 }
  // Held a month after the 考核 was published (the seed dates that 90 days back).
  const at = { ...ctx, actor: finance, now: new Date(ctx.now.getTime() - 60 * dayMs) }
  const poor = await db
    .selectFrom('assessment')
    .innerJoin('orgNode', 'orgNode.code', 'assessment.orgCode')
    .select(['assessment.id', 'assessment.orgCode', 'assessment.grade', 'orgNode.name'])
    .where('assessment.jurisdictionCode', '=', DEMO_JURISDICTION)
    .where('assessment.status', '=', 'published')
    .where('assessment.orgKind', '=', 'department')
    .where('assessment.grade', 'in', ['中', '差'])
    .orderBy('assessment.total')
    .orderBy('assessment.orgCode')
    .limit(3)
    .execute()
  for (const [n, row] of poor.entries()) {
    await createInterview(db, at, {
      orgCode: row.orgCode,
      personTitle: '主要负责人',
      interviewedOn: day(new Date(at.now.getTime() - n * 3 * dayMs)),
      interviewer: '市财政局分管副局长',
      reason: `${row.name}2025年度预算绩效管理工作考核等级为“${row.grade}”，单位自评覆盖率和整改销号率偏低。`,
      sourceType: 'assessment',
      sourceId: row.id,
      outcome: n === 0 ? '' : '已提交整改方案，承诺当年完成自评全覆盖并按期销号。',
    })
  }
  const lost = await db
    .selectFrom('selfEvalForm')
    .innerJoin('project', 'project.id', 'selfEvalForm.projectId')
    .select(['project.id'])
    .where('selfEvalForm.jurisdictionCode', '=', DEMO_JURISDICTION)
    .where('selfEvalForm.grade', '=', '差')
    .where('selfEvalForm.status', '=', 'accepted')
    .orderBy('project.code')
    .executeTakeFirst()
  if (lost) {
    await createAccountability(db, at, {
      projectId: lost.id,
      incident: '项目前期论证不充分，已采购设备长期闲置，造成财政资金损失。',
      lossAmount: '386500.00',
      measures: '追回供应商违约金，对项目负责人诫勉谈话，责令单位修订采购内控制度。',
      decidedOn: day(at.now),
      decidedBy: '市财政局、市纪委监委驻市财政局纪检监察组',
    })
  }
  return { interviews: poor.length, accountability: lost ? 1 : 0 }
}
