import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { flattenOverrides, formatLeafValue, leafLabel } from './ruleForm'
import { useFrameworks } from './rules.queries'

/** Overrides as readable lines: "监控截止月份：6月、9月". */
export function OverrideLines({ overrides }: { overrides: unknown }) {
  const { t } = useTranslation()
  const frameworks = useFrameworks()
  const frameworkName = (code: string) => frameworks.data?.find((f) => f.code === code)?.name
  const lines = flattenOverrides(overrides)
  if (lines.length === 0) return <Typography.Text type="secondary">{t('rules.overrides.none')}</Typography.Text>
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {lines.map(({ path, value }) => (
        <li key={path}>
          {t('rules.overrides.line', { label: leafLabel(path, t), value: formatLeafValue(path, value, t, frameworkName) })}
        </li>
      ))}
    </ul>
  )
}
