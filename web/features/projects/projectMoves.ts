import { type ProjectStatus, projectTransitions, transitionPermission } from '../../../domain/projects'

/** The verb on a lifecycle button; i18n key projects.moves.<verb>. */
export type MoveVerb = 'admit' | 'sendBack' | 'budget' | 'unbudget' | 'execute' | 'close' | 'cancel'

export function moveVerb(from: ProjectStatus, to: ProjectStatus): MoveVerb {
  if (to === 'cancelled') return 'cancel'
  if (to === 'reserve') return 'sendBack'
  if (to === 'library') return from === 'budgeted' ? 'unbudget' : 'admit'
  if (to === 'budgeted') return 'budget'
  if (to === 'executing') return 'execute'
  return 'close'
}

/** 入库 and 退回 record the reviewer's opinion; a return must say why. */
export const opinionOf = (verb: MoveVerb): 'required' | 'optional' | 'none' =>
  verb === 'sendBack' ? 'required' : verb === 'admit' ? 'optional' : 'none'

/** The moves this user may make from a status, in the order of the lifecycle table. */
export function allowedMoves(from: ProjectStatus, permissions: readonly string[]): ProjectStatus[] {
  return projectTransitions[from].filter((to) => permissions.includes(transitionPermission(from, to)))
}
