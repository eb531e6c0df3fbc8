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

/** The words of a search box, in precise mode, that can select anything (`isMeaningfulTerm`); every one must match. */
export function queryTerms(q: string): string[] {
  const terms = segmenter()
    .cut(q, true)
    .map((w) => w.trim().toLowerCase())
    // tsquery syntax characters never reach the query; they are not words anyway.
    .map((w) => w.replace(/[&|!():*<>'\\]/g, ''))
    .filter(isMeaningfulTerm)
  return [...new Set(terms)]
}

/** A to_tsquery('simple', …) text that ANDs the terms, each quoted as a literal. */
export function tsQueryOf(terms: string[]): string {
  return terms.map((t) => `'${t}'`).join(' & ')
}

// Words too common in indicator texts and project descriptions to tell one from another.
const STOP_WORDS = new Set(['的', '和', '与', '及', '等', '或', '在', '对', '为', '是', '了', '年', '年度', '项目', '指标', '类', '情况', '相关', '工作', '开展', '进行'])

// A lone Latin letter or digit names nothing: "a" would otherwise find every "A级", "1" every code with a 1.
const LONE_SYMBOL = /^[a-z0-9]$/

/**
 * Whether a word of a search box can select documents: a word (not punctuation), not a stop word, not a lone letter or
 * digit. A query with none has nothing to look for and finds nothing, rather than everything that shares a character.
 */
export function isMeaningfulTerm(word: string): boolean {
  return WORD.test(word) && !STOP_WORDS.has(word) && !LONE_SYMBOL.test(word)
}

/** The words of a search box for ranked (BM25) search, each once with its weight; empty when none is meaningful. */
export function rankedSearchTerms(q: string) {
  const { terms, weights } = rankedQueryTerms([[q, 1]])
  const keep = terms.map((term) => isMeaningfulTerm(term))
  return { terms: terms.filter((_, i) => keep[i]), weights: weights.filter((_, i) => keep[i]) }
}

/** Jieba search-mode words with their frequencies, each field's words counted `weight` times (BM25 term frequencies). */
export function weightedTerms(fields: [text: string | null | undefined, weight: number][]): Map<string, number> {
  const tf = new Map<string, number>()
  for (const [text, weight] of fields) {
    if (!text) continue
    for (const raw of segmenter().cutForSearch(text, true)) {
      const word = raw.trim().toLowerCase()
      if (!WORD.test(word) || STOP_WORDS.has(word) || /^\d+$/.test(word) || word.length > 64) continue
      tf.set(word, (tf.get(word) ?? 0) + weight)
    }
  }
  return tf
}

/** The words of a search box or a project text for ranked (BM25) search: search-mode words, each once, with a weight. */
export function rankedQueryTerms(fields: [text: string | null | undefined, weight: number][], options: { minLength?: number } = {}) {
  const terms = weightedTerms(fields)
  for (const term of terms.keys()) if (term.length < (options.minLength ?? 1)) terms.delete(term)
  return { terms: [...terms.keys()], weights: [...terms.values()] }
}
