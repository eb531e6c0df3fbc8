let serial = 0

/** A code or name no other call in this process has produced: `${prefix}${n}` with one counter for every table. */
export const fresh = (prefix: string) => `${prefix}${++serial}`
