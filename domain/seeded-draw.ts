/**
 * The one seeded draw behind every recorded random selection — 抽查复核's sample, 重点评价's rule-39 sample of
 * general projects, the expert draw — so any of them can be replayed from the seed and the pool it wrote down.
 * FNV-1a turns the seed's UTF-8 bytes into 32 bits, mulberry32 gives the stream, and a partial Fisher–Yates
 * shuffle over the pool (in the caller's recorded order) picks distinct items. Pure; the same on every machine.
 */

export function seedNumber(seed: string): number {
  let h = 0x811c9dc5
  for (const byte of new TextEncoder().encode(seed)) {
    h ^= byte
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

export function seededRandom(seed: string): () => number {
  return mulberry32(seedNumber(seed))
}

/** mulberry32: small and fast; the same 32-bit state gives the same sequence everywhere. */
export function mulberry32(state: number): () => number {
  let a = state >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` distinct items of `pool` (fewer when the pool is smaller), the same for the same seed and pool order. */
export function drawSample<T>(pool: readonly T[], count: number, seed: string): T[] {
  const items = [...pool]
  const random = seededRandom(seed)
  const n = Math.min(Math.max(0, count), items.length)
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (items.length - i))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items.slice(0, n)
}

/** A fresh seed when the caller gives none: 12 hex digits from the platform's CSPRNG, recorded with the draw. */
export function newSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
