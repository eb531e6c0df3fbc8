import type { Db } from '../db/database.ts'
import { type JobRunState, waitForJobRun } from './jobs-wait.ts'

export interface ProgressOutput {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/**
 * One line of progress: `label [#####-----]  42% 4,200/10,000 message` (no bar while the total is unknown).
 * Pure, for the CLI and its tests.
 */
export function progressLine(label: string, state: Pick<JobRunState, 'status' | 'done' | 'total' | 'message'>, width = 80): string {
  const count = state.total ? `${state.done.toLocaleString('en-US')}/${state.total.toLocaleString('en-US')}` : state.done.toLocaleString('en-US')
  const status = state.status === 'queued' ? '排队中 queued' : state.status === 'failed' ? '失败 failed' : ''
  let bar = ''
  if (state.total) {
    const ratio = Math.min(1, state.done / state.total)
    const cells = 24
    const filled = Math.round(ratio * cells)
    bar = `[${'#'.repeat(filled)}${'-'.repeat(cells - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% `
  }
  const line = `${label} ${bar}${count} ${status || state.message}`.trimEnd()
  return line.length > width ? `${line.slice(0, width - 1)}…` : line
}

/**
 * Waits for a job_run, showing its progress: a bar redrawn in place on a terminal, a plain line per change
 * otherwise (logs, CI). Returns the final state; the caller decides what a failure means (exit code).
 */
export async function waitWithProgress(db: Db, jobRunId: string, options: { label?: string; out?: ProgressOutput; pollMs?: number; timeoutMs?: number } = {}): Promise<JobRunState> {
  const out: ProgressOutput = options.out ?? process.stderr
  const label = options.label ?? 'job'
  let last = ''
  const show = (state: JobRunState) => {
    const line = progressLine(label, state, out.isTTY ? Math.max(20, (out.columns ?? 80) - 1) : 200)
    if (line === last) return
    last = line
    out.write(out.isTTY ? `\r\x1b[2K${line}` : `${line}\n`)
  }
  const final = await waitForJobRun(db, jobRunId, { pollMs: options.pollMs ?? 250, timeoutMs: options.timeoutMs, onState: show })
  if (out.isTTY) out.write('\n')
  if (final.status === 'failed') out.write(`${label}: ${final.error ?? 'failed'}\n`)
  return final
}
