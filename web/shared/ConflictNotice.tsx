import { Alert, Button } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client'
import { errorMessage } from './serverErrors'

/** What reloading found: nothing in the way, or a sentence saying why the action no longer applies. */
export interface ReloadOutcome {
  blocked?: string
}

/** Someone else acted first: our copy of the record is stale (version), or its status has moved on. */
export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && (err.code === 'VERSION_CONFLICT' || err.code === 'INVALID_TRANSITION')
}

/**
 * A dialog's answer to a 409: it stays open with what was typed, says that someone else changed the record and
 * offers to reload it; after reloading the user confirms again (or learns that the action no longer applies).
 * `handle` returns false for any other error, which the dialog shows as before.
 */
export function useConflict(onReload: (() => Promise<ReloadOutcome>) | undefined) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ stage: 'stale' | 'reloaded'; blocked?: string } | null>(null)
  const [reloading, setReloading] = useState(false)
  const [reloadError, setReloadError] = useState<string | null>(null)

  function handle(err: unknown): boolean {
    if (!onReload || !isConflict(err)) return false
    setState({ stage: 'stale' })
    return true
  }

  async function reload() {
    if (!onReload) return
    setReloading(true)
    setReloadError(null)
    try {
      const outcome = await onReload()
      setState({ stage: 'reloaded', blocked: outcome.blocked })
    } catch (err) {
      setReloadError(errorMessage(err))
    } finally {
      setReloading(false)
    }
  }

  let notice: ReactNode = null
  if (state?.stage === 'stale') {
    notice = (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('labels.conflict.title')}
        description={reloadError ?? t('labels.conflict.kept')}
        action={
          <Button size="small" type="primary" loading={reloading} onClick={() => void reload()}>
            {t('labels.conflict.reload')}
          </Button>
        }
      />
    )
  } else if (state?.stage === 'reloaded') {
    notice = state.blocked ? (
      <Alert type="warning" showIcon role="alert" title={t('labels.conflict.noLongerApplies', { reason: state.blocked })} />
    ) : (
      <Alert type="info" showIcon role="status" title={t('labels.conflict.reloaded')} />
    )
  }
  return {
    handle,
    notice,
    /** OK waits for the reload, and stays off when the action no longer applies. */
    blocksOk: state?.stage === 'stale' || !!state?.blocked,
    /** A new attempt starts clean. */
    reset: () => state?.stage === 'reloaded' && !state.blocked && setState(null),
  }
}

/**
 * The version a dialog acts on: the one the user saw when opening it, so a change by someone else meanwhile is a
 * 409 and never a silent action on a record they have not seen. `reload` re-reads the record, moves the version
 * on, and says when the action no longer applies to it (`blockedBy` gives the reason, or nothing).
 */
export function usePinnedVersion<T extends { version: number }>(
  seen: T,
  refetch: () => Promise<{ data?: T; error: unknown }>,
  blockedBy: (latest: T) => string | undefined,
) {
  const [version, setVersion] = useState(seen.version)
  async function reload(): Promise<ReloadOutcome> {
    const { data, error } = await refetch()
    if (!data) throw error
    setVersion(data.version)
    return { blocked: blockedBy(data) }
  }
  return { version, reload }
}
