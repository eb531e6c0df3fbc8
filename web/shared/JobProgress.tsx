import { useQuery } from '@tanstack/react-query'
import { Alert, Progress, Space, Tag, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { api, ApiError } from '../api/client'
import { type JobRun, jobProgressView } from './jobProgress'
import { errorMessage } from './serverErrors'

export type { JobRun } from './jobProgress'

const statusColors: Record<JobRun['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' }

interface Props {
  /** The job_run id a POST answered with (e.g. `{ jobRunId }` of opening a monitoring round). */
  jobId: string
  /** Called once when the job is done, with what the job returned. */
  onDone?: (result: unknown) => void
  /** Called once when the job failed, with its error text. */
  onFailed?: (error: string | null) => void
  /** How often to ask while it runs (ms). */
  pollMs?: number
  /** A title above the bar (what the job does). */
  title?: string
}

/**
 * A background job's progress: polls GET /api/jobs/:id until the job is done or failed, shows an antd Progress bar
 * (moving without a percent while the job does not know its total yet) with the job's message, and calls onDone /
 * onFailed once. Mount it where the user waits (a dialog, the top of a detail page); it stops polling when unmounted.
 */
export function JobProgress({ jobId, onDone, onFailed, pollMs = 1000, title }: Props) {
  const { t } = useTranslation()
  const query = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => api.get<JobRun>(`/api/jobs/${jobId}`, undefined, signal),
    refetchInterval: (q) => {
      const job = q.state.data
      if (job && jobProgressView(job).finished) return false
      // A job out of reach (404) will not come back; a passing network failure is retried at the same pace.
      if (q.state.error instanceof ApiError && q.state.error.status === 404) return false
      return pollMs
    },
    retry: false,
  })
  const job = query.data
  const reported = useRef<string | null>(null)
  const callbacks = useRef({ onDone, onFailed })
  callbacks.current = { onDone, onFailed }

  useEffect(() => {
    if (!job || reported.current === job.id) return
    if (job.status === 'done') {
      reported.current = job.id
      callbacks.current.onDone?.(job.result)
    } else if (job.status === 'failed') {
      reported.current = job.id
      callbacks.current.onFailed?.(job.error)
    }
  }, [job])

  if (!job) {
    if (query.error) return <Alert type="error" showIcon title={t('jobs.lost')} description={errorMessage(query.error)} />
    return <Progress percent={0} status="active" showInfo={false} aria-label={t('jobs.waiting')} />
  }

  const view = jobProgressView(job)
  const count = job.total ? t('jobs.count', { done: job.done.toLocaleString(), total: job.total.toLocaleString() }) : t('jobs.countOpen', { done: job.done.toLocaleString() })
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4} data-testid="job-progress" data-status={job.status}>
      <Space wrap>
        {title && <Typography.Text strong>{title}</Typography.Text>}
        <Tag color={statusColors[job.status]}>{t(`jobs.status.${job.status}`)}</Tag>
        {job.status !== 'queued' && <Typography.Text type="secondary">{count}</Typography.Text>}
      </Space>
      <Progress percent={view.percent ?? 100} status={view.barStatus} showInfo={view.percent !== null} strokeLinecap="square" />
      {job.status === 'queued' && <Typography.Text type="secondary">{t('jobs.waiting')}</Typography.Text>}
      {job.message && job.status !== 'failed' && <Typography.Text type="secondary">{job.message}</Typography.Text>}
      {job.status === 'failed' && <Alert type="error" showIcon title={t('jobs.failed')} description={job.error ?? undefined} />}
      {query.error && !view.finished && <Typography.Text type="warning">{t('jobs.pollingStopped')}</Typography.Text>}
    </Space>
  )
}
