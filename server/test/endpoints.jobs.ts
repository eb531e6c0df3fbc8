import { countJob } from '../platform/jobs.fixtures.ts'
import { enqueueJob } from '../platform/jobs.ts'
import type { Endpoint } from './endpoints.ts'

/**
 * Background job progress. A job started by nobody in particular (created_by null) is seen by whoever may read
 * its jurisdiction: the finance bureaus at or above it; department and unit users get 404. (The creator's own
 * view is tested in server/platform/jobs.test.ts.)
 */
export const jobEndpoints: Endpoint[] = [
  {
    method: 'GET',
    route: '/api/jobs/:id',
    access: 'session',
    ok: 200,
    target: 'district',
    badParam: 'not-a-uuid',
    request: async (w, s) => {
      const { jobRunId } = await enqueueJob(w.t.db, countJob, { n: 1, stepMs: 0 }, { jurisdictionCode: w[s].district.code })
      return { url: `/api/jobs/${jobRunId}` }
    },
  },
]
