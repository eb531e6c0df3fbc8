import { sql } from 'kysely'
import { nationalRules } from '../../domain/rule-set.ts'
import { scoreSelfEvaluation, type SelfEvalIndicatorInput } from '../../domain/self-evaluation.ts'
import type { SelfEvalStatus } from '../../domain/evaluation.ts'
import type { Db } from '../db/database.ts'
import type { OrgNode } from '../db/schema.ts'
import type { TestContext } from './context.ts'

/**
 * Spot-check test factory. TEMPORARY: the self-evaluation tables belong to the self-evaluation module (built in
 * parallel); until they are merged, this creates a minimal `self_eval_form` / `self_eval_indicator` with only the
 * columns `spotchecks.source.ts` reads (create table if not exists), and inserts 自评表 scored by the domain.
 * After the merge, switch `selfEvalForm` to the self-evaluation factory (server/test/factories.self-evaluation.ts).
 */
export async function ensureSelfEvalTables(db: Db) {
  await sql`
    create table if not exists self_eval_form (
      id uuid primary key default gen_random_uuid(),
      fiscal_year integer not null,
      jurisdiction_code varchar(32) not null,
      department_code varchar(32),
      unit_code varchar(32),
      project_id uuid,
      kind varchar(12) not null default 'project',
      status varchar(16) not null,
      budget numeric(18, 2) not null,
      executed numeric(18, 2) not null,
      execution_weight numeric(5, 2) not null,
      execution_reason text,
      total numeric(5, 2),
      grade varchar(2)
    );
    create table if not exists self_eval_indicator (
      id uuid primary key default gen_random_uuid(),
      form_id uuid not null,
      sort_order integer not null,
      level1 varchar(40) not null,
      level2 varchar(40) not null default '',
      name varchar(200) not null,
      nature varchar(16) not null,
      target varchar(200) not null,
      unit varchar(40) not null default '',
      weight numeric(5, 2) not null,
      actual varchar(200),
      applicable boolean not null default true,
      proposed_score numeric(5, 2),
      score numeric(5, 2),
      override_score numeric(5, 2),
      override_reason text,
      deviation_reason text
    );
  `.execute(db)
}

/** A 自评表 with four indicators (90 points) and 执行率 (10): quantity, quality, effect, satisfaction. */
export const standardIndicators = (actuals: [string, string, string, string] = ['500', '98', '达成年度指标', '96']): SelfEvalIndicatorInput[] => [
  { name: '培训人次', level1: '产出指标', nature: '>=', target: '≥500人次', unit: '人次', weight: '30.00', actual: actuals[0], applicable: true, score: null, overrideReason: null, deviationReason: null },
  { name: '培训合格率', level1: '产出指标', nature: '>=', target: '≥95%', unit: '%', weight: '20.00', actual: actuals[1], applicable: true, score: null, overrideReason: null, deviationReason: null },
  { name: '教学质量提升', level1: '效益指标', nature: 'qualitative', target: '明显提升', unit: '', weight: '30.00', actual: actuals[2], applicable: true, score: null, overrideReason: null, deviationReason: null },
  { name: '学员满意度', level1: '满意度指标', nature: '>=', target: '≥90%', unit: '%', weight: '10.00', actual: actuals[3], applicable: true, score: null, overrideReason: null, deviationReason: null },
]

