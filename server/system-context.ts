import { randomUUID } from 'node:crypto'
import type { Ctx } from './http/context.ts'
import type { Clock } from './platform/clock.ts'

/** The context of work the system does by itself (CLI, start-up seeding): no signed-in actor. */
export function systemContext(clock: Clock, what: string): Ctx {
  return { actor: null, requestId: `${what}-${randomUUID()}`, clientIp: 'local', now: clock.now(), lang: 'zh' }
}
