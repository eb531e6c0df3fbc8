import { parseArgs } from 'node:util'
import type { Engine } from '../server/db/database.ts'
import { cockpitBench } from './cockpit.bench.ts'
import { indicatorsBench } from './indicators.bench.ts'
import { monitoringBench } from './monitoring.bench.ts'
import { partitionBench } from './partition.bench.ts'
import { projectsBench } from './projects.bench.ts'
import { projectImportBench } from './project-import.bench.ts'

/**
 * npm run bench -- <name> [--engine postgres|pglite|both] [--duration S] [--rounds N] [--connections N]
 *   monitoring: [--rows N] [--scale city|province] (see bench/monitoring.bench.ts)
 *   cockpit: [--scale city|province] (see bench/cockpit.bench.ts)
 *   project-import: [--rows N] (default 100000) [--via job|call|serve] (default job; see bench/project-import.bench.ts)
 *   partition: [--scale city|province] (see bench/partition.bench.ts)
 *
 * Benchmarks report ratios against a baseline measured in the same run; they never fail on timing.
 * PostgreSQL: a fresh database `jixiao_bench` on BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * dropped afterwards unless BENCH_KEEP=1. PGlite: a temporary folder.
 */
const benchmarks = { projects: projectsBench, indicators: indicatorsBench, monitoring: monitoringBenchFor, cockpit: cockpitBenchFor, 'project-import': projectImportBenchFor, partition: partitionBenchFor } as const

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '5' },
    rows: { type: 'string' },
    scale: { type: 'string', default: 'city' },
    via: { type: 'string', default: 'job' },
  },
})

function monitoringBenchFor(engine: Engine, options: { log: (line: string) => void }) {
  const scale = values.scale === 'province' ? 'province' : 'city'
  return monitoringBench(engine, { rows: Math.max(1000, Math.min(10_000_000, Number(values.rows) || 1_000_000)), scale, log: options.log })
}

function projectImportBenchFor(engine: Engine, options: { log: (line: string) => void }) {
  const via = values.via === 'call' ? 'call' : values.via === 'serve' ? 'serve' : 'job'
  return projectImportBench(engine, { rows: Math.max(100, Math.min(200_000, Number(values.rows) || 100_000)), via, log: options.log })
}

function partitionBenchFor(engine: Engine, options: { rounds: number; log: (line: string) => void }) {
  return partitionBench(engine, { scale: values.scale === 'province' ? 'province' : 'city', rounds: options.rounds, log: options.log })
}

function cockpitBenchFor(engine: Engine, options: { rounds: number; log: (line: string) => void }) {
  return cockpitBench(engine, { scale: values.scale === 'province' ? 'province' : 'city', rounds: options.rounds, log: options.log })
}

const name = positionals[0] as keyof typeof benchmarks | undefined
if (!name || !(name in benchmarks)) {
  console.error(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [--engine postgres|pglite|both] [--duration 10] [--rounds 5] [--connections 50]`)
  process.exit(2)
}
const engines: Engine[] = values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine]
if (!engines.every((e) => e === 'postgres' || e === 'pglite')) {
  console.error(`unknown engine ${values.engine}`)
  process.exit(2)
}
const duration = Math.min(60, Math.max(1, Number(values.duration)))
const connections = Math.min(200, Math.max(1, Number(values.connections)))
const rounds = Math.min(10, Math.max(1, Number(values.rounds)))

for (const engine of engines) {
  await benchmarks[name](engine, { duration, rounds, connections, log: (line) => console.log(line) })
}
process.exit(0)
