import fastifyCookie from '@fastify/cookie'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config.ts'
import type { Db, Engine } from './db/database.ts'
import { answerClientError } from './http/client-errors.ts'
import { installErrorHandler, refuseWhileClosing, sendFrameworkRefusal, validatorCompiler } from './http/errors.ts'
import { rejectNulCharacters } from './http/input-guards.ts'
import { markRecentWrites } from './http/read-routing.ts'
import { crossOriginGuard } from './http/origin-check.ts'
import { registerSecurityHeaders } from './http/security-headers.ts'
import { serveWebApp } from './http/web-app.ts'
import { auditRoutes } from './modules/audit/audit.routes.ts'
import { SESSION_COOKIE, authRoutes } from './modules/auth/auth.routes.ts'
import { resolveSession } from './modules/auth/auth.service.ts'
import { configureSessionCache } from './modules/auth/session-cache.ts'
import { goalExcelRoutes } from './modules/goals/goals.excel.routes.ts'
import { goalRoutes } from './modules/goals/goals.routes.ts'
import { exAnteRoutes } from './modules/exante/exante.routes.ts'
import { executionImportRoutes } from './modules/execution/execution.import.routes.ts'
import { executionRoutes } from './modules/execution/execution.routes.ts'
import { correctiveActionRoutes } from './modules/monitoring/actions.routes.ts'
import { keyEvaluationRoutes } from './modules/evaluation/key.routes.ts'
import { spotCheckRoutes } from './modules/evaluation/spotchecks.routes.ts'
import { evaluationDashboardRoutes } from './modules/evaluation/dashboard.routes.ts'
import { assessmentRoutes } from './modules/results/assessments.routes.ts'
import { healthRoutes } from './modules/health/health.routes.ts'
import { homeRoutes } from './modules/home/home.routes.ts'
import { jobRoutes } from './modules/jobs/jobs.routes.ts'
import { monitoringFormRoutes } from './modules/monitoring/forms.routes.ts'
import { frameworkRoutes } from './modules/indicators/frameworks.routes.ts'
import { indicatorRoutes } from './modules/indicators/indicators.routes.ts'
import { monitoringDashboardRoutes } from './modules/monitoring/dashboard.routes.ts'
import { orgRoutes } from './modules/org/org.routes.ts'
import { roundRoutes } from './modules/monitoring/rounds.routes.ts'
import { selfEvaluationRoutes } from './modules/evaluation/self.routes.ts'
import { attachmentRoutes } from './modules/projects/projects.attachments.ts'
import { transferRoutes } from './modules/projects/projects.transfers.ts'
import { projectImportRoutes } from './modules/projects/projects.import.routes.ts'
import { projectRoutes } from './modules/projects/projects.routes.ts'
import { ruleSetRoutes } from './modules/rule-sets/rule-sets.routes.ts'
import { settingsRoutes } from './modules/settings/settings.routes.ts'
import { userRoutes } from './modules/users/users.routes.ts'
import { agencyRoutes } from './modules/agencies/agencies.routes.ts'
import { expertRoutes } from './modules/experts/experts.routes.ts'
import { budgetDecisionRoutes } from './modules/results/budget-decisions.routes.ts'
import { rectificationRoutes } from './modules/results/rectifications.routes.ts'
import { interviewRoutes } from './modules/results/interviews.routes.ts'
import { accountabilityRoutes } from './modules/results/accountability.routes.ts'
import { bulletinRoutes } from './modules/results/bulletin.routes.ts'
import { resultsViewRoutes } from './modules/results/results-views.routes.ts'
import { portalRoutes } from './modules/portal/portal.routes.ts'
import { npcRoutes } from './modules/npc/npc.routes.ts'
import { disclosureRoutes } from './modules/disclosure/disclosure.routes.ts'
import { cockpitRoutes } from './modules/cockpit/cockpit.routes.ts'
// Later stages listening to earlier ones (monitoring follows payments and adjustments).
import './modules/monitoring/lights.listeners.ts'
import './modules/disclosure/disclosure.listeners.ts'
import './modules/results/rectifications.listeners.ts'
import { auditRefusals } from './platform/audit-access.ts'
import { auditReaderReads } from './platform/audit-reads.ts'
import type { Clock } from './platform/clock.ts'
import type { JobWorker } from './platform/jobs-worker.ts'

