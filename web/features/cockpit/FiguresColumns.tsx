import { useTermWords } from '../../shared/useTermWords'
import { Space, Tag, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { coverageLabels, stageLabels } from '../../../domain/cockpit'
import { grades } from '../../../domain/rule-set'
import { useCodeLabels } from '../../shared/useCodeLabels'
import type { Figures, RollupRow } from './cockpit.types'

const percent = (v: string | null) => (v === null ? '—' : `${v}%`)
const gradeColors = { 优: 'green', 良: 'blue', 中: 'gold', 差: 'red' } as const

/** The figure columns shared by the jurisdiction and the department roll-up tables (name column given by the caller). */
export function useFigureColumns<T extends RollupRow>(): ColumnsType<T> {
  const { t, i18n } = useTranslation()
  const words = useTermWords()
  const { labelOf } = useCodeLabels()
  const stage = labelOf(stageLabels)
  const dimension = labelOf(coverageLabels)
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  return [
    { title: t('cockpit.fields.projects'), key: 'projects', align: 'right', width: 80, render: (_, r) => r.stages[0]!.of },
    {
      title: t('cockpit.fields.stages'),
      key: 'stages',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {r.stages.map((s) => (
            <Typography.Text key={s.stage} style={{ whiteSpace: 'nowrap' }}>
              {stage(s.stage)} <strong>{percent(s.rate)}</strong> <Typography.Text type="secondary">({s.done}/{s.of})</Typography.Text>
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: t('cockpit.fields.lights'),
      key: 'lights',
      render: (_, r) => (
        <Space size={2} wrap>
          <Tag color="green">{t('cockpit.lights.green')} {r.lights.green}</Tag>
          <Tag color="gold">{t('cockpit.lights.yellow')} {r.lights.yellow}</Tag>
          <Tag color="red">{t('cockpit.lights.red')} {r.lights.red}</Tag>
        </Space>
      ),
    },
    { title: t('cockpit.fields.grades'), key: 'grades', render: (_, r) => <Space size={2} wrap>{grades.map((g) => <Tag key={g} color={gradeColors[g]}>{words.grade(g)} {r.grades[g]}</Tag>)}</Space> },
    {
      title: t('cockpit.fields.executionRate'),
      key: 'execution',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <strong>{percent(r.execution.executionRate)}</strong>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('cockpit.fields.timeProgress')} {percent(r.execution.timeProgress)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('cockpit.fields.spending'),
      key: 'spending',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {r.coverage.map((c) => (
            <Tooltip key={c.dimension} title={c.explanation[lang]}>
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>{dimension(c.dimension)} {percent(c.share)}</Typography.Text>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('cockpit.fields.assessment'),
      key: 'assessment',
      render: (_, r) => (r.assessment?.total ? <span>{r.assessment.total}{r.assessment.grade ? ` ${words.grade(r.assessment.grade)}` : ''}{r.assessment.rank ? ` · ${t('cockpit.fields.rank', { rank: r.assessment.rank })}` : ''}</span> : '—'),
    },
  ]
}

/** A totals row in the same shape as the others. */
export const totalRow = (name: string, figures: Figures, code = '__total'): RollupRow => ({ ...figures, code, name, refreshedAt: null, assessment: null })
