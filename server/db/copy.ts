import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { type CompiledQuery, type DatabaseConnection, type QueryResult, RawNode } from 'kysely'
import type pg from 'pg'
import copyStreams from 'pg-copy-streams'
import type { Db, Trx } from './database.ts'

/**
 * Bulk loading with COPY inside a Kysely transaction, on both engines: PostgreSQL streams CSV through the
 * transaction's own pg client (pg-copy-streams, `COPY … FROM STDIN`), PGlite reads it as a blob
 * (`COPY … FROM '/dev/blob'`). The statement travels as a compiled query carrying its source, so it runs on the
 * connection that holds the caller's transaction; each engine's connection knows how to feed it.
 */

const COPY_SOURCE = Symbol('copySource')

type CsvChunks = Iterable<string> | AsyncIterable<string>
type CopyQuery = CompiledQuery & { [COPY_SOURCE]: CsvChunks }

export const copySourceOf = (compiled: CompiledQuery): CsvChunks | undefined => (compiled as Partial<CopyQuery>)[COPY_SOURCE]

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

/** A CSV field as COPY (FORMAT csv) reads it: null is an empty unquoted field, an empty string is "". */
export function csvField(value: Field): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'string') return String(value)
  return value === '' || /[",\n\r\\]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Loads CSV lines (each ending in \n) into `table (columns)`; returns the number of rows COPY reports. */
export async function copyRows(db: Db | Trx, table: string, columns: readonly string[], lines: CsvChunks): Promise<number> {
  const text = `copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) from stdin with (format csv)`
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

/** PGlite: the copy query's lines as the blob its `FROM '/dev/blob'` reads. */
export async function copyBlob(compiled: CompiledQuery): Promise<{ sql: string; blob: Blob } | undefined> {
  const source = copySourceOf(compiled)
  if (!source) return undefined
  const parts: string[] = []
  for await (const chunk of source) parts.push(chunk)
  return { sql: compiled.sql.replace(/ from stdin /, ` from '/dev/blob' `), blob: new Blob(parts) }
}

type Field = string | number | boolean | null | undefined

/** Rows as CSV text for copyRows, `size` lines to a chunk. */
export function* csvChunks(rows: Iterable<readonly Field[]>, size = 1000): Generator<string> {
  let lines: string[] = []
  for (const row of rows) {
    lines.push(row.map(csvField).join(','))
    if (lines.length === size) {
      yield `${lines.join('\n')}\n`
      lines = []
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`
}
