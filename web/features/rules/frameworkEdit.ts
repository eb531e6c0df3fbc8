import { costKinds, legacyPlacement } from '../../../domain/indicators'
import type { FrameworkDetail, FrameworkNodeInput, UpdateFrameworkBody } from './rules.types'

/** The 指标体系 editor's pure parts: the placements a node may map, the form ⇄ body mapping, the checks. */

/** Every 88号 placement a node can show: "产出指标", "产出指标/数量指标", "产出指标/成本指标#economic" … */
export function placementOptions(): string[] {
  return Object.entries(legacyPlacement).flatMap(([level1, level2s]) => [
    level1,
    ...level2s.flatMap((level2) => {
      const placement = `${level1}/${level2}`
      return level2 === '成本指标' ? [placement, ...costKinds.map((kind) => `${placement}#${kind}`)] : [placement]
    }),
  ])
}

/** Splits "产出指标/成本指标#economic" into its parts for display. */
export function splitPlacement(placement: string): { level1: string; level2?: string; costKind?: string } {
  const [path = '', costKind] = placement.split('#')
  const [level1 = '', level2] = path.split('/')
  return { level1, level2, costKind }
}

export interface FrameworkFormValues {
  name: string
  description: string
  fiscalYearFrom: number
  status: 'active' | 'disabled'
  nodes: { name: string; mapsFrom?: string[]; children?: { name: string; mapsFrom?: string[] }[] }[]
}

export function toFrameworkForm(framework: FrameworkDetail): FrameworkFormValues {
  return {
    name: framework.name,
    description: framework.description,
    fiscalYearFrom: framework.fiscalYearFrom,
    status: framework.status,
    nodes: framework.nodes.map((node) => ({
      name: node.name,
      mapsFrom: [...node.mapsFrom],
      children: node.children.map((child) => ({ name: child.name, mapsFrom: [...child.mapsFrom] })),
    })),
  }
}

export function toFrameworkBody(values: FrameworkFormValues, version: number): UpdateFrameworkBody {
  return {
    version,
    name: values.name.trim(),
    description: (values.description ?? '').trim(),
    fiscalYearFrom: values.fiscalYearFrom,
    status: values.status,
    nodes: values.nodes.map(
      (node): FrameworkNodeInput => ({
        name: node.name.trim(),
        mapsFrom: node.mapsFrom ?? [],
        children: (node.children ?? []).map((child) => ({ name: child.name.trim(), mapsFrom: child.mapsFrom ?? [] })),
      }),
    ),
  }
}

/** Names used twice: among the 一级 nodes, or among the 二级 of one 一级 (the server refuses both). */
export function duplicateNames(nodes: FrameworkFormValues['nodes']): string[] {
  const twice = (names: string[]) => names.filter((name, i) => name !== '' && names.indexOf(name) !== i)
  const found = [
    ...twice(nodes.map((n) => (n.name ?? '').trim())),
    ...nodes.flatMap((n) => twice((n.children ?? []).map((c) => (c.name ?? '').trim()))),
  ]
  return [...new Set(found)]
}

/** How many nodes a removal takes away: the node and its children. */
export const removedCount = (node: FrameworkFormValues['nodes'][number] | undefined) => 1 + (node?.children?.length ?? 0)
