import { Button, Drawer, Select, Space, Table, type TableColumnsType, type TablePaginationConfig, Tabs, Tag, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { legacyPlacement } from '../../../domain/indicators'
import { api } from '../../api/client'
import { filterSelectProps } from '../../shared/listFilters'
import { SearchInput } from '../../shared/SearchInput'
import { useIndicatorVocabulary } from '../indicators/indicatorVocabulary'
import { indicatorPath, useIndicators, useRecommendation } from '../indicators/indicators.queries'
import type { IndicatorDetail, IndicatorRow, RecommendedIndicator } from '../indicators/indicators.types'
import type { LibraryPick } from './goalDraft'
import type { Placement } from './indicatorGroups'
import { useTermWords } from '../../shared/useTermWords'

export type PickedIndicator = LibraryPick & Placement

interface LibraryPickerDrawerProps {
  open: boolean
  projectId: string | null
  /** Library rows already in the goal (by id): shown as taken. */
  taken: ReadonlySet<string>
  onPick: (picked: PickedIndicator) => void
  onClose: () => void
}

/**
 * 从指标库选择: the project's recommendations first, each with why it fits, then a search of the whole live
 * library. A picked row brings its scoring rule and value basis from the indicator's detail.
 */
export function LibraryPickerDrawer({ open, projectId, taken, onPick, onClose }: LibraryPickerDrawerProps) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<string>()

  async function pick(row: IndicatorRow) {
    setBusy(row.id)
    const detail = await api.get<IndicatorDetail>(indicatorPath(row.id)).catch(() => undefined)
    setBusy(undefined)
    onPick({ ...row, scoringRule: detail?.scoringRule, valueBasis: detail?.valueBasis })
  }
  const action = (row: IndicatorRow) =>
    taken.has(row.id) ? (
      <Tag color="green">{t('goals.picker.taken')}</Tag>
    ) : (
      <Button size="small" type="primary" ghost loading={busy === row.id} onClick={() => pick(row)} aria-label={t('goals.picker.pickNamed', { name: row.name })}>
        {t('goals.picker.pick')}
      </Button>
    )

  const tabs = [
    ...(projectId ? [{ key: 'recommend', label: t('goals.picker.recommended'), children: <Recommended projectId={projectId} action={action} /> }] : []),
    { key: 'search', label: t('goals.picker.search'), children: <LibrarySearch action={action} /> },
  ]
  return (
    <Drawer open={open} onClose={onClose} size={880} title={t('goals.picker.title')} destroyOnHidden>
      <Tabs items={tabs} />
    </Drawer>
  )
}

type Action = (row: IndicatorRow) => ReactNode

/** Name, code and placement, the example target, any columns of the list's own, then 选用. */
function usePickerColumns<R extends IndicatorRow>(action: Action, own: TableColumnsType<R> = []): TableColumnsType<R> {
  const { t } = useTranslation()
  const words = useTermWords()
  const vocabulary = useIndicatorVocabulary()
  return [
    {
      key: 'name',
      title: t('indicators.fields.name'),
      render: (_, row) => (
        <div>
          <div>{row.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.code} · {words.level(row.level1)} / {words.level(row.level2)}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'target',
      title: t('indicators.fields.exampleTarget'),
      width: 130,
      render: (_, row) => row.exampleTarget ?? `${vocabulary.nature(row.nature)} ${row.unit}`,
    },
    ...own,
    { key: 'pick', title: t('common.actions'), width: 90, render: (_, row) => action(row) },
  ]
}

/** One list of the picker: ten rows a page. */
function PickerTable<R extends IndicatorRow>(props: { label: string; columns: TableColumnsType<R>; rows: R[] | undefined; loading: boolean; pagination?: TablePaginationConfig }) {
  return (
    <Table<R>
      rowKey="id"
      size="small"
      aria-label={props.label}
      columns={props.columns}
      dataSource={props.rows}
      loading={props.loading}
      pagination={{ pageSize: 10, showSizeChanger: false, ...props.pagination }}
    />
  )
}

function Recommended({ projectId, action }: { projectId: string; action: Action }) {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const recommendation = useRecommendation({ projectId, limit: 30 })
  const columns = usePickerColumns<RecommendedIndicator>(action, [
    {
      key: 'reasons',
      title: t('goals.picker.reasons'),
      width: 280,
      render: (_, row) => {
        const { matchedTerms, projectKinds, sector, usedBySimilarGoals } = row.reasons
        const fits = [...projectKinds.map(vocabulary.projectKind), ...(sector ? [vocabulary.sector(sector)] : [])]
        const lines = [
          matchedTerms.length > 0 && `${t('indicators.recommend.matchedTerms')}${matchedTerms.join('、')}`,
          fits.length > 0 && `${t('goals.picker.fits')}${fits.join('、')}`,
          usedBySimilarGoals > 0 && t('indicators.recommend.usedBySimilarGoals', { count: usedBySimilarGoals }),
        ].filter((line): line is string => !!line)
        return lines.map((line) => (
          <div key={line} style={{ fontSize: 12, lineHeight: 1.6 }}>
            {line}
          </div>
        ))
      },
    },
  ])
  return (
    <>
      <Typography.Paragraph type="secondary">{t('goals.picker.recommendedHint', { name: recommendation.data?.subject.name ?? '' })}</Typography.Paragraph>
      <PickerTable label={t('goals.picker.recommended')} columns={columns} rows={recommendation.data?.items} loading={recommendation.isFetching} />
    </>
  )
}

function LibrarySearch({ action }: { action: Action }) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const [level1, setLevel1] = useState<string>()
  const [page, setPage] = useState(1)
  const found = useIndicators({ q: q || undefined, level1, status: 'active', page, pageSize: 10 })
  const columns = usePickerColumns<IndicatorRow>(action)
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} role="search" aria-label={t('goals.picker.search')}>
        <SearchInput label={t('goals.picker.q')} value={q} onSearch={(next) => (setQ(next), setPage(1))} width={280} />
        <Select
          {...filterSelectProps(t('indicators.fields.level1'), 140)}
          options={Object.keys(legacyPlacement).map((l) => ({ value: l, label: l }))}
          value={level1}
          onChange={(next?: string) => (setLevel1(next), setPage(1))}
        />
      </Space>
      <PickerTable
        label={t('goals.picker.results')}
        columns={columns}
        rows={found.data?.items}
        loading={found.isFetching}
        pagination={{ current: page, total: found.data?.total ?? 0, onChange: setPage }}
      />
    </>
  )
}
