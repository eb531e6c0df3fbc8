import { sql } from 'kysely'
import { permissionsOf, roles } from '../../domain/roles.ts'
import type { TestContext } from './context.ts'
import { type Access, endpoints, type World } from './endpoints.ts'

/**
 * For each access an endpoint needs, the session cookie of a caller who holds it (null for public endpoints), so
 * a request refused for another reason — bad input, a foreign origin — cannot pass as an authorization refusal.
 */
export async function callerCookies(t: TestContext, w: World): Promise<Map<Access, string | null>> {
  const cookies = new Map<Access, string | null>()
  for (const { access } of endpoints) {
    if (cookies.has(access)) continue
    if (access === 'public') {
      cookies.set(access, null)
      continue
    }
    const role = roles.find((r) => access === 'session' || permissionsOf([r]).includes(access))!
    const user = await t.make.user({ role, org: w.own.city })
    cookies.set(access, (await t.as(user)).cookie)
  }
  return cookies
}

/** What a refused request must leave unchanged: the audit chain's head (every write is audited) and the rows it counts. */
export async function writesSoFar(t: TestContext) {
  const head = await t.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()
  const counted = await sql<{ nodes: number; users: number; sessions: number }>`
    select (select count(*) from org_node)::int as nodes, (select count(*) from app_user)::int as users,
           (select count(*) from user_session)::int as sessions`.execute(t.db)
  return { auditSeq: head.seq, ...counted.rows[0] }
}