export interface Deps {
  db: Db
  /** Heavy reads (lists, dashboards, exports, the portal) when a replica is configured; see http/read-routing.ts. */
  readDb?: Db
  engine: Engine
  clock: Clock
  config: Config
  /** The job worker of this process, once started (main.ts): the readiness check reports whether it takes jobs. */
  jobWorker?: () => JobWorker | undefined
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>

/** Builds the HTTP app around its dependencies; main.ts listens, tests inject. */
export async function buildApp(deps: Deps): Promise<App> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    // Refusals before any route of ours: Node's HTTP parser (431, a broken request) and Fastify's router (a bad URL).
    clientErrorHandler: answerClientError,
    frameworkErrors: sendFrameworkRefusal,
    // Fastify's own 503 while closing is in a shape of its own: refuseWhileClosing answers in ours.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  refuseWhileClosing(app)
  app.addHook('preValidation', rejectNulCharacters)
  // onRequest: before a body (an upload) is even read.
  app.addHook('onRequest', crossOriginGuard(deps.config.publicOrigins))
  auditRefusals(app, deps.db)
  auditReaderReads(app, deps.db)
  configureSessionCache(deps.db, { ttlMs: deps.config.sessionCacheMs })

  markRecentWrites(app, deps)
  await registerSecurityHeaders(app, { https: deps.config.secureCookies })
  await app.register(fastifyCookie)
  await app.register(fastifyRateLimit, { global: false })
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Jixiao 绩效 API', version: '0.1.0', description: '预算绩效管理平台接口' } },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  app.decorateRequest('actor', null)
  app.decorateRequest('sessionExpired', false)
  app.decorateRequest('now', null as unknown as Date)
  app.addHook('onRequest', async (req) => {
    req.now = deps.clock.now()
    const token = req.cookies[SESSION_COOKIE]
    if (!token || !req.url.startsWith('/api/')) return
    const session = await resolveSession(deps.db, token, req.now)
    if (session && 'actor' in session) req.actor = session.actor
    else if (session) req.sessionExpired = true
  })

  for (const routes of [healthRoutes, authRoutes, orgRoutes, userRoutes, auditRoutes, settingsRoutes, projectRoutes, projectImportRoutes, attachmentRoutes, transferRoutes, indicatorRoutes, frameworkRoutes, ruleSetRoutes, goalRoutes, goalExcelRoutes, exAnteRoutes, homeRoutes, executionRoutes, executionImportRoutes, roundRoutes, monitoringFormRoutes, correctiveActionRoutes, monitoringDashboardRoutes, keyEvaluationRoutes, agencyRoutes, expertRoutes, selfEvaluationRoutes, spotCheckRoutes, evaluationDashboardRoutes, assessmentRoutes, budgetDecisionRoutes, rectificationRoutes, resultsViewRoutes, interviewRoutes, accountabilityRoutes, bulletinRoutes]) {
    await app.register(async (scope) => routes(scope as unknown as App, deps))
  }
  await app.register(async (scope) => jobRoutes(scope as unknown as App, deps))
  await app.register(async (scope) => cockpitRoutes(scope as unknown as App, deps))
  await app.register(async (scope) => npcRoutes(scope as unknown as App, deps))
  await app.register(async (scope) => disclosureRoutes(scope as unknown as App, deps))
  // The public portal (信息公开, no sign-in) under /public: before the web app, whose fallback would take its paths.
  await app.register(async (scope) => portalRoutes(scope as unknown as App, deps))
  await serveWebApp(app, deps.config.webDistDir)
  return app
}
