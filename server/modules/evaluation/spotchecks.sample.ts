/**
 * 抽查复核's random draw: a seeded PRNG so a sample can be replayed from the seed and the pool it recorded. Pure.
 * FNV-1a turns the seed text into 32 bits, mulberry32 gives the stream, and a partial Fisher–Yates shuffle over the
 * pool (in the recorded order) picks `count` distinct ids.
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
  let a = seedNumber(seed)
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` distinct ids of `pool` (fewer when the pool is smaller), the same for the same seed and pool. */
export function drawSample<T>(pool: readonly T[], count: number, seed: string): T[] {
  const items = [...pool]
  const random = seededRandom(seed)
  const n = Math.min(count, items.length)
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (items.length - i))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items.slice(0, n)
}

/** A fresh seed when the caller gives none: 12 hex digits, recorded with the sample. */
export function newSeed(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 12)
}
