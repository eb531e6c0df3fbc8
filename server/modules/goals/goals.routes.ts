import type { FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { readerOf } from '../../http/read-routing.ts'
import { AppError } from '../../http/errors.ts'
import { goalInForceAt, requestAdjustment } from './goals.adjust.ts'
import { assignExperts, submitExpertReview } from './goals.experts.ts'
import {
  AdjustBody,
  AssignExpertsBody,
  BatchBody,
  CreateGoalBody,
  ExpertReviewBody,
  GoalIdParams,
  GoalListQuery,
  InForceQuery,
  OpinionBody,
  PeerTargetsQuery,
  ReturnBody,
  ReviewBody,
  UpdateGoalBody,
  VersionBody,
} from './goals.schemas.ts'
import { getGoal } from './goals.detail.ts'
import { createGoal, deleteGoal, listGoals, peerTargetsFor, updateGoal } from './goals.service.ts'
import { actOnGoal, batchAct } from './goals.workflow.ts'

/** Goals are read by those with goal.read in their scope, and by experts (only the goals assigned to them). */
function authorizeReader(req: FastifyRequest) {
  const ctx = authorize(req)
  if (!ctx.actor.permissions.has('goal.read') && !ctx.actor.permissions.has('goal.expert_review')) throw new AppError('FORBIDDEN')
  return ctx
}

/** 绩效目标: compile, check, review, approve, publish, adjust. Each workflow move is an action taking `version`. */
export async function goalRoutes(app: App, deps: Deps) {
  const { db } = deps
  const reads = readerOf(deps)
  const tags = ['goals']

  app.get('/api/goals', { schema: { tags, summary: '绩效目标列表（todo=true 为待办）', querystring: GoalListQuery } }, async (req) =>
    listGoals(reads(req), authorizeReader(req), req.query),
  )

  app.post('/api/goals', { schema: { tags, summary: '新建绩效目标（草稿）', body: CreateGoalBody } }, async (req, reply) =>
    reply.status(201).send(await createGoal(db, authorize(req, 'goal.edit'), req.body)),
  )

  app.get('/api/goals/peer-targets', { schema: { tags, summary: '同类已批复目标的指标值（中位数与区间）', querystring: PeerTargetsQuery } }, async (req) => {
    authorize(req, 'goal.read')
    return { items: await peerTargetsFor(db, req.query.codes, req.query.fiscalYear ?? new Date().getFullYear(), req.query.excludeLineageId) }
  })

  app.get('/api/goals/in-force', { schema: { tags, summary: '项目在某一时点生效的绩效目标版本', querystring: InForceQuery } }, async (req) => {
    const ctx = authorize(req, 'goal.read')
    return { goal: await goalInForceAt(db, ctx, req.query.projectId, req.query.at ?? ctx.now) }
  })

  app.post('/api/goals/batch', { schema: { tags, summary: '批量审核（初审通过、批复、公开）', body: BatchBody } }, async (req) =>
    batchAct(db, authorize(req, 'goal.review'), req.body),
  )

  app.get('/api/goals/:id', { schema: { tags, summary: '绩效目标详情（含审核意见与版本）', params: GoalIdParams } }, async (req) =>
    getGoal(db, authorizeReader(req), req.params.id),
  )

  app.put('/api/goals/:id', { schema: { tags, summary: '修改绩效目标（草稿或已退回）', params: GoalIdParams, body: UpdateGoalBody } }, async (req) =>
    updateGoal(db, authorize(req, 'goal.edit'), req.params.id, req.body),
  )

  app.delete('/api/goals/:id', { schema: { tags, summary: '删除未提交过的草稿', params: GoalIdParams, body: VersionBody } }, async (req, reply) => {
    await deleteGoal(db, authorize(req, 'goal.edit'), req.params.id, req.body.version)
    return reply.status(204).send()
  })

  const simple = [
    ['submit', '提交审核', OpinionBody],
    ['withdraw', '撤回（部门初审前）', OpinionBody],
    ['return', '退回（须填写意见）', ReturnBody],
    ['dept_approve', '部门初审通过', OpinionBody],
    ['approve', '财政批复', OpinionBody],
    ['publish', '公开', OpinionBody],
  ] as const
  for (const [action, summary, body] of simple) {
    const path = `/api/goals/:id/${action.replace('_', '-')}`
    app.post(path, { schema: { tags, summary, params: GoalIdParams, body } }, async (req) =>
      actOnGoal(db, authorize(req, 'goal.read'), req.params.id, action, req.body as z.infer<typeof OpinionBody>),
    )
  }

  app.post('/api/goals/:id/review', { schema: { tags, summary: '财政复审：评定等级（优/良/中/差）并分维度提出意见', params: GoalIdParams, body: ReviewBody } }, async (req) => {
    const { version, ...review } = req.body
    return actOnGoal(db, authorize(req, 'goal.read'), req.params.id, 'review', { version, review })
  })

  app.post('/api/goals/:id/adjust', { schema: { tags, summary: '申请调整已批复的绩效目标（生成新版本）', params: GoalIdParams, body: AdjustBody } }, async (req, reply) =>
    reply.status(201).send(await requestAdjustment(db, authorize(req, 'goal.read'), req.params.id, req.body)),
  )

  app.post('/api/goals/:id/experts', { schema: { tags, summary: '指派评审专家', params: GoalIdParams, body: AssignExpertsBody } }, async (req) =>
    assignExperts(db, authorize(req, 'goal.read'), req.params.id, req.body),
  )

  app.post('/api/goals/:id/expert-review', { schema: { tags, summary: '专家提交评审意见', params: GoalIdParams, body: ExpertReviewBody } }, async (req) =>
    submitExpertReview(db, authorize(req, 'goal.expert_review'), req.params.id, req.body),
  )
}
