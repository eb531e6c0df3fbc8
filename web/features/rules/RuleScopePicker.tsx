import { Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useCan, useCurrentUser } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'

export interface RuleScope {
  jurisdictionCode: string
  fiscalYear: number
}

const thisYear = () => new Date().getFullYear()

/** The jurisdiction and year whose rules a page shows, kept in the address (?j=440305&year=2026) so it can be shared. */
export function useRuleScope(): [RuleScope, (next: RuleScope) => void] {
  const user = useCurrentUser()
  const [params, setParams] = useSearchParams()
  const year = Number(params.get('year'))
  const scope: RuleScope = {
    jurisdictionCode: params.get('j') || user.org.jurisdictionCode,
    fiscalYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear(),
  }
  const setScope = (next: RuleScope) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current)
        updated.set('j', next.jurisdictionCode)
        updated.set('year', String(next.fiscalYear))
        return updated
      },
      { replace: true },
    )
  return [scope, setScope]
}

/** Years offered: a few back for what was in force, two ahead for rules being prepared. */
export function yearChoices(selected: number): number[] {
  const now = thisYear()
  const years = new Set<number>([selected])
  for (let year = now + 2; year >= now - 5; year--) years.add(year)
  return [...years].sort((a, b) => b - a)
}

interface RuleScopePickerProps {
  value: RuleScope
  onChange: (next: RuleScope) => void
  /** The chosen jurisdiction's name, shown when the user cannot choose another. */
  jurisdictionName?: string
}

/** A finance bureau picks its own jurisdiction or one below it; everyone else sees their own. */
export function RuleScopePicker({ value, onChange, jurisdictionName }: RuleScopePickerProps) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const canReadOrg = useCan('org.read')
  const canPick = user.org.kind === 'jurisdiction' && canReadOrg
  return (
    <Space wrap>
      {canPick ? (
        <OrgTreeSelect
          kinds={['jurisdiction']}
          label={t('rules.scope.jurisdiction')}
          value={value.jurisdictionCode}
          onChange={(code) => code && onChange({ ...value, jurisdictionCode: code })}
          width={240}
        />
      ) : (
        <Typography.Text>
          {t('rules.scope.jurisdiction')}：{jurisdictionName ?? value.jurisdictionCode}
        </Typography.Text>
      )}
      <Select
        aria-label={t('rules.scope.fiscalYear')}
        value={value.fiscalYear}
        onChange={(fiscalYear) => onChange({ ...value, fiscalYear })}
        options={yearChoices(value.fiscalYear).map((year) => ({ value: year, label: t('rules.scope.year', { year }) }))}
        style={{ width: 120 }}
      />
    </Space>
  )
}
