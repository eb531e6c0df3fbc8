import type { Recorder } from './stats.ts'

export interface Answer {
  status: number
  body: Buffer
  json<T = any>(): T
}

/**
 * One browser-like session against the server: keeps its cookies, reads every body to the end (a download is
 * timed until its last byte) and records each request's latency and outcome under a short action name.
 */
export class Session {
  readonly #cookies = new Map<string, string>()

  constructor(
    private readonly base: string,
    private readonly recorder: Recorder,
  ) {}

  async send(action: string, method: string, path: string, body?: unknown, ok: (status: number) => boolean = (s) => s < 400): Promise<Answer> {
    const headers: Record<string, string> = { 'accept-language': 'zh-CN' }
    if (this.#cookies.size) headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (body !== undefined) headers['content-type'] = 'application/json'
    const started = performance.now()
    try {
      const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' })
      const bytes = Buffer.from(await res.arrayBuffer())
      this.recorder.record(action, performance.now() - started, ok(res.status) ? null : `${method} ${path} → ${res.status} ${bytes.toString('utf8', 0, 200)}`)
      for (const cookie of res.headers.getSetCookie()) this.#remember(cookie)
      return { status: res.status, body: bytes, json: () => JSON.parse(bytes.toString('utf8')) }
    } catch (error) {
      this.recorder.record(action, performance.now() - started, `${method} ${path} → ${(error as Error).message}`)
      return { status: 0, body: Buffer.alloc(0), json: <T>() => ({}) as T }
    }
  }

  get = (action: string, path: string) => this.send(action, 'GET', path)

  async login(username: string, password: string) {
    const res = await this.send('login', 'POST', '/api/auth/login', { username, password })
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body.toString().slice(0, 200)}`)
  }

  #remember(setCookie: string) {
    const [pair, ...attributes] = setCookie.split(';')
    const eq = pair!.indexOf('=')
    const name = pair!.slice(0, eq).trim()
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
    if (expired) this.#cookies.delete(name)
    else this.#cookies.set(name, pair!.slice(eq + 1).trim())
  }
}
