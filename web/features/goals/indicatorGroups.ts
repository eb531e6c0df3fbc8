import type { FrameworkNode } from '../rules/rules.types'

/** The placement of a row in the goal's framework: its 一级 and 二级 names. */
export interface Placement {
  level1: string
  level2: string
}

export interface Level2Group<R> {
  level2: string
  /** False for a placement the framework does not have (a row kept from an older framework or an import). */
  inFramework: boolean
  /** The rows placed here, with their position in the goal's list (what a finding's path counts). */
  rows: { row: R; index: number }[]
}

export interface Level1Group<R> {
  level1: string
  inFramework: boolean
  children: Level2Group<R>[]
}

/**
 * The goal's rows as the framework's tree: every 一级 and 二级 of the framework in its order, empty ones too (so the
 * unit sees where indicators are still missing), then any placement the framework lacks, in the rows' order.
 */
export function groupByFramework<R extends Placement>(nodes: readonly FrameworkNode[], rows: readonly R[]): Level1Group<R>[] {
  const groups: Level1Group<R>[] = nodes.map((node) => ({
    level1: node.name,
    inFramework: true,
    children: node.children.map((child) => ({ level2: child.name, inFramework: true, rows: [] })),
  }))
  rows.forEach((row, index) => {
    let level1 = groups.find((g) => g.level1 === row.level1)
    if (!level1) {
      level1 = { level1: row.level1, inFramework: false, children: [] }
      groups.push(level1)
    }
    let level2 = level1.children.find((c) => c.level2 === row.level2)
    if (!level2) {
      level2 = { level2: row.level2, inFramework: false, rows: [] }
      level1.children.push(level2)
    }
    level2.rows.push({ row, index })
  })
  return groups
}

/** The rows in the tree's order (一级, then 二级, then as entered): the order they are saved and numbered in. */
export function inFrameworkOrder<R extends Placement>(nodes: readonly FrameworkNode[], rows: readonly R[]): R[] {
  return groupByFramework(nodes, rows).flatMap((g) => g.children.flatMap((c) => c.rows.map((r) => r.row)))
}

/**
 * Where a library indicator goes in this framework. Library rows sit in the 88号 tree ("产出指标/成本指标"); a
 * framework lists which of those placements each node takes (`mapsFrom`), e.g. the 101号 tree moves 成本指标 up.
 */
export function placementInFramework(nodes: readonly FrameworkNode[], library: Placement): Placement {
  const path = `${library.level1}/${library.level2}`
  for (const node of nodes) {
    const child = node.children.find((c) => c.mapsFrom.includes(path) || (c.name === library.level2 && node.name === library.level1))
    if (child) return { level1: node.name, level2: child.name }
  }
  for (const node of nodes) {
    if (node.mapsFrom.includes(library.level1) || node.name === library.level1) {
      const child = node.children.find((c) => c.name === library.level2) ?? node.children[0]
      return { level1: node.name, level2: child?.name ?? library.level2 }
    }
  }
  return library
}
