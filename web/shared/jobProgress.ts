/** A background job as GET /api/jobs/:id answers (server/modules/jobs/jobs.service.ts). */
export interface JobRun {
  id: string
  kind: string
  status: 'queued' | 'running' | 'done' | 'failed'
  done: number
  total: number | null
  message: string
  result: unknown
  error: string | null
}

export interface JobProgressView {
  /** 0–100, or null while the total is unknown (the bar then only moves). */
  percent: number | null
  /** antd Progress status. */
  barStatus: 'active' | 'success' | 'exception' | 'normal'
  finished: boolean
}

/** How a job's row shows as a progress bar: never 100 % before it is done, a failed job stays where it stopped. */
export function jobProgressView(job: Pick<JobRun, 'status' | 'done' | 'total'>): JobProgressView {
  const finished = job.status === 'done' || job.status === 'failed'
  let percent: number | null = null
  if (job.status === 'done') percent = 100
  else if (job.total && job.total > 0) percent = Math.min(99, Math.floor((job.done / job.total) * 100))
  else if (job.status === 'queued') percent = 0
  const barStatus = job.status === 'done' ? 'success' : job.status === 'failed' ? 'exception' : job.status === 'running' ? 'active' : 'normal'
  return { percent, barStatus, finished }
}
