import type { Endpoint, Scope, World } from './endpoints.ts'

/**
 * 人大材料 (issue 14) for the endpoint table. A package is a department's: read with npc.read by the bureaus above it,
 * the 人大/审计 reader and the department itself. A bundle is a bureau's jurisdiction's: started for the district by
 * a bureau above or at it; its zip is read by whoever sees the job's jurisdiction (a department: 404).
 */

const listQuery = { page: 'abc', pageSize: '1000', order: 'sideways', q: 'x'.repeat(500), fiscalYear: 'next', jurisdictionCode: '!', departmentCode: '!' }
const { page: _p, pageSize: _s, ...exportQuery } = listQuery

/** A finished bundle job of the district with its stored zip, as the job leaves it (started by nobody in particular). */
async function finishedBundle(w: World, s: Scope) {
  const { t } = w
  const district = w[s].district
  const file = await t.db.insertInto('storedFile').values({ sha256: '0'.repeat(64), fileName: 'npc.zip', contentType: 'application/zip', sizeBytes: 2, content: Buffer.from('PK') }).returning('id').executeTakeFirstOrThrow()
  const result = { fileId: file.id, jurisdictionCode: district.code, jurisdictionName: district.name, fiscalYear: 2026, departments: 1, formats: ['docx'] }
  const job = await t.db
    .insertInto('jobRun')
    .values({ kind: 'npc.bundle', status: 'done', jurisdictionCode: district.code, entityType: 'npc_bundle', data: JSON.stringify({ jurisdictionCode: district.code, fiscalYear: 2026 }), done: 1, total: 1, result: JSON.stringify(result), createdBy: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return job.id
}

export const npcEndpoints: Endpoint[] = [
  { method: 'GET', route: '/api/npc/packages', access: 'npc.read', ok: 200, badQuery: listQuery, request: async () => ({ url: '/api/npc/packages?fiscalYear=2026' }) },
  { method: 'GET', route: '/api/npc/packages/export', access: 'npc.read', ok: 200, badQuery: exportQuery, request: async () => ({ url: '/api/npc/packages/export?fiscalYear=2026' }) },
  {
    method: 'GET',
    route: '/api/npc/packages/:departmentCode/:year.docx',
    access: 'npc.read',
    ok: 200,
    target: 'department',
    badParam: '!!',
    request: async (w, s) => ({ url: `/api/npc/packages/${w[s].department.code}/2026.docx` }),
  },
  {
    method: 'GET',
    route: '/api/npc/packages/:departmentCode/:year.pdf',
    access: 'npc.read',
    ok: 200,
    target: 'department',
    badParam: '!!',
    request: async (w, s) => ({ url: `/api/npc/packages/${w[s].department.code}/2026.pdf` }),
  },
  {
    method: 'POST',
    route: '/api/npc/bundles',
    access: 'npc.read',
    ok: 201,
    target: 'district',
    request: async (w, s) => ({ url: '/api/npc/bundles', body: { fiscalYear: 2026, jurisdictionCode: w[s].district.code } }),
    requiredBody: ['fiscalYear'],
  },
  {
    method: 'GET',
    route: '/api/npc/bundles/:jobId.zip',
    access: 'npc.read',
    ok: 200,
    target: 'district',
    badParam: 'not-a-uuid',
    request: async (w, s) => ({ url: `/api/npc/bundles/${await finishedBundle(w, s)}.zip` }),
  },
]
