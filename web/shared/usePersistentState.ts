import { useCallback, useState } from 'react'

function read<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T {
  try {
    const stored = globalThis.localStorage?.getItem(key)
    if (stored === null || stored === undefined) return fallback
    const value: unknown = JSON.parse(stored)
    return isValid(value) ? value : fallback
  } catch {
    return fallback
  }
}

/**
 * State kept in localStorage under `key` (a user's display choice: amount unit, visible columns). A stored value
 * that no longer passes `isValid` — an older format, a hand edit — falls back to the default.
 */
export function usePersistentState<T>(key: string, fallback: T, isValid: (value: unknown) => value is T) {
  const [value, setValue] = useState<T>(() => read(key, fallback, isValid))
  const update = useCallback(
    (next: T) => {
      setValue(next)
      try {
        localStorage.setItem(key, JSON.stringify(next))
      } catch {
        // Private mode without storage: the choice lasts for this page only.
      }
    },
    [key],
  )
  return [value, update] as const
}
