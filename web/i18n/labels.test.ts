import { describe, expect, it } from 'vitest'
import { legacyPlacement } from '../../domain/indicators'
import { grades } from '../../domain/rule-set'
import { labelsEn } from './labels.en'

const levels = Object.entries(legacyPlacement).flatMap(([level1, children]) => [level1, ...children])

describe('English words for the rules’ Chinese data (issue 10 §27)', () => {
  it('names every grade in English', () => {
    for (const grade of grades) expect(labelsEn.grades[grade], grade).toMatch(/^[A-Z][a-z]+$/)
  })

  it('names every 一级 and 二级 of the national framework in English', () => {
    const words = labelsEn.levels as Record<string, string>
    for (const level of levels) expect(words[level], level).toMatch(/^[A-Z][a-z ]+$/)
  })
})
