import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

// Loading the dictionary takes ~150 ms: do it once, on first use.
let jieba: Jieba | undefined
const segmenter = () => (jieba ??= Jieba.withDict(dict))

const WORD = /[\p{L}\p{N}]/u

/**
 * Text for the `simple` full-text index: jieba's search-mode words (compounds and their parts), lower-cased,
 * space-separated. PostgreSQL's own parsers do not split Chinese.
 */
export function segmentForIndex(...texts: (string | null | undefined)[]): string {
  const words = new Set<string>()
  for (const text of texts) {
    if (!text) continue
    for (const word of segmenter().cutForSearch(text, true)) if (WORD.test(word)) words.add(word.toLowerCase())
  }
  return [...words].join(' ')
}

/** The words of a search box, in precise mode; every one must match. */
export function queryTerms(q: string): string[] {
  const terms = segmenter()
    .cut(q, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => WORD.test(w))
    // tsquery syntax characters never reach the query; they are not words anyway.
    .map((w) => w.replace(/[&|!():*<>'\\]/g, ''))
    .filter(Boolean)
  return [...new Set(terms)]
}

/** A to_tsquery('simple', …) text that ANDs the terms, each quoted as a literal. */
export function tsQueryOf(terms: string[]): string {
  return terms.map((t) => `'${t}'`).join(' & ')
}
