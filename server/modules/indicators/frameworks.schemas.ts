import { z } from 'zod'
import { bilingual } from '../../http/validation-messages.ts'

const Code = z.string().trim().regex(/^[0-9A-Za-z_-]{2,32}$/, bilingual('编码为 2–32 位字母、数字、下划线或连字符', 'A code has 2–32 letters, digits, _ or -'))
const Name = z.string().trim().min(2).max(50)
const Placement = z.string().regex(/^[^/#]{2,20}(\/[^/#]{2,30}(#(economic|social|ecological))?)?$/)

export const FrameworkNodesInput = z
  .array(
    z.strictObject({
      name: Name,
      mapsFrom: z.array(Placement).max(20).default([]),
      children: z.array(z.strictObject({ name: Name, mapsFrom: z.array(Placement).max(20).default([]) })).max(20),
    }),
  )
  .min(1, bilingual('至少需要一个一级指标', 'At least one level-1 indicator'))
  .max(12)

export const CreateFrameworkBody = z.strictObject({
  code: Code,
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().max(1000).default(''),
  fiscalYearFrom: z.int().min(2000).max(2100),
  /** Start from a copy of this framework's tree. */
  copyFrom: Code,
})

export const UpdateFrameworkBody = z.strictObject({
  version: z.int().min(1),
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().max(1000),
  fiscalYearFrom: z.int().min(2000).max(2100),
  status: z.enum(['active', 'disabled']),
  nodes: FrameworkNodesInput,
})

export const FrameworkParams = z.strictObject({ code: Code })
