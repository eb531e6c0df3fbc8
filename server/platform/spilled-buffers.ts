import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const FLUSH_BYTES = 4 * 1024 * 1024

/**
 * A long list of byte strings made in one pass and read back once, in order, kept in a temporary file rather than
 * in memory (an import's 100 k audit bodies: ≈ 130 MB). The file is unlinked as soon as it is opened, so nothing is
 * left behind whatever happens to the process; where no temporary file can be made the list stays in memory.
 */
export class SpilledBuffers {
  private lengths = new Uint32Array(1024)
  private pending: Buffer[] = []
  private pendingBytes = 0
  private written = 0
  private fd: number | null
  count = 0

  constructor() {
    this.fd = openUnlinkedTempFile()
  }

  push(value: string): void {
    const bytes = Buffer.from(value)
    if (this.count === this.lengths.length) {
      const grown = new Uint32Array(this.lengths.length * 2)
      grown.set(this.lengths)
      this.lengths = grown
    }
    this.lengths[this.count++] = bytes.length
    this.pending.push(bytes)
    this.pendingBytes += bytes.length
    if (this.fd !== null && this.pendingBytes >= FLUSH_BYTES) this.flush()
  }

  /** Every value in the order pushed; call once. */
  *read(): Generator<Buffer> {
    if (this.fd === null) {
      yield* this.pending
      return
    }
    this.flush()
    let block = Buffer.alloc(0)
    let at = 0
    let position = 0
    for (let i = 0; i < this.count; i++) {
      const length = this.lengths[i]!
      if (at + length > block.length) {
        const rest = block.subarray(at)
        const next = Buffer.allocUnsafe(Math.max(FLUSH_BYTES, length))
        const got = readSync(this.fd, next, 0, Math.min(next.length, this.written - position), position)
        position += got
        block = Buffer.concat([rest, next.subarray(0, got)])
        at = 0
      }
      yield block.subarray(at, at + length)
      at += length
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
    this.pending = []
  }

  private flush() {
    if (this.fd === null || this.pendingBytes === 0) return
    const joined = Buffer.concat(this.pending, this.pendingBytes)
    for (let at = 0; at < joined.length; ) at += writeSync(this.fd, joined, at, joined.length - at, this.written + at)
    this.written += joined.length
    this.pending = []
    this.pendingBytes = 0
  }
}

function openUnlinkedTempFile(): number | null {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-spill-'))
    const path = join(dir, 'buffers')
    const fd = openSync(path, 'w+', 0o600)
    unlinkSync(path)
    rmSync(dir, { recursive: true, force: true })
    return fd
  } catch {
    return null
  }
}
