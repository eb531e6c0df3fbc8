import { describe, expect, it } from 'vitest'
import { highlightSegments } from './highlight'

describe('highlightSegments', () => {
  it('marks every occurrence of every word', () => {
    expect(highlightSegments('培训人数与培训满意度', ['培训', '满意度'])).toEqual([
      { text: '培训', hit: true },
      { text: '人数与', hit: false },
      { text: '培训满意度', hit: true },
    ])
  })

  it('ignores case and merges overlapping words', () => {
    expect(highlightSegments('IT系统可用率', ['it', 'it系统', '系统可'])).toEqual([
      { text: 'IT系统可', hit: true },
      { text: '用率', hit: false },
    ])
  })

  it('leaves the text whole without words or matches', () => {
    expect(highlightSegments('设备完好率', undefined)).toEqual([{ text: '设备完好率', hit: false }])
    expect(highlightSegments('设备完好率', ['', '  '])).toEqual([{ text: '设备完好率', hit: false }])
    expect(highlightSegments('设备完好率', ['培训'])).toEqual([{ text: '设备完好率', hit: false }])
    expect(highlightSegments('', ['培训'])).toEqual([])
  })
})
