import { describe, expect, test } from 'vitest'
import { auditActionLabels } from '../../domain/audit-actions.ts'
import { permissionsOf, type Role, roleOrgKinds, roles } from '../../domain/roles.ts'
import type { OrgNode } from '../db/schema.ts'
import { currentAuditKey, useAuditKey } from '../platform/audit.ts'
import { createTestContext } from './context.ts'
import { buildWorld, type Endpoint, endpoints, MultipartBody, type World } from './endpoints.ts'

/**
 * Every write endpoint, every export and download, and every read of the audit log leaves its audit row: the
 * action each must record is written down here by hand (not taken from the services), and a test fails when an
 * endpoint is missing from this table — so a service that skips its recordAudit call turns this file red.
 */
const t = await createTestContext()
const w: World = await buildWorld(t)

/** Which of before/after the rows carry: a creation has only after, a deletion only before, a change both. */
type Sides = 'after' | 'before' | 'both' | 'none'
/** The action(s) each endpoint records (an import: one row per record plus one for the file) and the sides they carry. */
/** Each endpoint's audit actions and which sides their rows carry (per action when they differ). */
const audited: Record<string, [action: string | string[], sides: Sides | Record<string, Sides>]> = {
  'POST /api/auth/login': ['auth.login', 'none'],
  'POST /api/auth/logout': ['auth.logout', 'none'],
  'POST /api/auth/password': ['user.change_own_password', 'none'],
  'POST /api/org/jurisdictions': ['org.create_jurisdiction', 'after'],
  'PATCH /api/org/jurisdictions/:code': ['org.update_jurisdiction', 'both'],
  'POST /api/org/departments': ['org.create_department', 'after'],
  'PATCH /api/org/departments/:code': ['org.update_department', 'both'],
  'POST /api/org/units': ['org.create_unit', 'after'],
  'PATCH /api/org/units/:code': ['org.update_unit', 'both'],
  'POST /api/users': ['user.create', 'after'],
  'PATCH /api/users/:id': ['user.update', 'both'],
  'POST /api/users/:id/unlock': ['user.unlock', 'both'],
  'POST /api/users/:id/reset-password': ['user.reset_password', 'both'],
  'POST /api/audit/verify': ['audit.verify', 'after'],
  'PUT /api/settings/security': ['settings.update', 'both'],
  'POST /api/projects': ['project.create', 'after'],
  'PATCH /api/projects/:id': ['project.update', 'both'],
  'DELETE /api/projects/:id': ['project.delete', 'before'],
  'POST /api/projects/:id/status': ['project.status', 'both'],
  'POST /api/projects/:id/attachments': ['project.attach', 'after'],
  'DELETE /api/projects/:id/attachments/:attachmentId': ['project.detach', 'before'],
  'PUT /api/projects/:id/transfer-allocations': ['project.allocate_transfer', 'both'],
  'PUT /api/projects/:id/transfer-source': ['project.link_transfer', 'both'],
  'POST /api/projects/import': [['project.create', 'project.import'], 'after'],
  'POST /api/indicators': ['indicator.create', 'after'],
  'POST /api/indicators/:id/confirm': ['indicator.confirm', 'both'],
  'POST /api/indicators/:id/reject': ['indicator.reject', 'both'],
  'POST /api/indicators/:id/revise': ['indicator.revise', 'both'],
  'POST /api/indicators/:id/retire': ['indicator.retire', 'both'],
  'POST /api/frameworks': ['framework.create', 'after'],
  'PUT /api/frameworks/:code': ['framework.update', 'both'],
  // The request sets the jurisdiction's first override of the year: there is nothing before it.
  'PUT /api/rule-sets/:jurisdictionCode/:fiscalYear': ['ruleset.update', 'after'],
  'POST /api/exante': ['exante.create', 'after'],
  'PATCH /api/exante/:id': ['exante.update', 'both'],
  'POST /api/exante/:id/assign': ['exante.assign', 'both'],
  'POST /api/exante/:id/submit': ['exante.submit', 'both'],
  'POST /api/exante/:id/conclude': ['exante.conclude', 'both'],
  'POST /api/goals': ['goal.create', 'after'],
  // The endpoint table's batch is a 初审 of one submitted goal.
  'POST /api/goals/batch': ['goal.dept_approve', 'both'],
  'PUT /api/goals/:id': ['goal.update', 'both'],
  'DELETE /api/goals/:id': ['goal.delete', 'before'],
  'POST /api/goals/:id/submit': ['goal.submit', 'both'],
  'POST /api/goals/:id/withdraw': ['goal.withdraw', 'both'],
  'POST /api/goals/:id/return': ['goal.return', 'both'],
  'POST /api/goals/:id/dept-approve': ['goal.dept_approve', 'both'],
  'POST /api/goals/:id/review': ['goal.review', 'both'],
  'POST /api/goals/:id/approve': ['goal.approve', 'both'],
  // 公开 publishes through 信息公开: the decision and the frozen copy are audited with the move.
  'POST /api/goals/:id/publish': [['disclosure.approve', 'goal.publish', 'public_record.publish'], { 'goal.publish': 'both', 'disclosure.approve': 'after', 'public_record.publish': 'after' }],
  'POST /api/goals/:id/adjust': ['goal.adjust', 'both'],
  'POST /api/goals/:id/experts': ['goal.assign_experts', 'after'],
  'POST /api/goals/:id/expert-review': ['goal.expert_review', 'after'],
  'POST /api/goals/import': [['goal.create', 'goal.import'], 'after'],
  'PUT /api/monitoring/forms/:id': ['monitoring_form.update', 'both'],
  'POST /api/monitoring/forms/:id/submit': ['monitoring_form.submit', 'both'],
  'POST /api/monitoring/forms/:id/return': ['monitoring_form.return', 'both'],
  'POST /api/monitoring/forms/:id/accept': ['monitoring_form.accept', 'both'],
  'POST /api/monitoring/forms/batch-accept': ['monitoring_form.accept', 'both'],
  'POST /api/monitoring/forms/:id/notes': ['monitoring_form.note', 'after'],
  // What leaves the system: every export and download, and reads of the audit log (issue 10 §4).
  'GET /api/org/jurisdictions/export': ['org.export', 'after'],
  'GET /api/org/departments/export': ['org.export', 'after'],
  'GET /api/org/units/export': ['org.export', 'after'],
  'GET /api/users/export': ['user.export', 'after'],
  'GET /api/audit': ['audit.read', 'after'],
  'GET /api/audit/export': ['audit.export', 'after'],
  'GET /api/audit/checkpoint': ['audit.checkpoint', 'none'],
  'GET /api/projects/export': ['project.export', 'after'],
  'GET /api/projects/:id/attachments/:attachmentId': ['project.download_attachment', 'none'],
  'GET /api/indicators/export': ['indicator.export', 'after'],
  'GET /api/exante/export': ['exante.export', 'after'],
  'GET /api/exante/:id/report.docx': ['exante.download_report', 'none'],
  // third-party agencies and experts (issue 12, rules 44–45)
  'POST /api/agencies': ['agency.create', 'after'],
  'PATCH /api/agencies/:id': ['agency.update', 'both'],
  'POST /api/agencies/:id/relations': ['agency.add_relation', 'after'],
  'DELETE /api/agencies/:id/relations/:relationId': ['agency.remove_relation', 'before'],
  'POST /api/agencies/:id/violations': ['agency.add_violation', 'after'],
  'POST /api/agencies/:id/engagements': ['agency.engage', 'after'],
  'PATCH /api/agencies/engagements/:id': ['agency.update_engagement', 'both'],
  'POST /api/agencies/engagements/:id/rating': ['agency.rate', 'both'],
  'GET /api/agencies/export': ['agency.export', 'after'],
  'POST /api/experts': ['expert.create', 'after'],
  'PATCH /api/experts/:id': ['expert.update', 'both'],
  'POST /api/experts/:id/relations': ['expert.add_relation', 'after'],
  'POST /api/experts/draw': ['expert.draw', 'after'],
  'PUT /api/experts/draws/:id/sheet': ['expert.save_sheet', 'after'],
  'GET /api/experts/export': ['expert.export', 'after'],
  // monitoring rounds (issue 11, rounds)
  'POST /api/monitoring/rounds': ['monitoring.round_open', 'after'],
  'PATCH /api/monitoring/rounds/:id': ['monitoring.round_update', 'both'],
  'POST /api/monitoring/rounds/:id/remind': ['monitoring.remind', 'after'],
  'POST /api/monitoring/rounds/:id/extensions': ['monitoring.extend', 'both'],
  'POST /api/monitoring/rounds/:id/key': ['monitoring.key_pick', 'both'],
  'POST /api/monitoring/rounds/:id/agency': ['monitoring.assign_agency', 'both'],
  'GET /api/monitoring/rounds/:id/late/export': ['monitoring.export_late', 'after'],
  // 单位自评 (issue 12, selfeval)
  'POST /api/evaluation/self-rounds': ['evaluation.self_round_open', 'after'],
  'POST /api/interviews': ['interview.create', 'after'],
  'PATCH /api/interviews/:id': ['interview.update', 'both'],
  'DELETE /api/interviews/:id': ['interview.delete', 'before'],
  'GET /api/interviews/export': ['interview.export', 'after'],
  'POST /api/accountability': ['accountability.create', 'after'],
  'PATCH /api/accountability/:id': ['accountability.update', 'both'],
  'DELETE /api/accountability/:id': ['accountability.delete', 'before'],
  'GET /api/accountability/export': ['accountability.export', 'after'],
  'GET /api/results/bulletins/self-rounds/:id.docx': ['bulletin.self_round', 'none'],
  'GET /api/results/bulletins/monitoring-rounds/:id.docx': ['bulletin.monitoring_round', 'none'],
  'GET /api/results/bulletins/assessments/:year.docx': ['bulletin.assessment', 'after'],
  'POST /api/budget-decisions/generate': ['budget_decision.generate', 'after'],
  'POST /api/budget-decisions/:id/decide': ['budget_decision.decide', 'both'],
  'GET /api/budget-decisions/export': ['budget_decision.export', 'after'],
  'GET /api/results/departments/export': ['results.departments_export', 'after'],
  'GET /api/cockpit/rollup/export': ['cockpit.rollup_export', 'after'],
  'POST /api/cockpit/refresh': ['cockpit.refresh', 'after'],
  'PATCH /api/evaluation/self-rounds/:id': ['evaluation.self_round_update', 'both'],
  'POST /api/assessments/open': ['results.assessment_open', 'after'],
  'PUT /api/assessments/:id/self': ['results.assessment_self', 'after'],
  'POST /api/assessments/:id/submit': ['results.assessment_submit', 'both'],
  'POST /api/assessments/:id/review': ['results.assessment_review', 'both'],
  'POST /api/assessments/publish': ['results.assessment_publish', 'after'],
  'GET /api/assessments/export': ['results.assessment_export', 'after'],
  'POST /api/evaluation/self-rounds/:id/extensions': ['evaluation.self_extend', 'both'],
  'PUT /api/evaluation/self/:id': ['evaluation.self_update', 'both'],
  'POST /api/evaluation/self/:id/submit': ['evaluation.self_submit', 'both'],
  'POST /api/evaluation/self/:id/return': ['evaluation.self_return', 'both'],
  'POST /api/evaluation/self/:id/accept': ['evaluation.self_dept_accept', 'both'],
  'POST /api/evaluation/self/import': ['evaluation.self_import', 'both'],
  'GET /api/evaluation/self/:id/export': ['evaluation.self_export', 'after'],
  'GET /api/evaluation/self-rounds/:id/export': ['evaluation.self_round_export', 'after'],
  'GET /api/evaluation/self/export': ['evaluation.self_list_export', 'after'],
  'GET /api/evaluation/self-rounds/export': ['evaluation.self_rounds_export', 'after'],
  'GET /api/goals/declarations.zip': ['goal.export', 'after'],
  'GET /api/goals/:id/declaration.xlsx': ['goal.export_declaration', 'none'],
  // execution (预算执行数据): a push or an import is one row for the batch or file; payments carry created_by.
  'POST /api/execution/payments': ['execution.payment_push', 'after'],
  'POST /api/execution/payments/import': ['execution.payment_import', 'after'],
  'POST /api/execution/adjustments': ['execution.adjust', 'after'],
  'GET /api/execution/payments/export': ['execution.payment_export', 'after'],
  'GET /api/monitoring/forms/export': ['monitoring_form.export', 'after'],
  'POST /api/monitoring/actions': ['corrective_action.issue', 'after'],
  'POST /api/monitoring/actions/:id/respond': ['corrective_action.respond', 'both'],
  'POST /api/monitoring/actions/:id/return': ['corrective_action.return', 'both'],
  'POST /api/monitoring/actions/:id/close': ['corrective_action.close', 'both'],
  'POST /api/monitoring/actions/:id/lift': ['corrective_action.lift', 'both'],
  // key evaluations (issue 12, keyeval)
  'POST /api/evaluation/key': ['key_evaluation.create', 'after'],
  'PUT /api/evaluation/key/:id/plan': ['key_evaluation.plan', 'both'],
  'PUT /api/evaluation/key/:id/framework': ['key_evaluation.framework', 'both'],
  'POST /api/evaluation/key/:id/stage': ['key_evaluation.stage', 'both'],
  'POST /api/evaluation/key/:id/exchange': ['key_evaluation.exchange', 'both'],
  'POST /api/evaluation/key/:id/fieldwork': ['key_evaluation.fieldwork', 'after'],
  'POST /api/evaluation/key/:id/lines/:lineId/evidence': ['key_evaluation.evidence', 'after'],
  'PUT /api/evaluation/key/:id/survey': ['key_evaluation.survey', 'both'],
  'POST /api/evaluation/key/:id/survey/import': ['key_evaluation.survey_import', 'both'],
  'GET /api/evaluation/key/export': ['key_evaluation.export', 'after'],
  'GET /api/evaluation/key/:id/evidence/:evidenceId/download': ['key_evaluation.download_evidence', 'none'],
  'GET /api/evaluation/key/:id/report.docx': ['key_evaluation.download_report', 'none'],
  'GET /api/evaluation/key/:id/survey/template.xlsx': ['key_evaluation.survey_template', 'none'],
  'POST /api/monitoring/actions/:id/files': ['corrective_action.attach', 'after'],
  'GET /api/monitoring/actions/export': ['corrective_action.export', 'after'],
  'GET /api/monitoring/actions/:id/files/:fileId/download': ['corrective_action.download_file', 'none'],
  'POST /api/evaluation/spot-checks': ['spot_check.draw', 'after'],
  'PUT /api/evaluation/spot-checks/:id/items/:itemId': ['spot_check.rescore', 'both'],
  'POST /api/evaluation/spot-checks/:id/close': ['spot_check.close', 'both'],
  'GET /api/evaluation/spot-checks/export': ['spot_check.export', 'after'],
  'GET /api/evaluation/spot-checks/:id/items/:itemId/export': ['spot_check.export_item', 'none'],
  'GET /api/monitoring/report.docx': ['monitoring.download_report', 'after'],
  'GET /api/monitoring/export.xlsx': ['monitoring.export_forms', 'after'],
  'POST /api/rectifications': ['rectification.create', 'after'],
  'POST /api/rectifications/:id/respond': ['rectification.respond', 'both'],
  'POST /api/rectifications/:id/verify': ['rectification.verify', 'both'],
  'POST /api/rectifications/:id/close': ['rectification.close', 'both'],
  'POST /api/rectifications/:id/return': ['rectification.return', 'both'],
  'POST /api/rectifications/:id/evidence': ['rectification.evidence', 'after'],
  'GET /api/rectifications/export': ['rectification.export', 'after'],
  'GET /api/rectifications/:id/evidence/:evidenceId/download': ['rectification.download_evidence', 'none'],
  // 人大材料 (issue 14, npc)
  'GET /api/npc/packages/export': ['npc.package_list_export', 'after'],
  'GET /api/npc/packages/:departmentCode/:year.docx': ['npc.package', 'after'],
  'GET /api/npc/packages/:departmentCode/:year.pdf': ['npc.package', 'after'],
  'POST /api/npc/bundles': ['npc.bundle', 'after'],
  'GET /api/npc/bundles/:jobId.zip': ['npc.bundle_download', 'after'],
  // 信息公开 decisions (issue 14, disclosure): approving writes the copy's row as well; each carries what it did.
  'PUT /api/disclosure/records/:kind/:sourceId/decision': ['disclosure.decide', 'after'],
  'POST /api/disclosure/records/:kind/:sourceId/approve': [['disclosure.approve', 'goal.publish', 'public_record.publish'], { 'goal.publish': 'both', 'disclosure.approve': 'after', 'public_record.publish': 'after' }],
  'POST /api/disclosure/records/:kind/:sourceId/withdraw': [['disclosure.withdraw', 'public_record.withdraw'], 'after'],
  'POST /api/disclosure/approve-batch': [['disclosure.approve', 'goal.publish', 'public_record.publish'], { 'goal.publish': 'both', 'disclosure.approve': 'after', 'public_record.publish': 'after' }],
  'GET /api/disclosure/records/export': ['disclosure.export', 'after'],
}

