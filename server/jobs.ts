import { openSelfRoundJob } from './modules/evaluation/self.jobs.ts'
import { importPaymentsJob } from './modules/execution/execution.jobs.ts'
import { sweepLightsJob } from './modules/monitoring/lights.jobs.ts'
import { openRoundJob } from './modules/monitoring/rounds.jobs.ts'
import './modules/monitoring/lights.listeners.ts'
import { generateBudgetDecisionsJob } from './modules/results/budget-decisions.jobs.ts'
import type { JobDefinition } from './platform/jobs.ts'
import { npcBundleJob } from './modules/npc/npc.jobs.ts'
import { refreshCockpitJob } from './modules/cockpit/cockpit.jobs.ts'
import { importProjectsJob } from './modules/projects/projects.jobs.ts'
import { ensurePartitionsJob } from './platform/partitions.jobs.ts'

/**
 * Every background job the app runs, like the routes list in app.ts: the worker started by `serve` (main.ts) and
 * by tests (`createTestContext(…, { jobs: true })`) runs these. Add a definition here with one line when a module
 * defines one (`defineJob` in `<module>.jobs.ts`). See server/platform/jobs.ts for how to write one.
 */
export const jobDefinitions: readonly JobDefinition<any>[] = [openRoundJob, sweepLightsJob, importPaymentsJob, openSelfRoundJob, generateBudgetDecisionsJob, npcBundleJob, refreshCockpitJob, importProjectsJob, ensurePartitionsJob]
