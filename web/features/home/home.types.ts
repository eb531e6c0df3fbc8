// The shape of GET /api/home (server/modules/home), as the web uses it.
import type { ExAnteStatus } from '../../../domain/exante'
import type { GoalStatus } from '../../../domain/goals'
import type { HomeTodoKey } from '../../../domain/home'
import type { Money } from '../../../domain/money'
import type { ProjectStatus } from '../../../domain/projects'

export interface HomeView {
  todos: { key: HomeTodoKey; count: number }[]
  projects: {
    byStatus: { status: ProjectStatus; count: number; amount: Money }[]
    recent: { id: string; code: string; name: string; fiscalYear: number; status: ProjectStatus; amountTotal: Money; updatedAt: string }[]
  } | null
  goals: {
    byStatus: { status: GoalStatus; count: number }[]
    recent: { id: string; name: string; fiscalYear: number; status: GoalStatus; unitName: string | null; departmentName: string; updatedAt: string }[]
  } | null
  exante: {
    byStatus: { status: ExAnteStatus; count: number }[]
    recent: { id: string; projectName: string; fiscalYear: number; status: ExAnteStatus; updatedAt: string }[]
  } | null
}
