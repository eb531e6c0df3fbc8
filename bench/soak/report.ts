import type { MinuteStats, Recorder } from './stats.ts'
import { median } from './stats.ts'

export interface Verdict {
  errors: number
  requests: number
  /** p99 of the last third of the measured minutes over p99 of the first third (one minute each when shorter). */
  p99Drift: number
  /**
   * Median RSS of the last third of the measured minutes over that of the first third, minus 1: V8 collects in a
   * saw-tooth of ±15 %, so single minutes compare a peak with a trough.
   */
  rssGrowth: number
}

const ms = (n: number) => n.toFixed(0)

const rssBetween = (recorder: Recorder, from: number, to: number) => median(recorder.rssSamples().filter((s) => s.minute >= from && s.minute < to).map((s) => s.mb))

export function verdictOf(recorder: Recorder, minutes: MinuteStats[], warmupMinutes: number, runMinutes: number): Verdict {
  // The minute after the last holds only the requests still in flight at the end: not a minute to judge by.
  const third = Math.max(1, Math.floor((runMinutes - warmupMinutes) / 3))
  const early = recorder.p99Between(warmupMinutes, warmupMinutes + third)
  const late = recorder.p99Between(runMinutes - third, runMinutes)
  return {
    errors: minutes.reduce((sum, m) => sum + m.errors, 0),
    requests: minutes.reduce((sum, m) => sum + m.requests, 0),
    p99Drift: early ? late / early : 1,
    rssGrowth: rssBetween(recorder, runMinutes - third, runMinutes) / rssBetween(recorder, warmupMinutes, warmupMinutes + third) - 1,
  }
}

/** The run as markdown: settings, the verdict against the targets, per minute, per action, error samples. */
export function markdownReport(recorder: Recorder, run: { minutes: number; warmupMinutes: number; users: number; server: string; replica: boolean; startedAt: Date }) {
  const minutes = recorder.minutes()
  const v = verdictOf(recorder, minutes, run.warmupMinutes, run.minutes)
  const rss = recorder.rssSamples().map((s) => s.mb)
  const lines = [
    `# Soak run ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${run.minutes} min, ${run.users} virtual users (think time 0.2–1 s), ${run.server}${run.replica ? ', heavy reads on the hot standby (DATABASE_READ_URL)' : ''}; warm-up ${run.warmupMinutes} min.`,
    '',
    '| target | result | |',
    '|---|---|---|',
    `| 0 errors | ${v.errors} errors in ${v.requests} requests | ${v.errors === 0 ? 'met' : 'NOT met'} |`,
    `| p99 does not drift (p99 of the last third of the measured minutes ÷ the first third ≤ 1.5) | ${v.p99Drift.toFixed(2)} | ${v.p99Drift <= 1.5 ? 'met' : 'NOT met'} |`,
    `| RSS growth after warm-up < 10 % (median of the last third of the measured minutes ÷ the first third) | ${(v.rssGrowth * 100).toFixed(1)} % (min ${Math.min(...rss).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB) | ${v.rssGrowth < 0.1 ? 'met' : 'NOT met'} |`,
    '',
    '| minute | requests | errors | p50 ms | p99 ms | max ms | server RSS MB |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...minutes.map((m) => `| ${m.minute + 1}${m.minute < run.warmupMinutes ? ' (warm-up)' : m.minute >= run.minutes ? ' (requests in flight at the end)' : ''} | ${m.requests} | ${m.errors} | ${ms(m.p50)} | ${ms(m.p99)} | ${ms(m.max)} | ${m.rssMb.toFixed(0)} |`),
    '',
    '| action | requests | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    ...recorder.actions().map((a) => `| ${a.action} | ${a.requests} | ${ms(a.p50)} | ${ms(a.p99)} |`),
  ]
  if (recorder.errorSamples.length) lines.push('', 'First errors:', '', ...recorder.errorSamples.map((e) => `- \`${e.replaceAll('`', "'")}\``))
  return { markdown: `${lines.join('\n')}\n`, verdict: v, medianRss: median(rss) }
}
