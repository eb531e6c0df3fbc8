#!/usr/bin/env node
// The one test command (`npm test`): unit and server tests on the database chosen by TEST_DATABASE_URL
// (PGlite when unset), then the browser journeys in Debian's Chromium. Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const args = new Set(process.argv.slice(2))
// Anything that is not a flag narrows both runs to the test files whose path contains it (`npm run test:e2e -- goals`).
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'))
// CI's second pass (`--second-engine`, on PostgreSQL after the whole suite passed on PGlite): what can differ between
// the engines — every server test, and the browser journeys that drive queued jobs end to end. The unit tests touch
// no database; the other journeys test pages over the same API the server tests already ran on this engine.
const secondEngine = args.has('--second-engine')
const secondEngineJourneys = ['e2e/monitoring-journey', 'e2e/evaluation-self', 'e2e/results-rectifications', 'e2e/results-journey']
const env = { ...process.env }
if (args.has('--pg') && !env.TEST_DATABASE_URL) env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
const engine = env.TEST_DATABASE_URL ? `PostgreSQL (${env.TEST_DATABASE_URL})` : 'PGlite'
const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const resultsDir = 'test-results'
mkdirSync(resultsDir, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
let exitCode = 0

function vitest(label, vitestArgs, reportFile, files = filters) {
  console.log(`\n▶ ${label} — ${engine}`)
  const report = join(resultsDir, reportFile)
  const started = Date.now()
  const run = spawnSync('npx', ['vitest', 'run', ...vitestArgs, ...files, ...(files.length ? ['--passWithNoTests'] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env,
  })
  if (run.status !== 0) exitCode = 1
  if (existsSync(report) && statSync(report).mtimeMs >= started) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    totals.passed += json.numPassedTests
    // A run that failed without a failing test (a config or import error) still counts as one failure.
    totals.failed += Math.max(json.numFailedTests, json.numFailedTestSuites, run.status === 0 ? 0 : 1)
    totals.skipped += json.numPendingTests + json.numTodoTests
  } else if (run.status !== 0) totals.failed += 1
}

if (secondEngine) vitest('server tests', ['--project', 'server'], 'vitest.json')
else if (!args.has('--e2e-only')) vitest('unit and server tests', [], 'vitest.json')

if (existsSync(chromium)) {
  console.log('\n▶ building the web app for the browser tests')
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env })
  if (build.status !== 0) exitCode = 1
  else if (secondEngine) vitest('browser journeys that drive queued jobs (Chromium)', ['--config', 'e2e/vitest.config.ts'], 'e2e.json', filters.length ? filters : secondEngineJourneys)
  else vitest('browser journeys (Chromium)', ['--config', 'e2e/vitest.config.ts'], 'e2e.json')
} else {
  const banner = [
    '',
    '############################################################################',
    `#  浏览器测试未运行：找不到 Chromium（${chromium}）`,
    '#  BROWSER TESTS DID NOT RUN: Chromium is missing. Install it with:',
    '#      sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk',
    '#  (or point CHROMIUM_PATH at a Chromium binary)',
    '############################################################################',
    '',
  ].join('\n')
  console.error(banner)
  // CI must run them; a newcomer's machine may not have Chromium yet, and is told so above.
  if (env.CI === 'true') exitCode = 1
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(exitCode || (totals.failed > 0 ? 1 : 0))
