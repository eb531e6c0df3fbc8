import { type ChainedFields, type ChainKeying, chainHash } from './audit.ts'

/**
 * Walking the audit chain in seq order, the one set of rules that verification, archiving and an archive file's
 * check share (ADR 0017). Most rows link to the row before them on the main chain. A bulk write (an import of
 * 100 k projects) first reserves a range of seqs with one main-chain row (`audit.segment.open`), writes its rows
 * into that range as a chain of their own that starts from the reserving row's hash — without holding the chain's
 * head — and closes it with one main-chain row (`audit.segment.seal`) naming how many rows it wrote and the last
 * one's hash. A reserved range stays empty when its write rolled back (or is still running); it must be whole
 * when sealed, and rows in it without a seal are a fault.
 */

export const SEGMENT_ENTITY = 'audit_segment'
export const SEGMENT_OPEN = 'audit.segment.open'
export const SEGMENT_SEAL = 'audit.segment.seal'

export type WalkFault = 'missing_row' | 'link_broken' | 'content_altered' | 'segment_incomplete'

export interface WalkedRow extends ChainedFields {
  prevHash: string
  hash: string
}

interface Reservation {
  id: string
  from: number
  to: number
  /** The hash the next row of the segment links to: the opening row's, then each written row's. */
  lastHash: string
  rows: number
  sealed: boolean
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)

/** The range a row reserves, when it is a segment's opening row. */
function reservedBy(row: WalkedRow): { id: string; from: number; to: number } | null {
  if (row.action !== SEGMENT_OPEN || row.entityType !== SEGMENT_ENTITY || !row.entityId) return null
  const after = row.after as { from?: unknown; to?: unknown } | null
  if (!isInt(after?.from) || !isInt(after.to) || after.from !== row.seq + 1 || after.to < after.from) return null
  return { id: row.entityId, from: after.from, to: after.to }
}

export interface SealClaim {
  rows: number
  lastHash: string
}

export function sealClaim(row: { action: string; entityType: string; after: unknown }): SealClaim | null {
  if (row.action !== SEGMENT_SEAL || row.entityType !== SEGMENT_ENTITY) return null
  const after = row.after as { rows?: unknown; lastHash?: unknown } | null
  return isInt(after?.rows) && typeof after.lastHash === 'string' ? { rows: after.rows, lastHash: after.lastHash } : { rows: -1, lastHash: '' }
}

export class ChainWalk {
  /** The next seq the walk expects. */
  expectedSeq: number
  /** The hash the next main-chain row links to. */
  mainHash: string
  /** Rows checked and found sound. */
  rows = 0
  private readonly reservations = new Map<string, Reservation>()
  /** Reservations whose range the walk has not passed yet. */
  private pending: Reservation[] = []

  constructor(
    start: { seq: number; prevHash: string },
    private readonly keying: ChainKeying,
  ) {
    this.expectedSeq = start.seq
    this.mainHash = start.prevHash
  }

  /** Checks the next row (rows must come in seq order): null when it holds, else the fault and the seq it is at. */
  row(row: WalkedRow): { seq: number; reason: WalkFault } | null {
    // A second row at a seq already walked: a row slipped in beside a genuine one.
    if (row.seq < this.expectedSeq) return { seq: row.seq, reason: 'link_broken' }
    const gap = this.skipTo(row.seq)
    if (gap) return gap
    if (row.seq !== this.expectedSeq) return { seq: this.expectedSeq, reason: 'missing_row' }
    const { prevHash, hash, ...fields } = row
    const segment = this.pending.find((r) => r.from <= row.seq && row.seq <= r.to)
    const linkTo = segment ? segment.lastHash : this.mainHash
    if (prevHash !== linkTo) return { seq: row.seq, reason: 'link_broken' }
    if (chainHash(prevHash, fields, this.keying) !== hash) return { seq: row.seq, reason: 'content_altered' }
    if (segment) {
      segment.lastHash = hash
      segment.rows += 1
    } else {
      this.mainHash = hash
      const reserved = reservedBy(row)
      if (reserved) {
        const reservation = { ...reserved, lastHash: hash, rows: 0, sealed: false }
        this.reservations.set(reserved.id, reservation)
        this.pending.push(reservation)
      }
      const claim = sealClaim(row)
      if (claim && !this.seal(row.entityId, claim)) return { seq: row.seq, reason: 'segment_incomplete' }
    }
    this.expectedSeq = row.seq + 1
    this.rows += 1
    return null
  }

  /** After the last row: the seqs up to lastSeq must be empty reserved ranges only. */
  end(lastSeq: number): { seq: number; reason: WalkFault } | null {
    return this.skipTo(lastSeq + 1)
  }

  /** Segments whose rows the walk met but whose seal it did not (the seal may come after the walked range). */
  unsealed(): { id: string; from: number; rows: number; lastHash: string }[] {
    return [...this.reservations.values()].filter((r) => !r.sealed && r.rows > 0)
  }

  private seal(id: string | null, claim: SealClaim): boolean {
    const reservation = id ? this.reservations.get(id) : undefined
    if (!reservation || reservation.sealed) return false
    reservation.sealed = true
    const whole = reservation.rows === reservation.to - reservation.from + 1
    return whole && claim.rows === reservation.rows && claim.lastHash === reservation.lastHash
  }

  /** Moves over seqs that belong to reserved ranges left empty; any other missing seq is a fault. */
  private skipTo(seq: number): { seq: number; reason: WalkFault } | null {
    while (this.expectedSeq < seq) {
      const empty = this.pending.find((r) => r.from === this.expectedSeq && r.rows === 0)
      if (!empty) return { seq: this.expectedSeq, reason: 'missing_row' }
      this.expectedSeq = empty.to + 1
    }
    this.pending = this.pending.filter((r) => r.to >= this.expectedSeq)
    return null
  }
}