/** Reads that hand out no recorded data (blank templates, the API's own description) and need no audit row. */
const looksLikeExport = (route: string) => /export|\.xlsx|\.docx|\.pdf|\.zip|download|checkpoint|attachments\/:attachmentId/.test(route)
const templates = new Set(['GET /api/projects/import-template', 'GET /api/goals/import-template', 'GET /api/execution/payments/import-template'])

/** Bureau roles sit at the city, or at the district where the targets are when only the own bureau may act. */
function placeOf(role: Role, seat: 'city' | 'district' = 'city'): OrgNode {
  const kind = roleOrgKinds[role][0]
  return kind === 'jurisdiction' ? w.own[seat] : kind === 'department' ? w.own.department : w.own.unit
}
const actors = new Map<string, { id: string; username: string; password: string }>()
for (const role of roles) actors.set(role, await t.make.user({ role, org: placeOf(role) }))
for (const role of roles.filter((r) => roleOrgKinds[r][0] === 'jurisdiction')) actors.set(`${role}@district`, await t.make.user({ role, org: placeOf(role, 'district') }))

/** The roles that may call the endpoint, by its permission and where the move belongs. */
function callers(e: Endpoint): Role[] {
  if (e.access === 'public' || e.access === 'session') return ['viewer', ...roles.filter((r) => r !== 'viewer')]
  return roles.filter((r) => {
    const granted = permissionsOf([r])
    const allowed = granted.includes(e.access as never) || (!!e.alsoAccess && granted.includes(e.alsoAccess))
    return allowed && (!e.onlyAt || e.onlyAt.includes(roleOrgKinds[r][0]!))
  })
}

