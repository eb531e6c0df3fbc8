import type { jobsZhCN } from './jobs.zh-CN'

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const jobsEn: Messages<typeof jobsZhCN> = {
  status: { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' },
  count: '{{done}} / {{total}}',
  countOpen: '{{done}} processed',
  waiting: 'Waiting for the background job to start…',
  failed: 'The background job failed',
  lost: 'The job’s progress cannot be read',
  pollingStopped: 'Progress cannot be refreshed right now; retrying',
}
