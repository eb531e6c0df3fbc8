import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { Session } from './soak/client.ts'
import { markdownReport } from './soak/report.ts'
import { castUsers, runUser } from './soak/scenarios.ts'
import { startServer } from './soak/server.ts'
import { Recorder } from './soak/stats.ts'

/**
 * npm run soak -- [--minutes 30] [--warmup 1] [--replica] [--out FILE]
 *
 * Starts the real server (`jixiao serve --demo`) on a fresh PostgreSQL database on SOAK_DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432/postgres), drives lists with search and sort, details, goal saves,
 * monitoring form save/submit/return, xlsx/zip exports, dashboards and the public portal as the demo's users,
 * samples the server's RSS every 5 s, and writes a markdown summary (default bench/results/soak-<time>.md).
 * --replica: heavy reads on the hot standby of scripts/replica.sh (port 5433). The database is dropped afterwards
 * unless SOAK_KEEP=1. Targets: 0 errors, p99 does not drift, RSS growth < 10 % after warm-up.
 */
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '1' },
    replica: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
})
const minutes = Math.max(1, Number(values.minutes) || 30)
const warmupMinutes = Math.min(minutes - 1, Math.max(0, Number(values.warmup) || 0))
const startedAt = new Date()
const out = values.out ?? `bench/results/soak-${startedAt.toISOString().slice(0, 16).replace(/[:T]/g, '')}.md`
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`)

log('starting the server on a fresh database (migrate + demo seed)…')
const server = await startServer({
  serverUrl: process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: process.env.SOAK_DATABASE ?? `jixiao_soak_${process.pid}`,
  readUrl: values.replica ? (process.env.SOAK_READ_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres') : undefined,
  log,
})
try {
  const recorder = new Recorder()
  const users = await castUsers(() => new Session(server.base, recorder))
  log(`${users.length} virtual users on ${server.base} (server pid ${server.pid}); ${minutes} min`)
  recorder.startLoad()
  recorder.sampleRss(server.rssMb())
  const sampler = setInterval(() => recorder.sampleRss(server.rssMb()), 5_000)
  const ticker = setInterval(() => {
    const m = recorder.minutes()[recorder.minuteNow() - 1]
    if (m) log(`minute ${m.minute + 1}: ${m.requests} requests, ${m.errors} errors, p50 ${m.p50.toFixed(0)} ms, p99 ${m.p99.toFixed(0)} ms, RSS ${m.rssMb.toFixed(0)} MB`)
  }, 60_000)
  const until = Date.now() + minutes * 60_000
  await Promise.all(users.map((u) => runUser(u, until)))
  clearInterval(sampler)
  clearInterval(ticker)

  const report = markdownReport(recorder, { minutes, warmupMinutes, users: users.length, server: 'PostgreSQL (local, shared machine)', replica: values.replica, startedAt })
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, report.markdown)
  console.log(`\n${report.markdown}`)
  log(`summary written to ${out}`)
} finally {
  await server.stop()
}
process.exit(0)