let lastIp = 0
/** An expert reviews only goals assigned to it; the endpoint table's request assigns nobody. */
async function assignExpertToGoalIn(url: string) {
  const goalId = url.split('/')[3]!
  const goal = await t.db.selectFrom('goal').select('reviewRound').where('id', '=', goalId).executeTakeFirstOrThrow()
  await t.db.insertInto('goalExpertReview').values({ goalId, round: goal.reviewRound, expertId: actors.get('expert')!.id, assignedBy: null }).execute()
}

/** One request from a client address of its own, so the audit rows it caused can be told apart. */
async function send(e: Endpoint, role: Role | null) {
  const { url, body } = await e.request(w, 'own')
  if (e.route === '/api/goals/:id/expert-review') await assignExpertToGoalIn(url)
  const seated = role && e.ownJurisdictionOnly && roleOrgKinds[role][0] === 'jurisdiction' ? `${role}@district` : role
  const actor = seated ? actors.get(seated)! : null
  const cookie = actor ? (e.freshSession ? await t.login(actor.username, actor.password) : (await t.as(actor)).cookie) : null
  const clientIp = `10.9.${Math.floor(++lastIp / 250)}.${lastIp % 250}`
  const multipart = body instanceof MultipartBody
  const res = await t.app.inject({
    method: e.method,
    url,
    remoteAddress: clientIp,
    payload: multipart ? body.payload() : body === undefined ? undefined : (body as object),
    headers: { ...(cookie ? { cookie } : {}), ...(multipart ? { 'content-type': `multipart/form-data; boundary=${body.boundary}` } : {}) },
  })
  const rows = await t.db.selectFrom('auditLog').select(['action', 'actorUsername', 'before', 'after']).where('clientIp', '=', clientIp).orderBy('seq').execute()
  return { status: res.statusCode, body: res.body, rows, username: actor?.username ?? null }
}

