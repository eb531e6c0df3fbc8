import { sql } from 'kysely'
import { type ProjectCodeFacts, projectCodeSeries } from '../../../domain/project-code.ts'
import type { Trx } from '../../db/database.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { findProjectIdByCode } from './projects.repository.ts'

/**
 * The next 项目编码 of a project left without one, by its jurisdiction's rule for the year (`projectCodePattern`),
 * drawn inside the caller's transaction: the series' counter row stays locked until that transaction ends, so
 * concurrent creates get different serials, and a rolled-back create gives its serial back. A serial whose code
 * someone already typed by hand is skipped.
 */
export async function nextProjectCode(trx: Trx, facts: ProjectCodeFacts, now: Date, pattern?: string): Promise<string> {
  const { series, code } = projectCodeSeries(pattern ?? (await patternFor(trx, facts)), facts)
  for (;;) {
    const { lastSerial } = await trx
      .insertInto('projectCodeCounter')
      .values({ series, lastSerial: 1, updatedAt: now })
      .onConflict((oc) => oc.column('series').doUpdateSet({ lastSerial: sql`project_code_counter.last_serial + 1`, updatedAt: now }))
      .returning('lastSerial')
      .executeTakeFirstOrThrow()
    const candidate = code(lastSerial)
    if (!(await findProjectIdByCode(trx, { jurisdictionCode: facts.jurisdictionCode, fiscalYear: facts.fiscalYear, code: candidate }))) return candidate
  }
}

async function patternFor(trx: Trx, facts: ProjectCodeFacts) {
  return (await effectiveRules(trx, facts.jurisdictionCode, facts.fiscalYear)).rules.projectCodePattern
}

/** Codes for several new projects of one import, in row order; each jurisdiction's rule for a year read once. */
export async function nextProjectCodes(trx: Trx, projects: ProjectCodeFacts[], now: Date): Promise<string[]> {
  const patterns = new Map<string, string>()
  const codes: string[] = []
  for (const facts of projects) {
    const key = `${facts.jurisdictionCode}|${facts.fiscalYear}`
    let pattern = patterns.get(key)
    if (pattern === undefined) patterns.set(key, (pattern = await patternFor(trx, facts)))
    codes.push(await nextProjectCode(trx, facts, now, pattern))
  }
  return codes
}
