import { BulbOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, Input, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../shared/serverErrors'
import { HighlightedText } from './HighlightedText'
import { IndicatorDrawer } from './IndicatorDrawer'
import { ProjectPicker } from './ProjectPicker'
import { TagList } from './indicatorColumns'
import { useIndicatorVocabulary } from './indicatorVocabulary'
import { useRecommendation } from './indicators.queries'
import type { Recommendation, RecommendedIndicator } from './indicators.types'
import { useTermWords } from '../../shared/useTermWords'

type Source = 'project' | 'text'
const LIMITS = [10, 20, 50]

/**
 * 指标推荐: for a project (or a few words describing one) the library's live indicators that fit it, with why —
 * the words they share, the project type and the sector they are made for — and the projects most like it.
 * The choice lives in the address (?projectId= or ?text=), so a project page can link here.
 */
export function IndicatorRecommendPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const projectId = params.get('projectId') ?? undefined
  const text = params.get('text') ?? undefined
  const limit = Number(params.get('limit')) || 20
  const [source, setSource] = useState<Source>(text ? 'text' : 'project')
  const [draft, setDraft] = useState(text ?? '')
  const [openId, setOpenId] = useState<string>()
  const query = source === 'project' ? { projectId, limit } : { text, limit }
  const recommendation = useRecommendation(query)
  const asked = source === 'project' ? !!projectId : (text?.length ?? 0) >= 2

  const update = (next: { projectId?: string; text?: string; limit?: number }) => {
    const merged = { projectId, text, limit, ...next }
    const search = new URLSearchParams()
    if (merged.projectId) search.set('projectId', merged.projectId)
    if (merged.text) search.set('text', merged.text)
    if (merged.limit !== 20) search.set('limit', String(merged.limit))
    setParams(search, { replace: true })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('nav.indicatorRecommend')}>
        <Typography.Paragraph type="secondary">{t('indicators.recommend.intro')}</Typography.Paragraph>
        <Space wrap align="start" role="search" aria-label={t('indicators.recommend.subject')}>
          <Segmented<Source>
            value={source}
            onChange={setSource}
            options={[
              { value: 'project', label: t('indicators.recommend.byProject') },
              { value: 'text', label: t('indicators.recommend.byText') },
            ]}
          />
          {source === 'project' ? (
            <ProjectPicker value={projectId} onChange={(id) => update({ projectId: id, text: undefined })} />
          ) : (
            <Space.Compact style={{ width: 520, maxWidth: '100%' }}>
              <Input
                aria-label={t('indicators.recommend.text')}
                placeholder={t('indicators.recommend.textPlaceholder')}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onPressEnter={() => update({ text: draft.trim() || undefined, projectId: undefined })}
                allowClear
              />
              <Button type="primary" icon={<BulbOutlined aria-hidden />} onClick={() => update({ text: draft.trim() || undefined, projectId: undefined })}>
                {t('indicators.recommend.run')}
              </Button>
            </Space.Compact>
          )}
          <Select<number>
            aria-label={t('indicators.recommend.limit')}
            value={limit}
            onChange={(next) => update({ limit: next })}
            options={LIMITS.map((n) => ({ value: n, label: t('indicators.recommend.limitOption', { count: n }) }))}
            style={{ width: 120 }}
          />
        </Space>
        {source === 'text' && draft.trim().length === 1 && (
          <Typography.Text type="secondary">{t('indicators.recommend.textTooShort')}</Typography.Text>
        )}
      </Card>

      {!asked ? (
        <Card size="small">
          <Empty description={t('indicators.recommend.pick')} />
        </Card>
      ) : recommendation.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(recommendation.error)}
          action={
            <Button size="small" onClick={() => recommendation.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={18}>
            <RecommendedTable data={recommendation.data} loading={recommendation.isFetching} onOpen={setOpenId} />
          </Col>
          <Col xs={24} xl={6}>
            <SubjectCard data={recommendation.data} loading={recommendation.isFetching} />
          </Col>
        </Row>
      )}
      <IndicatorDrawer id={openId} onClose={() => setOpenId(undefined)} onOpen={setOpenId} />
    </Space>
  )
}

