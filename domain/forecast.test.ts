import Decimal from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { chooseProfile, evenProfile, flagUnitEstimate, forecastYearEnd, profileFromPayments, profileFromShareSums } from './forecast.ts'

// Synthetic curves: a project paying 100 a month, and one paying most of its money in the last quarter (年底突击花钱).
const evenMonths = Array(12).fill('100.00') as string[]
const yearEndHeavy = ['10', '10', '10', '10', '10', '10', '20', '20', '40', '60', '100', '700'] // 1000 a year, 6% by June
const heavyProfile = profileFromPayments('department', [yearEndHeavy, yearEndHeavy.map((v) => String(Number(v) * 3))], 2)

describe('spending profiles', () => {
  test('even spending is m/12 by the end of month m', () => {
    const profile = evenProfile()
    expect(profile.cumulative[5]).toBe('0.500000')
    expect(profile.cumulative[11]).toBe('1.000000')
    expect(profile).toMatchObject({ kind: 'even', peers: 0 })
  })

  test('a profile built from even payments is the even profile', () => {
    const built = profileFromPayments('jurisdiction', [evenMonths, evenMonths], 2)
    expect(built.cumulative).toEqual(evenProfile().cumulative)
    expect(built).toMatchObject({ kind: 'jurisdiction', peers: 2, peerYears: 2 })
  })

  test('peers weigh alike whatever their size: shares are averaged, not amounts', () => {
    // 3 × the heavy curve has the same shares; mixing an even 1200 and a heavy 1000 gives the mean of the shares.
    expect(heavyProfile.cumulative[5]).toBe('0.060000')
    const mixed = profileFromPayments('department', [evenMonths, yearEndHeavy], 2)
    expect(mixed.cumulative[5]).toBe(new Decimal('0.5').plus('0.06').dividedBy(2).toFixed(6))
    expect(mixed.cumulative[11]).toBe('1.000000')
  })

  test('project-years with nothing paid are left out', () => {
    const built = profileFromPayments('department', [evenMonths, Array(12).fill('0')], 2)
    expect(built.peerYears).toBe(1)
    expect(built.cumulative[5]).toBe('0.500000')
  })

  test('the same from share sums: Σ shares per month over project-years', () => {
    const sums = Array(12).fill('0.25') as string[] // 3 project-years, each 1/12 a month → 0.25 a month summed
    expect(profileFromShareSums('department', sums, 3, 3).cumulative[2]).toBe('0.250000')
    expect(() => profileFromShareSums('department', sums, 0, 0)).toThrow(RangeError)
  })

  test('the narrowest profile with enough peers wins; else even spending', () => {
    const department = { ...heavyProfile, peers: 3 }
    const jurisdiction = { ...profileFromPayments('jurisdiction', [evenMonths], 1), peers: 8 }
    expect(chooseProfile([department, jurisdiction], 5).kind).toBe('jurisdiction')
    expect(chooseProfile([department, jurisdiction], 3).kind).toBe('department')
    expect(chooseProfile([department, jurisdiction], 9).kind).toBe('even')
  })
})

