import { Card, Col, Descriptions, Flex, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { SourceTags } from './SourceTags'
import { type RuleRow, ruleCards } from './ruleFields'
import { formatLeafValue, getAt, originOf, rowLabel } from './ruleForm'
import { useFrameworks } from './rules.queries'
import type { RuleSetView } from './rules.types'

/** The effective rules, card by card, each value with the tag of who set it; this level's own values stand out. */
export function RuleCardsView({ view }: { view: RuleSetView }) {
  const { t } = useTranslation()
  const frameworks = useFrameworks()
  const frameworkName = (code: string) => frameworks.data?.find((f) => f.code === code)?.name

  const valueOf = (row: RuleRow) =>
    row.leaves
      .map((leaf) => {
        const text = formatLeafValue(leaf.path, getAt(view.effective.rules, leaf.path), t, frameworkName)
        return leaf.labelKey ? `${t(leaf.labelKey)} ${text}` : text
      })
      .join(t('rules.leafSeparator'))

  return (
    <Row gutter={[16, 16]}>
      {ruleCards.map((card) => (
        <Col key={card.key} xs={24} xl={12}>
          <Card size="small" title={t(card.titleKey)} style={{ height: '100%' }}>
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 180 } }}
              items={card.rows.map((row) => {
                const own = row.leaves.some((leaf) => originOf(view, leaf.path).kind === 'own')
                return {
                  key: row.key,
                  label: (
                    <span>
                      {rowLabel(row, t)}
                      {row.hintKey && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }}>
                          {t(row.hintKey)}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                  styles: own ? { content: { background: '#fff7e6' } } : undefined,
                  children: (
                    <Flex justify="space-between" align="center" gap={8}>
                      <Typography.Text strong={own} style={{ flex: 1, minWidth: 0 }}>
                        {valueOf(row)}
                      </Typography.Text>
                      <div style={{ flexShrink: 0, maxWidth: '50%', textAlign: 'end' }}>
                        <SourceTags view={view} row={row} />
                      </div>
                    </Flex>
                  ),
                }
              })}
            />
          </Card>
        </Col>
      ))}
    </Row>
  )
}
