import { Alert, Card, Empty, Spin, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatLeafValue, leafLabel } from '../rules/ruleForm'
import { useFrameworks } from '../rules/rules.queries'
import { errorMessage } from '../../shared/serverErrors'
import { useRuleDifferences } from './cockpit.queries'

interface Line {
  key: string
  name: string
  path: string
  parent: unknown
  child: unknown
  source: string
}

/** Rule values each district sets differently from its city (effective rule sets of the year compared). */
export function RuleDifferencesCard({ fiscalYear, jurisdictionCode }: { fiscalYear: number; jurisdictionCode?: string }) {
  const { t } = useTranslation()
  const rules = useRuleDifferences(fiscalYear, jurisdictionCode)
  const frameworks = useFrameworks()
  const frameworkName = (code: string) => frameworks.data?.find((f) => f.code === code)?.name
  const value = (path: string, v: unknown) => formatLeafValue(path, v, t, frameworkName)
  if (rules.isPending) return <Card size="small" title={t('cockpit.sections.rules')}><Spin /></Card>
  if (rules.isError) return <Card size="small" title={t('cockpit.sections.rules')}><Alert type="error" showIcon title={errorMessage(rules.error)} /></Card>
  const lines: Line[] = rules.data.jurisdictions.flatMap((j) => j.differences.map((d) => ({ key: `${j.code}:${d.path}`, name: j.name, ...d })))
  const same = rules.data.jurisdictions.filter((j) => j.differences.length === 0)
  return (
    <Card size="small" title={t('cockpit.sections.rules')}>
      {lines.length === 0 ? (
        <Empty description={t('cockpit.noDifferences')} />
      ) : (
        <Table<Line>
          rowKey="key"
          size="small"
          pagination={lines.length > 10 ? { pageSize: 10 } : false}
          dataSource={lines}
          columns={[
            { title: t('cockpit.fields.name'), dataIndex: 'name', width: 100 },
            { title: t('cockpit.fields.rule'), key: 'rule', render: (_, l) => leafLabel(l.path, t) },
            { title: t('cockpit.fields.parentValue', { name: rules.data.parent.name }), key: 'parent', render: (_, l) => value(l.path, l.parent) },
            { title: t('cockpit.fields.childValue'), key: 'child', render: (_, l) => <Tag color="orange">{value(l.path, l.child)}</Tag> },
          ]}
        />
      )}
      {same.length > 0 && lines.length > 0 && <div style={{ marginTop: 8 }}>{same.map((j) => <Tag key={j.code}>{j.name} · {t('cockpit.noDifferences')}</Tag>)}</div>}
    </Card>
  )
}
