import { useTranslation } from 'react-i18next'
import { OpinionDialog } from '../../shared/OpinionDialog'
import { type IndicatorDecision, useDecideIndicator } from './indicators.queries'
import type { IndicatorRow } from './indicators.types'

/** 确认 may add an opinion; 不予采纳 and 停用 must say why. */
export const opinionRequired = (decision: IndicatorDecision) => decision !== 'confirm'

/** Confirms a decision on one indicator (确认 / 不予采纳 / 停用) with the finance bureau's opinion. */
export function IndicatorDecisionModal({
  indicator,
  decision,
  onClose,
}: {
  indicator: Pick<IndicatorRow, 'id' | 'name' | 'code' | 'version'>
  decision: IndicatorDecision
  onClose: () => void
}) {
  const { t } = useTranslation()
  const decide = useDecideIndicator()
  const action = t(`indicators.actions.${decision}`)
  const required = opinionRequired(decision)
  return (
    <OpinionDialog
      title={t('indicators.decisionTitle', { action })}
      okText={action}
      danger={decision !== 'confirm'}
      question={t(`indicators.decisionConfirm.${decision}`, { name: indicator.name, code: indicator.code })}
      opinion={required ? 'required' : 'optional'}
      opinionLabel={t('indicators.fields.reviewOpinion')}
      requiredMessage={t('indicators.opinionRequired')}
      minLength={2}
      placeholder={required ? undefined : t('indicators.opinionOptional')}
      maxLength={1000}
      onSubmit={(opinion) => decide.mutateAsync({ id: indicator.id, decision, version: indicator.version, opinion })}
      successMessage={t('indicators.decided', { action })}
      onClose={onClose}
    />
  )
}
