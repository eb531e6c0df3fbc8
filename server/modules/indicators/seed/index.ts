import type { SeedIndicator } from '../../../../domain/indicators.ts'
import { commonIndicators } from './common.data.ts'
import { sectorIndicatorsA } from './sectors-a.data.ts'
import { sectorIndicatorsB } from './sectors-b.data.ts'

/** The seeded library: common indicators per project type, then the sector (个性) ones. */
export const libraryIndicators: SeedIndicator[] = [...commonIndicators, ...sectorIndicatorsA, ...sectorIndicatorsB]