function RecommendedTable({ data, loading, onOpen }: { data: Recommendation | undefined; loading: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const words = useTermWords()
  const field = (key: string) => t(`indicators.fields.${key}`)
  const top = Math.max(...(data?.items.map((i) => i.score) ?? [0]), 1)
  const columns: TableColumnsType<RecommendedIndicator> = [
    { key: 'rank', title: '#', width: 48, align: 'center', render: (_, __, i) => i + 1 },
    {
      key: 'name',
      title: field('name'),
      width: 260,
      render: (_, row) => (
        <div>
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={() => onOpen(row.id)}
            aria-label={t('indicators.openDetail', { name: row.name })}
          >
            <span>
              <HighlightedText text={row.name} words={row.reasons.matchedTerms} />
            </span>
          </Button>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.code} · {words.level(row.level1)} / {words.level(row.level2)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'target',
      title: field('exampleTarget'),
      width: 130,
      render: (_, row) => row.exampleTarget ?? (row.nature === 'qualitative' ? vocabulary.nature(row.nature) : `${vocabulary.nature(row.nature)} ${row.unit}`),
    },
    {
      key: 'score',
      title: field('score'),
      dataIndex: 'score',
      width: 110,
      // The raw BM25-style score means nothing to a reader: show it against the best match (100 %).
      render: (score: number) => {
        const percent = Math.round((score / top) * 100)
        return (
          <div title={t('labels.relevanceHint')} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <div style={{ flex: 1, height: 6, background: '#f0f0f0', borderRadius: 3 }}>
              <div style={{ width: `${percent}%`, height: 6, background: '#1677ff', borderRadius: 3 }} />
            </div>
            <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: 12 }}>{percent}%</span>
          </div>
        )
      },
    },
    {
      key: 'reasons',
      title: t('indicators.recommend.reasons'),
      width: 320,
      render: (_, row) => <Reasons row={row} />,
    },
  ]
  return (
    <Card size="small" title={t('indicators.recommend.results', { count: data?.items.length ?? 0 })}>
      <Table<RecommendedIndicator>
        rowKey="id"
        size="middle"
        aria-label={t('indicators.recommend.results', { count: data?.items.length ?? 0 })}
        columns={columns}
        dataSource={data?.items}
        loading={loading}
        pagination={false}
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
        tableLayout="fixed"
        locale={{ emptyText: <Empty description={t('indicators.recommend.empty')} /> }}
      />
    </Card>
  )
}

/** Why an indicator is suggested: the words it shares, the project type and sector it was made for. */
function Reasons({ row }: { row: RecommendedIndicator }) {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const { matchedTerms, projectKinds, sector, usedBySimilarGoals } = row.reasons
  return (
    <Space orientation="vertical" size={2}>
      {matchedTerms.length > 0 && (
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('indicators.recommend.matchedTerms')}
          </Typography.Text>
          <TagList labels={matchedTerms} color="gold" max={5} />
        </span>
      )}
      {projectKinds.length > 0 && (
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('indicators.recommend.fitsKind')}
          </Typography.Text>
          <TagList labels={projectKinds.map(vocabulary.projectKind)} color="purple" max={3} />
        </span>
      )}
      {sector && (
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('indicators.recommend.fitsSector')}
          </Typography.Text>
          <Tag color="blue">{vocabulary.sector(sector)}</Tag>
        </span>
      )}
      {usedBySimilarGoals > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('indicators.recommend.usedBySimilarGoals', { count: usedBySimilarGoals })}
        </Typography.Text>
      )}
    </Space>
  )
}

/** What was read from the subject (type, sector, key words) and the projects most like it. */
function SubjectCard({ data, loading }: { data: Recommendation | undefined; loading: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const subject = data?.subject
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card size="small" title={t('indicators.recommend.subject')} loading={loading && !data}>
        {subject && (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text strong>{subject.name}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{t('indicators.recommend.kinds')}</Typography.Text>
              {subject.projectKinds.length ? (
                <TagList labels={subject.projectKinds.map(vocabulary.projectKind)} color="purple" max={5} />
              ) : (
                t('indicators.recommend.unknown')
              )}
            </div>
            <div>
              <Typography.Text type="secondary">{t('indicators.recommend.sector')}</Typography.Text>
              {subject.sector ? <Tag color="blue">{vocabulary.sector(subject.sector)}</Tag> : t('indicators.recommend.unknown')}
            </div>
            <div>
              <Typography.Text type="secondary">{t('indicators.recommend.terms')}</Typography.Text>
              {subject.terms.length ? <TagList labels={subject.terms} max={12} /> : t('indicators.recommend.unknown')}
            </div>
          </Space>
        )}
      </Card>
      <Card size="small" title={t('indicators.recommend.similar')} loading={loading && !data}>
        {(data?.similarProjects.length ?? 0) === 0 ? (
          <Typography.Text type="secondary">{t('indicators.recommend.noSimilar')}</Typography.Text>
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {data?.similarProjects.map((p) => (
              <li key={p.id} style={{ marginBottom: 8 }}>
                <Link to={`/projects/${p.id}`}>{p.name}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('indicators.recommend.fiscalYear', { year: p.fiscalYear })}
                  </Typography.Text>
                </div>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  )
}
