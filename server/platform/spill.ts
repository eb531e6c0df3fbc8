import { once } from 'node:events'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const NEWLINE = 0x0a
const PIECE_BYTES = 1 << 20

/**
 * Values written to a temporary file as JSON lines and read back in order, as often as needed: what a long piece of
 * work has checked and must write later (an import's 100 k rows) waits on disk instead of in the heap. Dates come
 * back as ISO strings. A failure of the disk (full, no file handles left) is thrown by the next write or read, never
 * left to crash the process. `remove()` deletes the file; a process killed meanwhile leaves it in the system's
 * temporary directory (`jixiao-spill-*`).
 */
export class JsonSpill<T> {
  private out: WriteStream | null = null
  private path: string | null = null
  private failure: Error | null = null

  /** The file, once the first value is written. */
  get location(): string | null {
    return this.path
  }

  async write(value: T): Promise<void> {
    if (!this.out) {
      this.path = join(await mkdtemp(join(tmpdir(), 'jixiao-spill-')), 'values.jsonl')
      this.out = createWriteStream(this.path, { highWaterMark: PIECE_BYTES })
      this.out.on('error', (error) => (this.failure ??= error))
    }
    this.throwIfFailed()
    // once() rejects if the stream fails while this waits.
    if (!this.out.write(`${JSON.stringify(value)}\n`)) await once(this.out, 'drain')
    this.throwIfFailed()
  }

  /** The values written so far, in order; the first read ends the writing. */
  async *read(): AsyncGenerator<T> {
    if (!this.path) return
    if (this.out && !this.out.closed) {
      this.out.end()
      await once(this.out, 'close')
    }
    this.throwIfFailed()
    let rest: Buffer | null = null
    for await (const piece of createReadStream(this.path, { highWaterMark: PIECE_BYTES }) as AsyncIterable<Buffer>) {
      let start = 0
      let end = piece.indexOf(NEWLINE)
      if (rest) {
        if (end === -1) {
          rest = Buffer.concat([rest, piece])
          continue
        }
        yield JSON.parse(Buffer.concat([rest, piece.subarray(0, end)]).toString('utf8')) as T
        rest = null
        start = end + 1
        end = piece.indexOf(NEWLINE, start)
      }
      for (; end !== -1; end = piece.indexOf(NEWLINE, start)) {
        yield JSON.parse(piece.toString('utf8', start, end)) as T
        start = end + 1
      }
      if (start < piece.length) rest = piece.subarray(start)
    }
  }

  /** Deletes the file; best effort — a temporary file that cannot be removed must not hide the work's own outcome. */
  async remove(): Promise<void> {
    const { out, path } = this
    this.path = null
    if (out && !out.closed) {
      out.destroy()
      await once(out, 'close').catch(() => {})
    }
    if (path) await rm(join(path, '..'), { recursive: true, force: true }).catch(() => {})
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure
  }
}
