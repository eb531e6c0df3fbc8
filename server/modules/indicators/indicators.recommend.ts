import { sql } from 'kysely'
import { sectorOfDepartment } from '../../../domain/classify.ts'
import { projectKindsOf } from '../../../domain/indicator-fit.ts'
import type { Sector } from '../../../domain/indicators.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Actor, ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { projectVisibleTo } from '../../platform/scope.ts'
import { rankedQueryTerms, tsQueryOf } from '../../platform/search.ts'
import { indicatorUsageAmong } from '../goals/goals.service.ts'
import { bm25, indicatorListColumns, visibleIndicators } from './indicators.repository.ts'

// A project's name says more than its description. An indicator made for the project's type or sector is a
// candidate even when no word matches (the bonuses, in BM25 units: one strong name match scores about 5–10), and
// its word matches count for more (the factors), so a long text's incidental words do not outrank its type.
const NAME_WEIGHT = 2
const KIND_BONUS = 6
const SECTOR_BONUS = 3
const KIND_FACTOR = 0.6
const SECTOR_FACTOR = 0.3
const MAX_TERMS = 40
const SIMILAR_PROJECTS = 5
// Similar projects whose approved goals vote for the indicators they used: a bonus per goal, up to a cap, so a
// habit of peers lifts an indicator without drowning the word matches.
const USAGE_PROJECTS = 30
const USAGE_BONUS = 2
const USAGE_CAP = 3
const SECTOR_SAMPLE = 20
const SECTOR_SHARE = 0.4
/**
 * Below this score a library indicator made for particular sectors or project types shares no word, type or sector
 * with the project (one weak word match scores about 1–2): 智能审核 flags it as likely irrelevant.
 */
export const IRRELEVANT_BELOW = 1

/** What indicators are recommended for: a project, or a free text of the user's line of work. */
export interface Subject {
  name: string
  description: string
  departmentName: string | null
  projectId: string | null
}

async function subjectOf(db: Db, ctx: ActorCtx, q: { projectId?: string; text?: string }): Promise<Subject> {
  if (!q.projectId) {
    // Free text from a department or unit is about its own line of work.
    const department = ctx.actor.org.departmentCode
      ? await db.selectFrom('orgNode').select('name').where('code', '=', ctx.actor.org.departmentCode).executeTakeFirst()
      : undefined
    return { name: q.text!, description: '', departmentName: department?.name ?? null, projectId: null }
  }
  const project = await db
    .selectFrom('project')
    .innerJoin('orgNode as department', 'department.code', 'project.departmentCode')
    .select(['project.id', 'project.name', 'project.description', 'department.name as departmentName'])
    .where(projectVisibleTo(ctx.actor))
    .where('project.id', '=', q.projectId)
    .executeTakeFirst()
  if (!project) throw new AppError('NOT_FOUND', [{ path: 'projectId', message: q.projectId }])
  return { name: project.name, description: project.description, departmentName: project.departmentName, projectId: project.id }
}

/** Words of the subject, strongest first, at most MAX_TERMS; single characters say too little to rank on. */
function termsOf(subject: Subject) {
  const { terms, weights } = rankedQueryTerms([[subject.name, NAME_WEIGHT], [subject.description, 1]], { minLength: 2 })
  const order = terms.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]!).slice(0, MAX_TERMS)
  return { terms: order.map((i) => terms[i]!), weights: order.map((i) => weights[i]!) }
}

/** Projects in the user's scope whose words overlap the subject's most: what "similar" means for the explanation. */
async function similarProjects(db: Db | Trx, actor: Actor, subject: Subject, terms: string[], limit: number) {
  if (!terms.length) return []
  const query = tsQueryOf(terms.slice(0, 8)).replaceAll(' & ', ' | ')
  let q = db
    .selectFrom('project')
    .select(['project.id', 'project.name', 'project.fiscalYear', sql<number>`ts_rank(to_tsvector('simple', project.search_text), to_tsquery('simple', ${query}))`.as('rank')])
    .where(projectVisibleTo(actor))
    .where(sql<boolean>`to_tsvector('simple', project.search_text) @@ to_tsquery('simple', ${query})`)
  if (subject.projectId) q = q.where('project.id', '!=', subject.projectId)
  return q.orderBy('rank', 'desc').orderBy('project.id').limit(limit).execute()
}