describe('year-end forecast lands where the profile says', () => {
  test('even spending: 600 paid by June of a 1200 budget → 1200', () => {
    const result = forecastYearEnd({ executed: '600.00', month: 6, budget: '1200.00', profile: evenProfile() })
    expect(result.value).toBe('1200.00')
    expect(result.explained).toMatchObject({ profile: 'even', expectedSharePercent: '50.00', basis: 'extrapolated', month: 6 })
    expect(result.explained.formula).toBe('600.00 ÷ 50.00% = 1200.00')
  })

  test('even spending: 300 paid by June → 600, half the budget unspent at year end', () => {
    expect(forecastYearEnd({ executed: '300.00', month: 6, budget: '1200.00', profile: evenProfile() }).value).toBe('600.00')
  })

  test('year-end-heavy spending: 60 of 1000 paid by June is on course (6% expected) → 1000', () => {
    const result = forecastYearEnd({ executed: '60.00', month: 6, budget: '1000.00', profile: { ...heavyProfile, cumulative: heavyProfile.cumulative } })
    expect(heavyProfile.cumulative[5]).toBe('0.060000')
    expect(result.value).toBe('1000.00')
    expect(result.explained).toMatchObject({ profile: 'department', peers: 2, expectedSharePercent: '6.00' })
    expect(result.explained.cumulativePercent[8]).toBe('14.00')
    // The same 60 against even spending says the project will spend only 120.
    expect(forecastYearEnd({ executed: '60.00', month: 6, budget: '1000.00', profile: evenProfile() }).value).toBe('120.00')
  })

  test('year-end-heavy profile at September: 140 paid (14% expected) → 1000; 70 paid → 500', () => {
    expect(forecastYearEnd({ executed: '140.00', month: 9, budget: '1000.00', profile: heavyProfile }).value).toBe('1000.00')
    expect(forecastYearEnd({ executed: '70.00', month: 9, budget: '1000.00', profile: heavyProfile }).value).toBe('500.00')
  })

  test('an even spender judged by a heavy profile is capped at the budget', () => {
    const result = forecastYearEnd({ executed: '500.00', month: 6, budget: '1000.00', profile: heavyProfile })
    expect(result.value).toBe('1000.00')
    expect(result.explained.basis).toBe('capped')
    expect(result.explained.formula).toContain('超过全年预算数')
  })

  test('before 5% of the year is expected, the budget is the forecast (payments say too little)', () => {
    const result = forecastYearEnd({ executed: '10.00', month: 2, budget: '1000.00', profile: heavyProfile })
    expect(heavyProfile.cumulative[1]).toBe('0.020000')
    expect(result).toMatchObject({ value: '1000.00', explained: { basis: 'budget' } })
  })

  test('already paid more than the budget: the forecast is what is paid', () => {
    expect(forecastYearEnd({ executed: '1300.00', month: 10, budget: '1000.00', profile: evenProfile() }).value).toBe('1300.00')
  })

  test('property: at least what is paid, at most max(budget, paid)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 12 }), (paidCents, budgetCents, month) => {
        const executed = new Decimal(paidCents).dividedBy(100).toFixed(2)
        const budget = new Decimal(budgetCents).dividedBy(100).toFixed(2)
        const value = new Decimal(forecastYearEnd({ executed, budget, month, profile: evenProfile() }).value)
        return value.gte(executed) && value.lte(Decimal.max(executed, budget))
      }),
    )
  })

  test('a month outside 1–12 is refused', () => {
    expect(() => forecastYearEnd({ executed: '1', month: 13, budget: '1', profile: evenProfile() })).toThrow(RangeError)
  })
})

describe('a unit estimate far from the forecast is flagged', () => {
  test('within 20% of the budget: not flagged; beyond it: flagged', () => {
    expect(flagUnitEstimate({ unitEstimate: '1000.00', forecast: '800.00', budget: '1000.00', marginPercent: 20 }).flagged).toBe(false)
    const far = flagUnitEstimate({ unitEstimate: '1000.00', forecast: '799.99', budget: '1000.00', marginPercent: 20 })
    expect(far.flagged).toBe(true)
    expect(far.formula).toBe('|1000.00 − 799.99| = 200.01 > 1000.00 × 20% = 200.00，偏差过大')
  })

  test('an estimate below the forecast counts the same way', () => {
    expect(flagUnitEstimate({ unitEstimate: '100.00', forecast: '1000.00', budget: '1000.00', marginPercent: 20 }).flagged).toBe(true)
  })

  test('a zero budget flags any difference', () => {
    expect(flagUnitEstimate({ unitEstimate: '0.01', forecast: '0.00', budget: '0.00', marginPercent: 20 }).flagged).toBe(true)
    expect(flagUnitEstimate({ unitEstimate: '0.00', forecast: '0.00', budget: '0.00', marginPercent: 20 }).flagged).toBe(false)
  })
})
