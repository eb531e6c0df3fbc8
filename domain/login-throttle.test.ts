import { describe, expect, test } from 'vitest'
import { failureWindowStart, lockedUntil, loginRefusal } from './login-throttle.ts'
import { isSessionIdle, isSessionPastLifetime } from './security-settings.ts'

const now = new Date('2026-12-06T09:00:00Z')
const minutes = (n: number) => new Date(now.getTime() + n * 60_000)

describe('who may try a password now', () => {
  test.each([
    ['nothing locked', { sourceLockedUntil: null, accountPausedUntil: null, sourceKnown: false }, null],
    ['this address locked', { sourceLockedUntil: minutes(5), accountPausedUntil: null, sourceKnown: true }, 'source_locked'],
    ['this address’s lock ran out', { sourceLockedUntil: minutes(-1), accountPausedUntil: null, sourceKnown: false }, null],
    ['account paused, new address', { sourceLockedUntil: null, accountPausedUntil: minutes(5), sourceKnown: false }, 'account_paused'],
    ['account paused, the user’s known address', { sourceLockedUntil: null, accountPausedUntil: minutes(5), sourceKnown: true }, null],
    ['account pause ran out', { sourceLockedUntil: null, accountPausedUntil: now, sourceKnown: false }, null],
    ['known address, but locked itself', { sourceLockedUntil: minutes(1), accountPausedUntil: minutes(5), sourceKnown: true }, 'source_locked'],
  ] as const)('%s → %s', (_, state, expected) => {
    expect(loginRefusal(state, now)).toBe(expected)
  })

  test('failures count within the lockout duration; a lock lasts that long', () => {
    expect(failureWindowStart(now, 15)).toEqual(minutes(-15))
    expect(lockedUntil(now, 15)).toEqual(minutes(15))
  })
})

describe('sessions end when idle or when too old', () => {
  test('idle: more than the limit since the last request', () => {
    expect(isSessionIdle(minutes(-30), now, 30)).toBe(false)
    expect(isSessionIdle(minutes(-31), now, 30)).toBe(true)
  })

  test('absolute: the lifetime since sign-in, however busy', () => {
    expect(isSessionPastLifetime(minutes(-12 * 60 + 1), now, 12)).toBe(false)
    expect(isSessionPastLifetime(minutes(-12 * 60), now, 12)).toBe(true)
  })
})
