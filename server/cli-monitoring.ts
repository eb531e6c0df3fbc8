import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import type { Config } from './config.ts'
import type { DatabaseHandle } from './db/database.ts'
import type { ActorCtx } from './http/context.ts'
import { AppError } from './http/errors.ts'
import { jobDefinitions } from './jobs.ts'
import { systemClock } from './platform/clock.ts'
import { waitWithProgress } from './platform/jobs-progress-bar.ts'
import { runJobFromCli } from './platform/jobs-cli.ts'
import { startJobWorker } from './platform/jobs-worker.ts'
import { sweepLightsJob } from './modules/monitoring/lights.jobs.ts'
import { openRound } from './modules/monitoring/rounds.service.ts'
import { cliActor } from './modules/projects/projects.import.cli.ts'

import { monitoringUsage } from './cli-monitoring-usage.ts'

/** `jixiao monitoring open|sweep …`: the same use cases as the web, run as jobs with a progress bar. */
export async function monitoringCli(handle: DatabaseHandle, config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args
  const { values } = parseArgs({
    args: rest,
    options: { year: { type: 'string' }, month: { type: 'string' }, deadline: { type: 'string' }, adhoc: { type: 'boolean' }, name: { type: 'string' }, as: { type: 'string' }, round: { type: 'string' } },
  })
  if (sub === 'sweep') {
    if (!values.round) return complain('需要 --round ID')
    const state = await runJobFromCli(handle, config, sweepLightsJob, { roundId: values.round }, { label: '重算预警灯', entityType: 'monitoring_round', entityId: values.round })
    return state.status === 'done' ? 0 : complain(state.error ?? state.status)
  }
  if (sub !== 'open') return complain(monitoringUsage)
  if (!values.year || !values.month || !values.deadline) return complain('需要 --year、--month、--deadline')
  const actor = await cliActor(handle.db, values.as)
  if (!actor || !actor.permissions.has('monitoring.manage')) return complain('需要一个有权发起监控批次的财政用户（--as USERNAME）')
  const ctx: ActorCtx = { actor, requestId: `cli-${randomUUID()}`, clientIp: 'local', now: systemClock.now(), lang: 'zh' }
  try {
    const input = { fiscalYear: Number(values.year), cutoffMonth: Number(values.month), adhoc: values.adhoc ?? false, deadline: new Date(`${values.deadline}T23:59:59+08:00`), name: values.name }
    if (!Number.isInteger(input.fiscalYear) || !Number.isInteger(input.cutoffMonth) || Number.isNaN(input.deadline.getTime())) return complain('--year、--month 须为整数，--deadline 须为 YYYY-MM-DD')
    const { round, jobRunId } = await openRound(handle.db, ctx, input)
    const worker = await startJobWorker({ db: handle.db, engine: handle.engine, clock: systemClock, config }, { definitions: jobDefinitions, pollSeconds: 0.5 })
    try {
      const state = await waitWithProgress(handle.db, jobRunId, { label: `生成 ${round.name}` })
      if (state.status !== 'done') return complain(state.error ?? state.status)
      console.log(`已发起 opened: ${round.name}（${round.id}）`)
      return 0
    } finally {
      await worker.stop()
    }
  } catch (error) {
    if (error instanceof AppError) return complain(error.messageOverride?.zh ?? error.code)
    throw error
  }
}

function complain(message: string) {
  console.error(message)
  return 2
}
