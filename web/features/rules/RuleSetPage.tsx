import { EditOutlined } from '@ant-design/icons'
import { Alert, Button, Card, DatePicker, Flex, Result, Space, Spin, Tabs, Tag, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NATIONAL_SOURCE } from '../../../domain/rule-set-resolve'
import { PageSpinner } from '../../layout/AppLayout'
import { formatDateTime } from '../../shared/format'
import { errorMessage } from '../../shared/serverErrors'
import { useCan, useCurrentUser } from '../auth/CurrentUser'
import { RuleCardsView } from './RuleCardsView'
import { RuleRevisions } from './RuleRevisions'
import { type RuleScope, RuleScopePicker, useRuleScope } from './RuleScopePicker'
import { RuleSetEditor } from './RuleSetEditor'
import { layerSourceLabel } from './ruleForm'
import { useRuleSet } from './rules.queries'
import type { RuleSetView } from './rules.types'

/** 规则集: the rules in force for a jurisdiction and year, where each comes from, their revisions and (for a bureau) the editor. */
export function RuleSetPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const [scope, setScope] = useRuleScope()
  const [asOf, setAsOf] = useState<Dayjs | null>(null)
  const [editing, setEditing] = useState(false)
  const [tab, setTab] = useState('rules')
  const ruleSet = useRuleSet(scope.jurisdictionCode, scope.fiscalYear, asOf?.toISOString())
  const canManage = useCan('ruleset.manage') && user.org.kind === 'jurisdiction'
  const view = ruleSet.data
  const switching = ruleSet.isPlaceholderData

  const changeScope = (next: RuleScope) => {
    setEditing(false)
    setScope(next)
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space wrap>
            <RuleScopePicker value={scope} onChange={changeScope} jurisdictionName={view?.jurisdiction.name} />
            <DatePicker
              showTime
              allowClear
              value={asOf}
              onChange={(value) => {
                setEditing(false)
                setAsOf(value)
              }}
              placeholder={t('rules.asOf.placeholder')}
              aria-label={t('rules.asOf.label')}
            />
          </Space>
          {canManage && !asOf && !editing && view && !switching && (
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => { setTab('rules'); setEditing(true) }}>
              {t('rules.editor.start')}
            </Button>
          )}
        </Flex>
        {view && <RuleSetSummary view={view} asOf={asOf} />}
      </Card>
      {ruleSet.isPending ? (
        <PageSpinner />
      ) : ruleSet.isError ? (
        <Result status="warning" title={errorMessage(ruleSet.error)} extra={<Button onClick={() => ruleSet.refetch()}>{t('common.retry')}</Button>} />
      ) : (
        <Spin spinning={switching}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'rules',
                label: t('rules.tabs.rules'),
                children: editing ? (
                  <RuleSetEditor key={`${view!.jurisdiction.code}/${view!.fiscalYear}`} view={view!} onDone={() => setEditing(false)} />
                ) : (
                  <RuleCardsView view={view!} />
                ),
              },
              {
                key: 'revisions',
                label: t('rules.tabs.revisions'),
                disabled: editing,
                children: <RuleRevisions jurisdictionCode={view!.jurisdiction.code} fiscalYear={view!.fiscalYear} />,
              },
            ]}
          />
        </Spin>
      )}
    </Space>
  )
}

/** Which layers make up these rules, this level's revision and note. */
function RuleSetSummary({ view, asOf }: { view: RuleSetView; asOf: Dayjs | null }) {
  const { t } = useTranslation()
  return (
    <Space orientation="vertical" size={4} style={{ marginTop: 12, width: '100%' }}>
      {asOf && <Alert type="info" showIcon title={t('rules.asOf.viewing', { at: formatDateTime(asOf.toISOString()) })} />}
      <Space wrap size={4}>
        <Typography.Text type="secondary">{t('rules.summary.layers')}</Typography.Text>
        <Tag>{t('rules.source.national')}</Tag>
        {view.layers.map((layer) => (
          <span key={`${layer.jurisdictionCode}/${layer.fiscalYear}/${layer.revision}`}>
            → <Tag color={layer.jurisdictionCode === view.jurisdiction.code && layer.fiscalYear === view.fiscalYear ? 'orange' : 'blue'}>{layer.source === NATIONAL_SOURCE ? t('rules.source.national') : layerSourceLabel(layer.source, t)}</Tag>
          </span>
        ))}
      </Space>
      <Typography.Text>
        {view.own
          ? t('rules.summary.own', { name: view.jurisdiction.name, year: view.fiscalYear, revision: view.own.revision, note: view.own.note })
          : t('rules.summary.none', { name: view.jurisdiction.name, year: view.fiscalYear })}
      </Typography.Text>
    </Space>
  )
}
