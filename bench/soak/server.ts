import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'

export interface SoakServer {
  base: string
  pid: number
  databaseUrl: string
  /** The child's resident set size now, from /proc/<pid>/status (VmRSS), in MB. */
  rssMb(): number
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
    probe.on('error', fail)
  })
}

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * A fresh PostgreSQL database and the real server on it, started as `jixiao serve --demo` (migrates and seeds the
 * demo region on first start), with the public and login rate limits lifted: every virtual user shares one address.
 */
export async function startServer(options: { serverUrl: string; database: string; readUrl?: string; log: (line: string) => void }): Promise<SoakServer> {
  const adminUrl = new URL(options.serverUrl)
  adminUrl.pathname = '/postgres'
  const databaseUrl = new URL(options.serverUrl)
  databaseUrl.pathname = `/${options.database}`
  await admin(adminUrl.toString(), `drop database if exists ${options.database} with (force)`)
  await admin(adminUrl.toString(), `create database ${options.database}`)

  const dir = mkdtempSync(join(tmpdir(), 'jixiao-soak-'))
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    JIXIAO_DATA_DIR: join(dir, 'data'),
    JIXIAO_WEB_DIR: join(dir, 'no-web'),
    JIXIAO_LOGIN_RATE_LIMIT: '100000',
    JIXIAO_PUBLIC_RATE_LIMIT: '1000000',
  }
  if (options.readUrl) {
    const read = new URL(options.readUrl)
    read.pathname = `/${options.database}`
    env.DATABASE_READ_URL = read.toString()
  } else delete env.DATABASE_READ_URL
  const child: ChildProcess = spawn(process.execPath, [resolve('bin/jixiao.js'), 'serve', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk: Buffer) => options.log(`server: ${chunk.toString().trimEnd()}`))
  child.stderr!.on('data', (chunk: Buffer) => options.log(`server: ${chunk.toString().trimEnd()}`))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))

  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 300_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it answered`)
    const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false)
    if (up) break
    if (Date.now() > deadline) throw new Error('the server did not answer /api/health within 5 minutes')
    await new Promise((r) => setTimeout(r, 500))
  }

  return {
    base,
    pid: child.pid!,
    databaseUrl: databaseUrl.toString(),
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0)
      return kb / 1024
    },
    async stop() {
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
      if (!process.env.SOAK_KEEP) await admin(adminUrl.toString(), `drop database if exists ${options.database} with (force)`)
    },
  }
}