const sidesOf = (row: { before: unknown; after: unknown }): Sides =>
  row.before !== null && row.after !== null ? 'both' : row.before !== null ? 'before' : row.after !== null ? 'after' : 'none'

const tableKeys = endpoints.filter((e) => e.method !== 'GET' || looksLikeExport(e.route) || e.route === '/api/audit').map((e) => `${e.method} ${e.route}`)

describe('the table itself', () => {
  test('names every write endpoint, every export and download and the audit-log read — and nothing else', () => {
    const expected = tableKeys.filter((k) => !templates.has(k)).sort()
    expect(Object.keys(audited).sort()).toEqual(expected)
    expect(expected.length).toBeGreaterThan(60)
  })

  test('every action it names has a label for the audit page, in Chinese and English', () => {
    for (const action of Object.values(audited).flatMap(([a]) => [a].flat())) expect(auditActionLabels[action], action).toMatchObject({ zh: expect.any(String), en: expect.any(String) })
  })
})

describe.each(endpoints.filter((e) => audited[`${e.method} ${e.route}`]).map((e) => [`${e.method} ${e.route}`, e] as const))('%s', (key, e) => {
  test('leaves its audit row, with the actor and before/after', async () => {
    const [action, sides] = audited[key]!
    const actions = [action].flat().sort()
    const tried: string[] = []
    // Callers are tried in turn until one succeeds (a batch answers 200 even when the move is not the caller's).
    for (const role of e.access === 'public' ? [null] : callers(e)) {
      const res = await send(e, role)
      if (res.status !== e.ok || res.rows.length === 0) {
        tried.push(`${role}: ${res.status} with ${res.rows.length} audit rows ${res.body.slice(0, 200)}`)
        continue
      }
      const username = e.access === 'public' ? w.loginUser.username : res.username
      expect([...new Set(res.rows.map((r) => r.action))].sort()).toEqual(actions)
      for (const row of res.rows) expect({ username: row.actorUsername, sides: sidesOf(row) }).toEqual({ username, sides: typeof sides === 'string' ? sides : sides[row.action] })
      return
    }
    throw new Error(`no caller succeeded with an audit row — a service skipped its recordAudit?\n${tried.join('\n')}`)
  })
})

