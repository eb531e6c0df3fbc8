import { Space, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Grade } from '../../../../domain/rule-set'
import { GradeTag } from '../../evaluation/self/selfVocabulary'

/** What the project list carries for a continuing (延续) project: last year's grade, this year's decided amount, open items. */
export interface LastYearSummary {
  grade: Grade | null
  evaluatedYear: number
  decidedAmount: string | null
  proposedAmount: string | null
  openRectifications: number
}

/** 上年结果 in the project list (rule 42): the grade, the amount decided for this year (formatted by the list's unit), open items. */
export function LastYearCell({ lastYear, formatAmount }: { lastYear: LastYearSummary | null | undefined; formatAmount: (amount: string) => string }) {
  const { t } = useTranslation()
  if (!lastYear) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space size={4} wrap>
      {lastYear.grade && (
        <Tooltip title={lastYear.evaluatedYear}>
          <span>
            <GradeTag grade={lastYear.grade} />
          </span>
        </Tooltip>
      )}
      {lastYear.grade && (lastYear.decidedAmount === null ? <Tag>{t('resultsViews.lastYear.undecided')}</Tag> : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatAmount(lastYear.decidedAmount)}</span>)}
      {lastYear.openRectifications > 0 && <Tag color="volcano">{t('resultsViews.lastYear.openItems', { count: lastYear.openRectifications })}</Tag>}
    </Space>
  )
}
