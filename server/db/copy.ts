import { Readable } from 'node:stream'
import { setImmediate } from 'node:timers/promises'
import { pipeline } from 'node:stream/promises'
import { type CompiledQuery, type DatabaseConnection, type QueryResult, RawNode } from 'kysely'
import type pg from 'pg'
import copyStreams from 'pg-copy-streams'
import type { Db, Trx } from './database.ts'

/**
 * Bulk loading with COPY inside a Kysely transaction, on both engines: PostgreSQL streams CSV through the
 * transaction's own pg client (pg-copy-streams, `COPY … FROM STDIN`, text format), PGlite reads it as a blob
 * (`COPY … FROM '/dev/blob'`). The statement travels as a compiled query carrying its source, so it runs on the
 * connection that holds the caller's transaction; each engine's connection knows how to feed it.
 */

const COPY_SOURCE = Symbol('copySource')

type CopyText = Iterable<string> | AsyncIterable<string>
type CopyQuery = CompiledQuery & { [COPY_SOURCE]: CopyText }

export const copySourceOf = (compiled: CompiledQuery): CopyText | undefined => (compiled as Partial<CopyQuery>)[COPY_SOURCE]

type Field = string | number | boolean | null | undefined

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** A field as COPY's text format reads it: \N is null; backslash, tab and line breaks escaped (JSON passes as is). */
export function copyField(value: Field): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value !== 'string') return String(value)
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value
}

/** Loads lines of COPY's text format (each ending in \n) into `table (columns)`; returns the number of rows COPY reports. */
export async function copyRows(db: Db | Trx, table: string, columns: readonly string[], lines: CopyText): Promise<number> {
  const text = `copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) from stdin`
  const query: CopyQuery = { sql: text, parameters: [], query: RawNode.createWithSql(text), queryId: { queryId: `copy-${table}` }, [COPY_SOURCE]: lines }
  const result = await db.executeQuery(query)
  return Number(result.numAffectedRows ?? 0)
}

/** PostgreSQL: teaches a pooled connection to run copy queries through its pg client. */
export function enableCopy(connection: DatabaseConnection, client: pg.PoolClient) {
  const execute = connection.executeQuery.bind(connection)
  connection.executeQuery = async <R>(compiled: CompiledQuery): Promise<QueryResult<R>> => {
    const source = copySourceOf(compiled)
    if (!source) return execute(compiled)
    const stream = client.query(copyStreams.from(compiled.sql))
    await pipeline(Readable.from(source), stream)
    return { rows: [], numAffectedRows: BigInt((stream as unknown as { rowCount: number }).rowCount) }
  }
}

/** How much COPY text PGlite is given at once: a large load runs as several COPYs of whole lines. */
const PGLITE_BLOB_CHARS = 8 * 1024 * 1024

/**
 * PGlite: the copy query's lines as the blobs its `FROM '/dev/blob'` reads, one statement per ≈ 8 MB of whole lines
 * (cut after a piece's last line end; the rest goes with the next), so a 100 k-row load never sits in memory
 * as one text. Undefined when the query is no copy.
 */
export function copyBlobs(compiled: CompiledQuery): AsyncGenerator<{ sql: string; blob: Blob }> | undefined {
  const source = copySourceOf(compiled)
  if (!source) return undefined
  const sql = compiled.sql.replace(/ from stdin$/, ` from '/dev/blob'`)
  return (async function* () {
    let parts: string[] = []
    let chars = 0
    for await (const chunk of source) {
      const lineEnd = chars + chunk.length >= PGLITE_BLOB_CHARS ? chunk.lastIndexOf('\n') : -1
      if (lineEnd === -1) {
        parts.push(chunk)
        chars += chunk.length
        continue
      }
      parts.push(chunk.slice(0, lineEnd + 1))
      yield { sql, blob: new Blob(parts) }
      const rest = chunk.slice(lineEnd + 1)
      parts = rest ? [rest] : []
      chars = rest.length
    }
    if (parts.length) yield { sql, blob: new Blob(parts) }
  })()
}

/**
 * Rows as text for copyRows, `size` lines to a chunk. Between chunks the event loop gets a turn: a COPY stream
 * can take chunks as fast as they come, and making 100 k rows would otherwise hold the process for seconds.
 */
export async function* copyChunks(rows: Iterable<readonly Field[]> | AsyncIterable<readonly Field[]>, size = 1000): AsyncGenerator<string> {
  let lines: string[] = []
  for await (const row of rows) {
    lines.push(row.map(copyField).join('\t'))
    if (lines.length === size) {
      yield `${lines.join('\n')}\n`
      lines = []
      await setImmediate()
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`
}
