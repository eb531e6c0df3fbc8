import { describe, expect, test } from 'vitest'
import { jobProgressView } from './jobProgress'

describe('jobProgressView', () => {
  test('percent of a known total, floored and below 100 until done', () => {
    expect(jobProgressView({ status: 'running', done: 1, total: 3 })).toEqual({ percent: 33, barStatus: 'active', finished: false })
    expect(jobProgressView({ status: 'running', done: 3, total: 3 }).percent).toBe(99)
    expect(jobProgressView({ status: 'done', done: 3, total: 3 })).toEqual({ percent: 100, barStatus: 'success', finished: true })
  })

  test('no percent while the total is unknown; a queued job starts at 0', () => {
    expect(jobProgressView({ status: 'running', done: 40, total: null }).percent).toBeNull()
    expect(jobProgressView({ status: 'queued', done: 0, total: null })).toEqual({ percent: 0, barStatus: 'normal', finished: false })
  })

  test('a failed job keeps where it stopped and finishes', () => {
    expect(jobProgressView({ status: 'failed', done: 5, total: 10 })).toEqual({ percent: 50, barStatus: 'exception', finished: true })
    expect(jobProgressView({ status: 'done', done: 0, total: 0 }).percent).toBe(100)
  })
})