/**
 * Without a department to go by, the sector is the one that dominates the best word matches (pseudo-relevance
 * feedback): "新校区校舍建设" matches mostly education indicators, so it is an education project.
 */
async function sectorOfBestMatches(indicators: ReturnType<typeof visibleIndicators>, terms: string[], weights: number[]): Promise<Sector | null> {
  if (!terms.length) return null
  const top = await indicators
    .innerJoin(bm25(terms, weights).as('ranked'), 'ranked.indicatorId', 'indicator.id')
    .select(['indicator.sectors', 'ranked.score'])
    .where('indicator.status', '=', 'active')
    .orderBy('ranked.score', 'desc')
    .limit(SECTOR_SAMPLE)
    .execute()
  const mass = new Map<string, number>()
  let total = 0
  for (const row of top) {
    total += row.score
    for (const s of row.sectors) mass.set(s, (mass.get(s) ?? 0) + row.score)
  }
  const [best, score] = [...mass].sort((a, b) => b[1] - a[1])[0] ?? [null, 0]
  return best && score >= total * SECTOR_SHARE ? (best as Sector) : null
}

/**
 * Indicators for a project (or a free text): BM25 over its name and description, plus a bonus for indicators
 * made for its project type (培训, 工程建设 …, read from its name) and for its department's sector. Each suggestion
 * says why: the words it matched, the type and sector it fits.
 */
/** What the subject is about: its project types, its words, its sector; and the score of an indicator for it. */
async function profileOf(subject: Subject, indicators: ReturnType<typeof visibleIndicators>) {
  // The name says what the money buys; the description only when the name does not.
  const kinds = projectKindsOf(subject.name, subject.description)
  const { terms, weights } = termsOf(subject)
  const sector: Sector | null = (subject.departmentName && sectorOfDepartment(subject.departmentName)) || (await sectorOfBestMatches(indicators, terms, weights))
  const kindMatch = sql<boolean>`indicator.project_kinds && ${kinds}::text[]`
  const sectorMatch = sql<boolean>`indicator.sectors && ${sector ? [sector] : []}::text[]`
  const wordsTypeSector = sql<number>`coalesce(ranked.score, 0) * (1 + case when ${kindMatch} then ${sql.lit(KIND_FACTOR)} else 0 end + case when ${sectorMatch} then ${sql.lit(SECTOR_FACTOR)} else 0 end)
        + case when ${kindMatch} then ${sql.lit(KIND_BONUS)} else 0 end + case when ${sectorMatch} then ${sql.lit(SECTOR_BONUS)} else 0 end`
  const ranked = bm25(terms.length ? terms : [''], terms.length ? weights : [0]).as('ranked')
  return { kinds, terms, weights, sector, kindMatch, sectorMatch, wordsTypeSector, ranked }
}

/**
 * The recommender's score of these library indicators for a project, without the peers' usage signal: what 智能审核
 * compares with IRRELEVANT_BELOW. Only indicators made for particular sectors or project types get a score; a
 * general one (服务对象满意度) fits any project and is not judged. One made only for other sectors than the project's,
 * matching none of its words, scores 0 whatever its project type. The goal's own project is read without a scope: the
 * caller already holds the goal.
 */
