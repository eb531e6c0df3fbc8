import { CompressOutlined, ExpandOutlined, LogoutOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, ConfigProvider, Row, Select, Space, Spin, Statistic, Typography, theme } from 'antd'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { toWanYuan } from '../../../domain/money'
import { formatDateTime } from '../../shared/format'
import { fiscalYearOptions } from '../../shared/listFilters'
import { errorMessage } from '../../shared/serverErrors'
import { ExecutionChart, GradesChart, LifecycleFunnel, LightsChart, RankingChart, SpendingCoverageChart, StageCoverageChart } from './CockpitCharts'
import { useRollup } from './cockpit.queries'
import type { Rollup } from './cockpit.types'

const REFRESH_SECONDS = 60
const background = '#0b1224'
const panel = '#121c35'

/**
 * 驾驶舱: the year's lifecycle at a glance for the leadership — full screen, dark, refreshed every minute from the
 * summary table. A district on a chart opens its roll-up (市区联动), where the drill goes on to departments and projects.
 */
export function CockpitPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const fiscalYear = Number(params.get('year')) || new Date().getFullYear()
  const jurisdiction = params.get('j') ?? undefined
  const rollup = useRollup(fiscalYear, jurisdiction, REFRESH_SECONDS * 1000)
  // A year is evaluated and assessed in the next: the grades and the 考核 shown are those of the year before.
  const evaluated = useRollup(fiscalYear - 1, jurisdiction, REFRESH_SECONDS * 1000)
  const [fullscreen, setFullscreen] = useState(false)
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null)
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [])
  const toggleFullscreen = () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined)
  const linkage = (j?: string) => `/cockpit/linkage?year=${fiscalYear}${j ? `&j=${encodeURIComponent(j)}` : ''}`

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorBgContainer: panel, colorBgElevated: panel } }}>
      <div data-testid="cockpit-screen" style={{ position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto', background, color: '#c9d6f0', padding: 16 }}>
        <Row justify="space-between" align="middle" style={{ marginBottom: 12 }} gutter={[8, 8]}>
          <Col>
            <Typography.Title level={3} style={{ margin: 0, color: '#e6ecff' }}>
              {t('cockpit.screen.title', { name: rollup.data?.jurisdiction.name ?? '' })}
            </Typography.Title>
            <Typography.Text style={{ color: '#8ea2c8' }} data-testid="cockpit-refreshed-at">
              {rollup.data?.refreshedAt ? t('cockpit.refreshedAt', { time: formatDateTime(rollup.data.refreshedAt) }) : t('cockpit.neverRefreshed')} · {t('cockpit.screen.autoRefresh', { seconds: REFRESH_SECONDS })}
            </Typography.Text>
          </Col>
          <Col>
            <Space wrap>
              <Select aria-label={t('cockpit.fiscalYear')} value={fiscalYear} options={fiscalYearOptions()} style={{ width: 110 }} onChange={(year: number) => setParams((p) => { const next = new URLSearchParams(p); next.set('year', String(year)); return next })} />
              <Button icon={fullscreen ? <CompressOutlined aria-hidden /> : <ExpandOutlined aria-hidden />} onClick={toggleFullscreen}>{t('cockpit.screen.fullscreen')}</Button>
              <Button icon={<LogoutOutlined aria-hidden />} onClick={() => navigate(linkage(jurisdiction))}>{t('cockpit.screen.exit')}</Button>
            </Space>
          </Col>
        </Row>
        {rollup.isPending ? (
          <Spin />
        ) : rollup.isError ? (
          <Alert type="error" showIcon title={errorMessage(rollup.error)} />
        ) : (
          <Screen data={rollup.data} evaluated={evaluated.data} onDistrict={(code) => navigate(linkage(code))} />
        )}
      </div>
    </ConfigProvider>
  )
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} variant="borderless" style={{ background: panel, height: '100%' }} styles={{ header: { color: '#e6ecff' } }}>
      {children}
    </Card>
  )
}

function Screen({ data, evaluated, onDistrict }: { data: Rollup; evaluated: Rollup | undefined; onDistrict: (code: string) => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const total = data.total
  const districts = data.rows.filter((r) => !r.own)
  const rows = data.rows
  const kpi = (title: string, value: string | number, suffix?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" variant="borderless" style={{ background: panel }}>
        <Statistic title={<span style={{ color: '#8ea2c8' }}>{title}</span>} value={value} suffix={suffix} valueStyle={{ color: '#5cdbd3', fontSize: 28 }} />
      </Card>
    </Col>
  )
  const goals = total.coverage[0]!
  const earlier = evaluated ?? data
  const ofYear = (title: string) => `${title}${t('cockpit.screen.ofYear', { year: earlier.fiscalYear })}`
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {kpi(t('cockpit.screen.kpis.projects'), total.stages[0]!.of)}
        {kpi(t('cockpit.screen.kpis.spending'), toWanYuan(total.execution.budget, 2))}
        {kpi(t('cockpit.screen.kpis.goals'), goals.share ?? '—', goals.share ? '%' : undefined)}
        {kpi(t('cockpit.screen.kpis.executed'), total.execution.executionRate ?? '—', total.execution.executionRate ? '%' : undefined)}
        {kpi(t('cockpit.screen.kpis.timeProgress'), total.execution.timeProgress ?? '—', total.execution.timeProgress ? '%' : undefined)}
        {kpi(t('cockpit.screen.kpis.red'), total.lights.red)}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={8}><Panel title={t('cockpit.screen.lifecycle')}><LifecycleFunnel figures={total} tone="dark" ariaLabel={t('cockpit.screen.lifecycle')} /></Panel></Col>
        <Col xs={24} xl={16}><Panel title={t('cockpit.screen.stages')}><StageCoverageChart rows={rows} tone="dark" ariaLabel={t('cockpit.screen.stages')} onClick={(row) => !row.own && onDistrict(row.code)} /></Panel></Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={6}><Panel title={t('cockpit.screen.lights')}><LightsChart lights={total.lights} tone="dark" ariaLabel={t('cockpit.screen.lights')} /></Panel></Col>
        <Col xs={24} xl={9}><Panel title={t('cockpit.screen.execution')}><ExecutionChart rows={rows} timeProgress={total.execution.timeProgress} tone="dark" ariaLabel={t('cockpit.screen.execution')} /></Panel></Col>
        <Col xs={24} xl={9}><Panel title={ofYear(t('cockpit.screen.grades'))}><GradesChart rows={earlier.rows} tone="dark" ariaLabel={t('cockpit.screen.grades')} /></Panel></Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}><Panel title={ofYear(t('cockpit.screen.ranking'))}><RankingChart rows={earlier.rows.filter((r) => !r.own)} tone="dark" ariaLabel={t('cockpit.screen.ranking')} /></Panel></Col>
        <Col xs={24} xl={12}>
          <Panel title={t('cockpit.screen.coverage')}>
            <SpendingCoverageChart figures={total} tone="dark" ariaLabel={t('cockpit.screen.coverage')} />
            <Space orientation="vertical" size={2}>
              {total.coverage.map((c) => <Typography.Text key={c.dimension} style={{ color: '#8ea2c8', fontSize: 12 }}>{c.explanation[lang]}</Typography.Text>)}
            </Space>
          </Panel>
        </Col>
      </Row>
      <Space wrap>
        {districts.map((d) => <Button key={d.code} size="small" onClick={() => onDistrict(d.code)}>{d.name}</Button>)}
      </Space>
    </Space>
  )
}
