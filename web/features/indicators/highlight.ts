export interface Segment {
  text: string
  hit: boolean
}

/**
 * Splits a text into runs that do and do not contain any of the words (case-insensitive), so the words a search
 * matched can be marked in an indicator's name. Overlapping and adjacent matches merge into one run.
 */
export function highlightSegments(text: string, words: readonly string[] | undefined): Segment[] {
  if (!text) return []
  const lower = text.toLowerCase()
  const needles = (words ?? []).map((w) => w.trim().toLowerCase()).filter(Boolean)
  // Lower-casing that changes the length (rare scripts) would shift the positions: show the text unmarked.
  if (needles.length === 0 || lower.length !== text.length) return [{ text, hit: false }]
  const marked = new Array<boolean>(text.length).fill(false)
  for (const needle of needles) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      marked.fill(true, at, at + needle.length)
    }
  }
  const segments: Segment[] = []
  for (let i = 0; i < text.length; i++) {
    const last = segments.at(-1)
    if (last && last.hit === marked[i]) last.text += text[i]
    else segments.push({ text: text[i]!, hit: marked[i]! })
  }
  return segments
}