describe('refusals', () => {
  const forbidden = endpoints.find((e) => e.method === 'PATCH' && e.route === '/api/users/:id')!
  const scoped = endpoints.find((e) => e.method === 'GET' && e.route === '/api/projects/:id')!

  test('a 403 and a 404 from an id outside the caller\'s scope are recorded, with the route and the code', async () => {
    const refused = await send(forbidden, 'unit_user')
    expect(refused.status).toBe(403)
    expect(refused.rows).toEqual([expect.objectContaining({ action: 'access.forbidden', actorUsername: actors.get('unit_user')!.username, after: expect.objectContaining({ code: 'FORBIDDEN' }) })])
    const { url } = await scoped.request(w, 'other')
    const outside = await send({ ...scoped, request: async () => ({ url }) }, 'finance_admin')
    expect(outside.status).toBe(404)
    expect(outside.rows).toEqual([expect.objectContaining({ action: 'access.not_found', after: expect.objectContaining({ code: 'NOT_FOUND', url }) })])
  })

  test('nobody signed in: a 401 is not recorded (there is no actor to name)', async () => {
    const res = await send(forbidden, null)
    expect(res.status).toBe(401)
    expect(res.rows).toEqual([])
  })

  test('when the audit row cannot be written, the refusal is still a 403, never a 500', async () => {
    const key = currentAuditKey()
    useAuditKey(null)
    try {
      const res = await send(forbidden, 'unit_user')
      expect(res.status).toBe(403)
      expect(res.rows).toEqual([])
    } finally {
      useAuditKey(key)
    }
  })

  test('a flood of refusals is answered and recorded one by one, and the server keeps serving', async () => {
    const { username } = actors.get('unit_user')!
    const before = await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'access.forbidden').where('actorUsername', '=', username).executeTakeFirstOrThrow()
    const cookie = (await t.as(actors.get('unit_user')!)).cookie!
    const results = await Promise.all(Array.from({ length: 100 }, () => t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })))
    expect(new Set(results.map((r) => r.statusCode))).toEqual(new Set([403]))
    const after = await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'access.forbidden').where('actorUsername', '=', username).executeTakeFirstOrThrow()
    expect(Number(after.n) - Number(before.n)).toBe(100)
    expect((await t.anon.get('/api/health')).statusCode).toBe(200)
  })
})
