import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, CompiledQuery, type DatabaseConnection, Kysely, Migrator, type PluginTransformResultArgs, PostgresDialect, type QueryResult, type Transaction, type UnknownRow } from 'kysely'
import pg from 'pg'
import { migrations } from './migrations/index.ts'
import { PGliteDialect } from './pglite-dialect.ts'
import type { Database } from './schema.ts'
import { acquireDataDirLock } from './data-dir-lock.ts'
import { enableCopy } from './copy.ts'

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
export type Engine = 'pglite' | 'postgres'

export interface DatabaseHandle {
  db: Db
  engine: Engine
  close(): Promise<void>
  /** PGlite only: the whole data folder as a tarball (a test template's clone, a backup). */
  dumpDataDir?: (compression?: 'none' | 'gzip') => Promise<Blob>
}

const INT8 = 20
const DATE = 1082

// int8 (bigserial, count(*)) arrives as a string from pg and a number/BigInt from PGlite: make both a number.
// numeric stays a string on both (money is never a float). date stays 'YYYY-MM-DD'.
const int8ToNumber = (value: string) => Number(value)
const keepText = (value: string) => value

/**
 * CamelCasePlugin converts every identifier of every query and every column of every row, character by
 * character, and builds each row object key by key. The names are the few our code uses: remember them, and
 * map a result's rows with one generated function per column list (a 50-row page: ~100 µs → ~20 µs to map,
 * and the plain-literal rows serialize faster too). With maintainNestedObjectKeys nested values pass through.
 */
class CachedCamelCasePlugin extends CamelCasePlugin {
  readonly #camel = new Map<string, string>()
  readonly #snake = new Map<string, string>()
  readonly #mappers = new Map<string, (row: Record<string, unknown>) => Record<string, unknown>>()

  override camelCase(name: string) {
    return remembered(this.#camel, name, () => super.camelCase(name))
  }
  override snakeCase(name: string) {
    return remembered(this.#snake, name, () => super.snakeCase(name))
  }

  override async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows
    const first = rows?.[0]
    if (!Array.isArray(rows) || !first || !this.opt.maintainNestedObjectKeys) return super.transformResult(args)
    const mapper = this.#mapperFor(Object.keys(first))
    return { ...args.result, rows: mapper ? rows.map(mapper) : rows.map((row) => this.mapRow(row)) }
  }

  #mapperFor(keys: string[]) {
    const signature = keys.join('\u0000')
    let mapper = this.#mappers.get(signature)
    if (!mapper && this.#mappers.size < 1_000 && !keys.includes('__proto__')) {
      const fields = keys.map((k) => `${JSON.stringify(this.camelCase(k))}: row[${JSON.stringify(k)}]`)
      mapper = new Function('row', `return { ${fields.join(', ')} }`) as (row: Record<string, unknown>) => Record<string, unknown>
      this.#mappers.set(signature, mapper)
    }
    return mapper
  }
}

function remembered(cache: Map<string, string>, name: string, convert: () => string) {
  let value = cache.get(name)
  if (value === undefined) {
    value = convert()
    if (cache.size < 10_000) cache.set(name, value)
  }
  return value
}

function kysely(dialect: ConstructorParameters<typeof Kysely<Database>>[0]['dialect']): Db {
  return new Kysely<Database>({ dialect, plugins: [new CachedCamelCasePlugin({ maintainNestedObjectKeys: true })] })
}

export function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.JIXIAO_PG_POOL ?? 10),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return int8ToNumber
        if (oid === DATE) return keepText
        return pg.types.getTypeParser(oid, format as 'text')
      }) as typeof pg.types.getTypeParser,
    },
  })
  // A server can cut an idle pooled connection (restart, pg_terminate_backend, DROP DATABASE … WITH (FORCE)).
  // pg then drops that client and connects anew on the next query; unlistened, the pool's 'error' event would
  // crash the process instead.
  pool.on('error', () => {})
  // COPY needs the pg client behind a connection: found by its backend pid when Kysely first wraps it.
  const clients = new Map<number, pg.PoolClient>()
  pool.on('connect', (client) => clients.set(backendPid(client), client))
  pool.on('remove', (client) => clients.delete(backendPid(client)))
  const onCreateConnection = async (connection: DatabaseConnection) => {
    const { rows } = await connection.executeQuery<{ pid: number }>(CompiledQuery.raw('select pg_backend_pid() as pid'))
    const client = clients.get(rows[0]!.pid)
    if (client) enableCopy(connection, client)
  }
  const db = kysely(new PostgresDialect({ pool, onCreateConnection }))
  return { db, engine: 'postgres', close: () => db.destroy() }
}

const backendPid = (client: pg.PoolClient) => (client as unknown as { processID: number }).processID

export async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<DatabaseHandle> {
  const releaseLock = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {}
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  try {
    const pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      parsers: { [INT8]: int8ToNumber, [DATE]: keepText },
    })
    const db = kysely(new PGliteDialect(pglite))
    return {
      db,
      engine: 'pglite',
      dumpDataDir: (compression = 'none') => pglite.dumpDataDir(compression),
      close: async () => {
        await db.destroy()
        await pglite.close()
        releaseLock()
      },
    }
  } catch (error) {
    releaseLock()
    throw error
  }
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite under dataDir. */
export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPGlite({ dataDir: config.dataDir })
}

/**
 * The handle for heavy reads: a pool on the streaming replica when a read URL is given and the primary is
 * PostgreSQL, otherwise the primary itself (PGlite has no replicas: the URL is ignored with a log line).
 */
export function openReadHandle(primary: DatabaseHandle, readUrl: string | undefined, log: (message: string) => void): { readDb: Db; close(): Promise<void> } {
  if (readUrl && primary.engine === 'postgres') {
    const replica = openPostgres(readUrl)
    return { readDb: replica.db, close: replica.close }
  }
  if (readUrl) log('DATABASE_READ_URL 已忽略：嵌入式数据库没有只读副本 (ignored on the embedded database)')
  return { readDb: primary.db, close: async () => {} }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Runs the work in the caller's transaction when there is one, else in a new one: a use case can join a larger one (an import). */
export function inTransaction<T>(db: Db | Trx, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Trx) : db.transaction().execute(work)
}
