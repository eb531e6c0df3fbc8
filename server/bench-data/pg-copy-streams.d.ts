// pg-copy-streams ships no types; this is the part we use.
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream'
  import type { Submittable } from 'pg'

  export type CopyStreamQuery = Writable & Submittable
  export function from(text: string): CopyStreamQuery
  const copyStreams: { from: typeof from }
  export default copyStreams
}
