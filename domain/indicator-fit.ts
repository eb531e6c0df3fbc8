import { projectKindsOfText } from './classify.ts'
import type { ProjectKind, Sector } from './indicators.ts'

/** A project's kinds: its name says what the money buys; the description only when the name does not. */
export function projectKindsOf(name: string, description: string): ProjectKind[] {
  const fromName = projectKindsOfText(name)
  return fromName.length ? fromName : projectKindsOfText(`${name} ${description}`)
}

/**
 * Whether a library indicator can serve a project without contradicting it. An indicator made for some project kinds
 * (新建校舍面积 for 工程建设) fits only a project of one of them; one made for some sectors (新建口袋公园数量 for 城乡社区)
 * only a project of one of them, when the project's sector is known. An indicator made for neither fits anywhere.
 */
export function indicatorFitsProject(
  indicator: { sectors: readonly string[]; projectKinds: readonly string[] },
  project: { kinds: readonly ProjectKind[]; sector: Sector | null },
): boolean {
  const kindFits = !indicator.projectKinds.length || indicator.projectKinds.some((k) => (project.kinds as readonly string[]).includes(k))
  const sectorFits = !indicator.sectors.length || !project.sector || indicator.sectors.includes(project.sector)
  return kindFits && sectorFits
}
