import { z } from 'zod'

export const BulletinRoundParams = z.strictObject({ id: z.uuid() })
export const BulletinYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) })