export async function selfEvalForm(
  t: TestContext,
  options: { unit: OrgNode; fiscalYear?: number; status?: SelfEvalStatus; indicators?: SelfEvalIndicatorInput[]; budget?: string; executed?: string; name?: string },
) {
  await ensureSelfEvalTables(t.db)
  const fiscalYear = options.fiscalYear ?? 2025
  const project = await t.make.project({ unit: options.unit, fiscalYear, name: options.name })
  const indicators = options.indicators ?? standardIndicators()
  const input = { budget: options.budget ?? '1000000.00', executed: options.executed ?? '950000.00', executionWeight: '10.00', executionReason: null, indicators }
  const result = scoreSelfEvaluation(input, nationalRules)
  // With the self-evaluation module merged, a form belongs to its jurisdiction's round of the year.
  const roundId = (await sql<{ t: string | null }>`select to_regclass('self_eval_round')::text as t`.execute(t.db)).rows[0]?.t ? await roundOf(t, options.unit.jurisdictionCode, fiscalYear) : null
  const form = (
    await sql<{ id: string }>`
      insert into self_eval_form (${sql.raw(roundId ? 'round_id, ' : '')}kind, fiscal_year, jurisdiction_code, department_code, unit_code, project_id, status, budget, executed, execution_weight, total, grade)
      values (${roundId ? sql`${roundId}, ` : sql``}'project', ${fiscalYear}, ${options.unit.jurisdictionCode}, ${options.unit.departmentCode}, ${options.unit.code}, ${project.id}, ${options.status ?? 'submitted'},
              ${input.budget}, ${input.executed}, ${input.executionWeight}, ${result.total?.value ?? null}, ${result.grade?.value ?? null})
      returning id`.execute(t.db)
  ).rows[0]!
  for (const [i, ind] of indicators.entries()) {
    const r = result.indicators[i]!
    await sql`
      insert into self_eval_indicator (form_id, sort_order, level1, name, nature, target, unit, weight, actual, applicable, proposed_score, score, override_score, override_reason, deviation_reason)
      values (${form.id}, ${i}, ${ind.level1}, ${ind.name}, ${ind.nature}, ${ind.target}, ${ind.unit}, ${ind.weight}, ${ind.actual}, ${ind.applicable},
              ${r.proposed?.value ?? null}, ${r.score}, ${ind.score}, ${ind.overrideReason}, ${ind.deviationReason})`.execute(t.db)
  }
  return { id: form.id, projectId: project.id, total: result.total?.value ?? null, grade: result.grade?.value ?? null, problems: result.problems }
}

async function roundOf(t: TestContext, jurisdictionCode: string, fiscalYear: number) {
  const found = (await sql<{ id: string }>`select id from self_eval_round where jurisdiction_code = ${jurisdictionCode} and fiscal_year = ${fiscalYear}`.execute(t.db)).rows[0]
  if (found) return found.id
  const made = await sql<{ id: string }>`
    insert into self_eval_round (jurisdiction_code, fiscal_year, name, deadline, status) values (${jurisdictionCode}, ${fiscalYear}, ${`${fiscalYear}年度单位自评`}, now(), 'open') returning id`.execute(t.db)
  return made.rows[0]!.id
}

/** A sample of one submitted 自评表 drawn by `jurisdiction`'s bureau (optionally already re-scored), written directly. */
export async function spotCheckWithItem(t: TestContext, options: { jurisdiction: OrgNode; unit: OrgNode; reviewed?: boolean }) {
  const form = await selfEvalForm(t, { unit: options.unit })
  const { readSelfEvalForScoring } = await import('../modules/evaluation/spotchecks.source.ts')
  const read = (await readSelfEvalForScoring(t.db, form.id))!
  const sample = await t.db
    .insertInto('spotCheck')
    .values({ jurisdictionCode: options.jurisdiction.jurisdictionCode, fiscalYear: 2025, name: '抽查样本', seed: 'factory', randomCount: 0, poolSize: 1, poolIds: [form.id] })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  const item = await t.db
    .insertInto('spotCheckItem')
    .values({
      spotCheckId: sample.id,
      formId: form.id,
      pick: 'manual',
      position: 0,
      jurisdictionCode: read.jurisdictionCode,
      departmentCode: read.departmentCode,
      unitCode: read.unitCode,
      projectId: read.projectId,
      title: read.title,
      unitSnapshot: JSON.stringify({ status: read.status, input: read.input, indicators: read.indicators }),
      unitTotal: read.total,
      unitGrade: read.grade,
      status: options.reviewed ? 'reviewed' : 'pending',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  return { sample, item, form }
}