export async function indicatorRelevance(db: Db | Trx, projectId: string, codes: string[]): Promise<Map<string, number>> {
  if (!codes.length) return new Map()
  const project = await db
    .selectFrom('project')
    .innerJoin('orgNode as department', 'department.code', 'project.departmentCode')
    .select(['project.id', 'project.name', 'project.description', 'department.name as departmentName'])
    .where('project.id', '=', projectId)
    .executeTakeFirst()
  if (!project) return new Map()
  const subject: Subject = { name: project.name, description: project.description, departmentName: project.departmentName, projectId: project.id }
  const profile = await profileOf(subject, db.selectFrom('indicator'))
  // An indicator made for other sectors than the project's, sharing no word with it, fits no matter its project type:
  // 校园绿地率 (education, 工程建设) on a 政务服务平台升级改造 (IT, read as 工程建设 too) is still a school's indicator.
  const otherSector = profile.sector
    ? sql<boolean>`cardinality(indicator.sectors) > 0 and not (${profile.sectorMatch}) and ranked.indicator_id is null`
    : sql<boolean>`false`
  const rows = await db
    .selectFrom('indicator')
    .leftJoin(profile.ranked, 'ranked.indicatorId', 'indicator.id')
    .select(['indicator.code', sql<number>`case when ${otherSector} then 0 else ${profile.wordsTypeSector} end`.as('score')])
    .where('indicator.code', '=', sql<string>`any(${codes}::text[])`)
    .where((eb) => eb.or([sql<boolean>`cardinality(indicator.sectors) > 0`, sql<boolean>`cardinality(indicator.project_kinds) > 0`]))
    .execute()
  // A code has one row per revision; the best-scoring one speaks for it.
  const scores = new Map<string, number>()
  for (const row of rows) scores.set(row.code, Math.max(scores.get(row.code) ?? 0, Number(row.score)))
  return scores
}

export async function recommendIndicators(db: Db, ctx: ActorCtx, q: { projectId?: string; text?: string; limit: number }) {
  return recommendForSubject(db, ctx.actor, await subjectOf(db, ctx, q), q.limit)
}

/**
 * Recommendations for a subject, from the library the actor sees. Without `peers` the goals of similar projects
 * get no vote (the demo seed: no goals exist yet to learn from, and finding the peers is the slow part).
 */
export async function recommendForSubject(db: Db | Trx, actor: Actor, subject: Subject, limit: number, options: { peers: boolean } = { peers: true }) {
  const { kinds, terms, sector, kindMatch, sectorMatch, wordsTypeSector, ranked } = await profileOf(subject, visibleIndicators(db, actor))
  const similar = options.peers ? await similarProjects(db, actor, subject, terms, USAGE_PROJECTS) : []
  const usage = await indicatorUsageAmong(db, similar.map((p) => p.id))
  const usedCodes = [...usage.keys()]
  const usedCounts = usedCodes.map((c) => Math.min(usage.get(c)!, USAGE_CAP))
  const rows = await visibleIndicators(db, actor)
    .leftJoin(ranked, 'ranked.indicatorId', 'indicator.id')
    .leftJoin(sql<{ code: string; uses: number }>`(select * from unnest(${usedCodes}::text[], ${usedCounts}::int[]) as u(code, uses))`.as('usage'), 'usage.code', 'indicator.code')
    .select([
      sql<number | null>`usage.uses`.as('uses'),
      ...indicatorListColumns,
      'ranked.matched',
      kindMatch.as('kindMatch'),
      sectorMatch.as('sectorMatch'),
      sql<number>`${wordsTypeSector} + coalesce(usage.uses, 0) * ${sql.lit(USAGE_BONUS)}`.as('score'),
    ])
    .where('indicator.status', '=', 'active')
    .where((eb) => eb.or([eb('ranked.indicatorId', 'is not', null), kindMatch, sectorMatch, eb('usage.code', 'is not', null)]))
    .orderBy('score', 'desc')
    .orderBy('indicator.code')
    .limit(limit)
    .execute()
  return {
    subject: { name: subject.name, projectId: subject.projectId, projectKinds: kinds, sector, terms },
    similarProjects: similar.slice(0, SIMILAR_PROJECTS).map(({ rank: _r, ...p }) => p),
    items: rows.map(({ matched, kindMatch: k, sectorMatch: s, score, uses: _u, ...indicator }) => ({
      ...indicator,
      score: Math.round(Number(score) * 100) / 100,
      reasons: {
        matchedTerms: matched ?? [],
        projectKinds: k ? indicator.projectKinds.filter((x) => (kinds as string[]).includes(x)) : [],
        sector: s ? sector : null,
        usedBySimilarGoals: usage.get(indicator.code) ?? 0,
      },
    })),
  }
}
