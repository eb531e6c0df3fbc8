import { type Level1, type Level2, type ProjectKind, type Sector, legacyPlacement } from '../../../domain/indicators'
import type { IndicatorFacets, IndicatorFilters } from './indicators.types'

/** What a node of the browsing tree filters on; picking one node replaces the others' filters. */
export type TreeFilters = Required<{ [K in 'level1' | 'level2' | 'sector' | 'projectKind']: IndicatorFilters[K] | undefined }>

const none: TreeFilters = { level1: undefined, level2: undefined, sector: undefined, projectKind: undefined }

export const ALL_KEY = 'all'
export const SECTORS_KEY = 'group:sectors'
export const KINDS_KEY = 'group:projectKinds'

/** The tree node that shows the current filters as selected; none when they do not come from one node. */
export function treeKeyOf(f: IndicatorFilters): string | undefined {
  if (f.level1 && f.level2 && !f.sector && !f.projectKind) return `l2:${f.level1}/${f.level2}`
  if (f.level1 && !f.level2 && !f.sector && !f.projectKind) return `l1:${f.level1}`
  if (f.sector && !f.level1 && !f.level2 && !f.projectKind) return `sector:${f.sector}`
  if (f.projectKind && !f.level1 && !f.level2 && !f.sector) return `kind:${f.projectKind}`
  if (!f.level1 && !f.level2 && !f.sector && !f.projectKind) return ALL_KEY
  return undefined
}

/** The filters a node stands for; a group heading or an unknown key clears them (the whole library). */
export function filtersOfTreeKey(key: string | undefined): TreeFilters {
  const [kind, value = ''] = (key ?? '').split(/:(.*)/s)
  if (kind === 'l1' && value in legacyPlacement) return { ...none, level1: value as Level1 }
  if (kind === 'l2') {
    const [level1, level2] = value.split('/') as [Level1, Level2]
    if ((legacyPlacement[level1] as readonly string[] | undefined)?.includes(level2)) return { ...none, level1, level2 }
  }
  if (kind === 'sector' && value) return { ...none, sector: value as Sector }
  if (kind === 'kind' && value) return { ...none, projectKind: value as ProjectKind }
  return none
}

export interface TreeNode {
  key: string
  label: string
  /** Rows under the node; group headings (行业, 项目类型) have none, as one row can sit in several of their children. */
  count?: number
  children?: TreeNode[]
}

/**
 * The browsing tree from the facet counts: the whole library, 一级 → 二级 in the order of the 88号 tree (empty
 * branches kept, so the tree always shows the framework), then sectors and project types with rows, largest first.
 */
export function buildTree(
  facets: IndicatorFacets,
  labels: {
    all: string
    sectors: string
    projectKinds: string
    sector: (s: Sector) => string
    projectKind: (k: ProjectKind) => string
    /** A 一级/二级 name in the current language. */
    level: (name: string) => string
  },
): TreeNode[] {
  const countOf = (level1: string, level2: string) =>
    facets.placements.find((p) => p.level1 === level1 && p.level2 === level2)?.count ?? 0
  const placements = (Object.entries(legacyPlacement) as [Level1, readonly Level2[]][]).map(([level1, level2s]) => {
    const children = level2s.map((level2) => ({ key: `l2:${level1}/${level2}`, label: labels.level(level2), count: countOf(level1, level2) }))
    return { key: `l1:${level1}`, label: labels.level(level1), count: children.reduce((sum, c) => sum + (c.count ?? 0), 0), children }
  })
  const byCount = <T extends { count: number }>(rows: T[]) => [...rows].filter((r) => r.count > 0).sort((a, b) => b.count - a.count)
  return [
    { key: ALL_KEY, label: labels.all, count: facets.total, children: placements },
    {
      key: SECTORS_KEY,
      label: labels.sectors,
      children: byCount(facets.sectors).map((s) => ({ key: `sector:${s.key}`, label: labels.sector(s.key), count: s.count })),
    },
    {
      key: KINDS_KEY,
      label: labels.projectKinds,
      children: byCount(facets.projectKinds).map((k) => ({ key: `kind:${k.key}`, label: labels.projectKind(k.key), count: k.count })),
    },
  ]
}
