import { Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Explained } from '../../../domain/scoring'
import { LightBadge } from './LightBadge'
import { useOriginLabel } from './SourceTags'
import { formatLeafValue, getAt, leafLabel, originOf } from './ruleForm'
import type { RuleSetView } from './rules.types'
import type { TrialInput, TrialResult } from './trialCalc'

interface TrialResultsProps {
  input: TrialInput
  result: TrialResult
  view: RuleSetView
}

/** The figures of a trial calculation, each with the rule and formula behind it, and the rule set that produced them. */
export function TrialResults({ input, result, view }: TrialResultsProps) {
  const { t } = useTranslation()
  const { indicator, execution } = result
  const explanations: { key: string; title: string; explained: Explained<unknown> }[] = []
  if (indicator?.score) explanations.push({ key: 'score', title: t('rules.trial.results.indicatorScore'), explained: indicator.score })
  if (indicator?.light) explanations.push({ key: 'light', title: t('rules.trial.results.indicatorLight'), explained: indicator.light })
  if (execution) explanations.push({ key: 'execution', title: t('rules.trial.results.executionScore'), explained: execution.score })
  if (execution?.light) explanations.push({ key: 'budgetLight', title: t('rules.trial.results.budgetLight'), explained: execution.light })

  return (
    // Flex, not an inline Space: it lines up with the inputs card beside it.
    <Flex vertical gap="middle">
      <Card size="small" title={t('rules.trial.results.title')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 160 } }}
          items={[
            { key: 'score', label: t('rules.trial.results.indicatorScore'), children: indicatorScore() },
            { key: 'light', label: t('rules.trial.results.indicatorLight'), children: indicator?.light ? <LightBadge light={indicator.light.value} /> : dash },
            {
              key: 'execution',
              label: t('rules.trial.results.executionScore'),
              children: execution ? (
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong style={{ fontSize: 18 }} data-testid="execution-score">
                    {execution.score.value.score}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t('rules.trial.results.ofWeight', { weight: input.executionWeight })}</Typography.Text>
                  <Tag>{t('rules.trial.results.rate', { rate: execution.score.value.ratePercent })}</Tag>
                  {execution.score.value.reasonRequired && <Tag color="orange">{t('rules.trial.results.reasonRequired')}</Tag>}
                </Flex>
              ) : (
                dash
              ),
            },
            { key: 'budgetLight', label: t('rules.trial.results.budgetLight'), children: execution?.light ? <LightBadge light={execution.light.value} /> : dash },
          ]}
        />
      </Card>
      <Card size="small" title={t('rules.trial.explain.title')}>
        {explanations.length === 0 ? (
          <Empty description={t('rules.trial.explain.empty')} />
        ) : (
          <Space orientation="vertical" size="small" style={{ width: '100%' }} aria-label={t('rules.trial.explain.title')}>
            {explanations.map(({ key, title, explained }) => (
              <div key={key}>
                <Typography.Text strong>{title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{t('rules.trial.explain.rule')}</Typography.Text>
                  {explained.rule}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('rules.trial.explain.formula')}</Typography.Text>
                  <Typography.Text code>{explained.formula}</Typography.Text>
                </div>
              </div>
            ))}
          </Space>
        )}
      </Card>
      <UsedRules view={view} paths={['monitoringCutoffMonths', ...result.usedPaths]} />
    </Flex>
  )

  function indicatorScore(): ReactNode {
    if (indicator?.score) {
      return (
        <Flex gap={8} wrap align="center">
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="indicator-score">
            {indicator.score.value.score}
          </Typography.Text>
          <Typography.Text type="secondary">{t('rules.trial.results.ofWeight', { weight: input.weight })}</Typography.Text>
          {indicator.score.value.deviationReasonRequired && <Tag color="orange">{t('rules.trial.results.deviationRequired')}</Tag>}
        </Flex>
      )
    }
    if (indicator?.range) {
      const { low, high, highExclusive } = indicator.range
      return (
        <Flex gap={8} wrap align="center">
          <span>{t(highExclusive ? 'rules.trial.results.rangeOpen' : 'rules.trial.results.rangeClosed', { low, high })}</span>
          {indicator.scoreAllowed === true && <Tag color="green">{t('rules.trial.results.scoreAllowed', { score: input.qualitativeScore })}</Tag>}
          {indicator.scoreAllowed === false && <Tag color="red">{t('rules.trial.results.scoreRefused', { score: input.qualitativeScore })}</Tag>}
        </Flex>
      )
    }
    return dash
  }
}

const dash = <Typography.Text type="secondary">—</Typography.Text>

/** The rule-set values the figures used, each with where it comes from. */
function UsedRules({ view, paths }: { view: RuleSetView; paths: string[] }) {
  const { t } = useTranslation()
  const originLabel = useOriginLabel()
  return (
    <Card size="small" title={t('rules.trial.used.title', { name: view.jurisdiction.name, year: view.fiscalYear })}>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {paths.map((path) => {
          const origin = originOf(view, path)
          return (
            <li key={path} style={{ marginBottom: 4 }}>
              {t('rules.overrides.line', { label: leafLabel(path, t), value: formatLeafValue(path, getAt(view.effective.rules, path), t) })}{' '}
              <Tag color={origin.kind === 'own' ? 'orange' : origin.kind === 'inherited' ? 'blue' : 'default'}>{originLabel(origin)}</Tag>
            </li>
          )
        })}
      </ul>
    </Card>
  )
}
