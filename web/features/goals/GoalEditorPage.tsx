import { useState } from 'react'
import { useLocation, useParams } from 'react-router'
import { PageSpinner } from '../../layout/AppLayout'
import { GoalEditor } from './GoalEditor'
import { GoalLoadFailed } from './GoalPageParts'
import { useGoal } from './goals.queries'

/** 新建 / 编辑 / 申请调整 a goal: loads the goal (when there is one), then the editor. */
export function GoalEditorPage() {
  const location = useLocation()
  const { id } = useParams()
  const goal = useGoal(id)
  // A reload after a conflict starts the editor afresh from the goal as it is now.
  const [generation, setGeneration] = useState(0)
  const mode = !id ? 'new' : location.pathname.endsWith('/adjust') ? 'adjust' : 'edit'
  const refused = (location.state as { refused?: string } | null)?.refused

  if (id && goal.isError) return <GoalLoadFailed query={goal} />
  // The editor starts from the goal as it is now, not a copy cached before someone else moved it.
  if (id && !goal.isFetchedAfterMount) return <PageSpinner />
  return (
    <GoalEditor
      key={`${id ?? 'new'}:${mode}:${generation}`}
      mode={mode}
      goal={goal.data}
      refused={refused}
      onReload={() => goal.refetch().then(() => setGeneration((g) => g + 1))}
    />
  )
}
