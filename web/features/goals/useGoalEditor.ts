import { App } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../../api/client'
import { errorMessage } from '../../shared/serverErrors'
import { type GoalDraft, contentOf, draftOf, emptyDraft } from './goalDraft'
import { type Finding, findingsOfError, localizeFindings } from './goalFindings'
import { useAdjustGoal, useCreateGoal, useGoalAction, useUpdateGoal } from './goals.queries'
import type { CreateGoalBody, GoalView } from './goals.types'

export type EditorMode = 'new' | 'edit' | 'adjust'

/** Findings of one check, with the keys of the rows as they were then: a row added since keeps no stale finding. */
export interface Checked {
  findings: Finding[]
  rowKeys: string[]
}

/** What a refused submit or save left to say, and whether the goal changed under us (409: reload). */
export interface EditorProblem {
  message: string
  stale: boolean
}

const checkedOf = (goal: GoalView, lang: string): Checked => ({ findings: localizeFindings(goal.quality, lang), rowKeys: goal.indicators.map((i) => i.id) })

/**
 * The editor's state and its two verbs. Save writes the draft (create, update, or an adjustment's new revision) and
 * shows the quality check the server ran on it; Submit saves first, then submits, and on refusal shows the blocking
 * findings where they point.
 */
export function useGoalEditor(mode: EditorMode, goal: GoalView | undefined, refused?: string) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [saved, setSaved] = useState(goal)
  const [draft, setDraft] = useState<GoalDraft>(() => (goal ? draftOf(goal) : emptyDraft()))
  const [checked, setChecked] = useState<Checked | null>(() => (goal ? checkedOf(goal, i18n.language) : null))
  const [problem, setProblem] = useState<EditorProblem | null>(refused ? { message: refused, stale: false } : null)
  const [reason, setReason] = useState('')
  const create = useCreateGoal()
  const update = useUpdateGoal()
  const adjust = useAdjustGoal()
  const act = useGoalAction()
  const busy = create.isPending || update.isPending || adjust.isPending || act.isPending
  const dirty = !saved || mode === 'adjust' || JSON.stringify(contentOf(draft)) !== JSON.stringify(contentOf(draftOf(saved)))

  function refuse(err: unknown, findings: Finding[], rowKeys: string[]) {
    const stale = err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'NOT_EDITABLE')
    // Field errors also show at their fields; naming them here covers those the page has no field for (the project).
    const fields = err instanceof ApiError ? err.fieldErrors.map((e) => e.message) : []
    setProblem({ message: fields.length ? `${errorMessage(err)}：${fields.join('；')}` : errorMessage(err), stale })
    if (findings.length) setChecked({ findings, rowKeys })
  }

  function accept(goal: GoalView) {
    setSaved(goal)
    setDraft(draftOf(goal))
    setChecked(checkedOf(goal, i18n.language))
    setProblem(null)
  }

  /** Writes the draft; the saved goal, or null when refused. */
  async function save(subject?: Omit<CreateGoalBody, keyof ReturnType<typeof contentOf>>): Promise<GoalView | null> {
    const content = contentOf(draft)
    try {
      const goal =
        mode === 'new'
          ? await create.mutateAsync({ ...subject!, ...content })
          : mode === 'adjust'
            ? await adjust.mutateAsync({ id: saved!.id, version: saved!.version, reason, ...content })
            : await update.mutateAsync({ id: saved!.id, version: saved!.version, ...content })
      accept(goal)
      return goal
    } catch (err) {
      refuse(err, findingsOfError(err, i18n.language), draft.indicators.map((r) => r.key))
      return null
    }
  }

  async function saveOnly(subject?: Parameters<typeof save>[0]) {
    const goal = await save(subject)
    if (!goal) return
    message.success(mode === 'adjust' ? t('goals.editor.adjusted', { revision: goal.revision }) : t('goals.editor.saved'))
    if (mode !== 'edit') navigate(`/goals/${goal.id}/edit`, { replace: true })
  }

  async function submit(subject?: Parameters<typeof save>[0]) {
    const goal = dirty ? await save(subject) : saved!
    if (!goal) return
    try {
      await act.mutateAsync({ id: goal.id, action: 'submit', version: goal.version })
      message.success(t('goals.editor.submitted'))
      navigate(`/goals/${goal.id}`)
    } catch (err) {
      const blocking = findingsOfError(err, i18n.language)
      const warnings = localizeFindings(goal.quality, i18n.language).filter((f) => f.severity === 'warning')
      if (mode === 'new') navigate(`/goals/${goal.id}/edit`, { replace: true, state: { refused: errorMessage(err) } })
      // The rows now carry the saved goal's ids, which the findings' row numbers count.
      else refuse(err, blocking.length ? [...blocking, ...warnings] : [], goal.indicators.map((i) => i.id))
    }
  }

  return { draft, setDraft, checked, problem, setProblem, reason, setReason, saved, busy, dirty, saveOnly, submit }
}
