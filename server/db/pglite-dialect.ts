import type { PGlite } from '@electric-sql/pglite'
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely'
import { copyBlobs } from './copy.ts'

/**
 * Kysely dialect for PGlite. PGlite is a single connection, so the driver holds a mutex from
 * acquireConnection to releaseConnection: without it a query from another request could run
 * inside someone else's open transaction (and be lost on its rollback).
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db)
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve()
  private readonly connection: PGliteConnection
  private readonly releases = new Map<DatabaseConnection, () => void>()

  constructor(pglite: PGlite) {
    this.connection = new PGliteConnection(pglite)
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const previous = this.queue
    this.queue = previous.then(() => held)
    await previous
    this.releases.set(this.connection, release)
    return this.connection
  }

  async releaseConnection(connection: DatabaseConnection) {
    const release = this.releases.get(connection)
    this.releases.delete(connection)
    release?.()
  }

  async beginTransaction(connection: DatabaseConnection) {
    await (connection as PGliteConnection).raw('begin')
  }
  async commitTransaction(connection: DatabaseConnection) {
    await (connection as PGliteConnection).raw('commit')
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await (connection as PGliteConnection).raw('rollback')
  }
  async savepoint(connection: DatabaseConnection, name: string) {
    await (connection as PGliteConnection).raw(`savepoint ${quoteIdent(name)}`)
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
    await (connection as PGliteConnection).raw(`rollback to savepoint ${quoteIdent(name)}`)
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string) {
    await (connection as PGliteConnection).raw(`release savepoint ${quoteIdent(name)}`)
  }

  async destroy() {}
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async raw(sql: string) {
    await this.pglite.exec(sql)
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const copies = copyBlobs(compiled)
    if (copies) {
      let copied = 0
      for await (const copy of copies) copied += (await this.pglite.query<R>(copy.sql, [], { blob: copy.blob })).affectedRows ?? 0
      return { rows: [], numAffectedRows: BigInt(copied) }
    }
    // PGlite's query() refuses multi-statement scripts; migrations send those without parameters.
    if (compiled.parameters.length === 0 && hasSeveralStatements(compiled.sql)) {
      const results = await this.pglite.exec(compiled.sql)
      const last = results[results.length - 1]
      return { rows: (last?.rows ?? []) as R[] }
    }
    const result = await this.pglite.query<R>(compiled.sql, compiled.parameters as unknown[])
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiled)
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) }
  }
}

function hasSeveralStatements(sql: string) {
  return /;\s*\S/.test(sql)
}

function quoteIdent(name: string) {
  return `"${name.replaceAll('"', '""')}"`
}
