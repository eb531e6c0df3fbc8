import { highlightSegments } from './highlight'

/** The text with the words a search matched marked. */
export function HighlightedText({ text, words }: { text: string; words?: readonly string[] }) {
  return (
    <>
      {highlightSegments(text, words).map((segment, i) =>
        segment.hit ? (
          <mark key={i} style={{ padding: 0, background: '#ffe58f', color: 'inherit' }}>
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  )
}
