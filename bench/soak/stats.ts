/** Latencies and errors per minute of the run, and the server's RSS samples. */
export interface MinuteStats {
  minute: number
  requests: number
  errors: number
  p50: number
  p99: number
  max: number
  rssMb: number
}

export class Recorder {
  #started = performance.now()
  #latencies: number[][] = []
  #errors: number[] = []
  #byAction = new Map<string, number[]>()
  #rss: { minute: number; mb: number }[] = []
  errorSamples: string[] = []

  /** Forgets the set-up (sign-ins, the users' own goals): minute 0 starts with the load. Set-up errors stay. */
  startLoad() {
    this.#started = performance.now()
    this.#latencies = []
    this.#byAction = new Map()
    this.#rss = []
    this.#errors = []
    if (this.errorSamples.length) console.error(`set-up errors:\n${this.errorSamples.join('\n')}`)
  }

  minuteNow() {
    return Math.floor((performance.now() - this.#started) / 60_000)
  }

  record(action: string, ms: number, error: string | null) {
    const minute = this.minuteNow()
    ;(this.#latencies[minute] ??= []).push(ms)
    let list = this.#byAction.get(action)
    if (!list) this.#byAction.set(action, (list = []))
    list.push(ms)
    if (error) {
      this.#errors[minute] = (this.#errors[minute] ?? 0) + 1
      if (this.errorSamples.length < 20) this.errorSamples.push(`[min ${minute}] ${action}: ${error}`)
    }
  }

  sampleRss(mb: number) {
    this.#rss.push({ minute: this.minuteNow(), mb })
  }

  rssSamples() {
    return [...this.#rss]
  }

  minutes(): MinuteStats[] {
    return this.#latencies.map((list, minute) => {
      const sorted = [...(list ?? [])].sort((a, b) => a - b)
      const rss = this.#rss.filter((s) => s.minute === minute).map((s) => s.mb)
      return {
        minute,
        requests: sorted.length,
        errors: this.#errors[minute] ?? 0,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        max: sorted.at(-1) ?? 0,
        rssMb: median(rss),
      }
    })
  }

  /** p99 of every request in minutes [from, to). */
  p99Between(from: number, to: number) {
    return quantile(this.#latencies.slice(from, to).flatMap((list) => list ?? []).sort((a, b) => a - b), 0.99)
  }

  actions() {
    return [...this.#byAction].map(([action, list]) => {
      const sorted = [...list].sort((a, b) => a - b)
      return { action, requests: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) }
    }).sort((a, b) => b.requests - a.requests)
  }
}

export function quantile(sorted: number[], q: number) {
  if (!sorted.length) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

export function median(values: number[]) {
  return quantile([...values].sort((a, b) => a - b), 0.5)
}
