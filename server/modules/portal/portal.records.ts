import type { PublicAssessment, PublicGoal, PublicKeyEvaluationReport, PublicRecordKind, PublicSelfEvaluation } from '../../../domain/disclosure.ts'
import { amount, type Column, dataTable, facts, href, html, isoDate, type SafeHtml } from './portal.html.ts'
import type { PortalRecord } from './portal.repository.ts'
import { gradeText, PORTAL_KINDS, type PortalLang, tr } from './portal.text.ts'

/** Each kind's list columns and detail page: what of a published payload the portal shows, field by field. */

export interface Place {
  lang: PortalLang
  jurisdictionCode: string
  fiscalYear: number
}

export const yearPath = (p: Place) => `/public/${p.jurisdictionCode}/${p.fiscalYear}`
export const listPath = (p: Place, kind: PublicRecordKind) => `${yearPath(p)}/${PORTAL_KINDS[kind].segment}`
export const recordPath = (p: Place, kind: PublicRecordKind, key: string) => `${listPath(p, kind)}/${encodeURIComponent(key)}`
export const reportPath = (p: Place, key: string) => `${recordPath(p, 'key_evaluation_report', key)}/report`

const link = (p: Place, r: PortalRecord, label: string) => html`<a href="${href(p.lang, recordPath(p, r.kind, r.recordKey))}">${label}</a>`

function listColumns(p: Place, kind: PublicRecordKind): Column<PortalRecord>[] {
  const t = (key: Parameters<typeof tr>[1]) => tr(p.lang, key)
  switch (kind) {
    case 'goal': {
      const g = (r: PortalRecord) => r.payload as PublicGoal
      return [
        { label: t('projectName'), cell: (r) => link(p, r, g(r).projectName) },
        { label: t('projectCode'), cell: (r) => g(r).projectCode },
        { label: t('unit'), cell: (r) => g(r).unitName },
        { label: t('budget'), cell: (r) => amount(g(r).budget), numeric: true },
        { label: t('indicators'), cell: (r) => g(r).indicators.length, numeric: true },
      ]
    }
    case 'self_evaluation': {
      const s = (r: PortalRecord) => r.payload as PublicSelfEvaluation
      return [
        { label: t('subject'), cell: (r) => link(p, r, s(r).subjectName) },
        { label: t('subjectCode'), cell: (r) => s(r).subjectCode },
        { label: t('kind'), cell: (r) => t(s(r).subjectKind === 'project' ? 'subjectProject' : 'subjectDepartment') },
        { label: t('budget'), cell: (r) => amount(s(r).budget), numeric: true },
        { label: t('executionRate'), cell: (r) => s(r).executionRate ?? '—', numeric: true },
        { label: t('score'), cell: (r) => s(r).score, numeric: true },
        { label: t('grade'), cell: (r) => gradeText(s(r).grade, p.lang) },
      ]
    }
    case 'key_evaluation_report': {
      const k = (r: PortalRecord) => r.payload as PublicKeyEvaluationReport
      return [
        { label: t('projectName'), cell: (r) => link(p, r, k(r).projectName) },
        { label: t('projectCode'), cell: (r) => k(r).projectCode },
        { label: t('score'), cell: (r) => k(r).score ?? '—', numeric: true },
        { label: t('grade'), cell: (r) => gradeText(k(r).grade, p.lang) },
        { label: t('report'), cell: (r) => (r.fileId ? html`<a href="${href(p.lang, reportPath(p, r.recordKey))}">${t('download')}<span class="visually-hidden"> ${k(r).projectName}</span></a>` : t('noReportFile')) },
      ]
    }
    case 'assessment': {
      const a = (r: PortalRecord) => r.payload as PublicAssessment
      return [
        { label: t('assessed'), cell: (r) => link(p, r, a(r).orgName) },
        { label: t('orgKind'), cell: (r) => t(a(r).orgKind === 'district' ? 'orgDistrict' : 'orgDepartment') },
        { label: t('total'), cell: (r) => a(r).total, numeric: true },
        { label: t('rank'), cell: (r) => a(r).rank ?? '—', numeric: true },
        { label: t('grade'), cell: (r) => gradeText(a(r).grade, p.lang) },
      ]
    }
  }
}

const departmentOf = (r: PortalRecord) => {
  const payload = r.payload as { departmentName?: string }
  return { code: r.departmentCode ?? '', name: payload.departmentName ?? r.departmentCode ?? '' }
}

/** A page of a kind's records: per department (a heading and a table each), 考核 results in one table. */
export function recordTables(p: Place, kind: PublicRecordKind, records: PortalRecord[]): SafeHtml {
  const columns = listColumns(p, kind)
  if (kind === 'assessment') return dataTable(PORTAL_KINDS[kind][p.lang], columns, records, { captionHidden: true })
  const groups = new Map<string, { name: string; rows: PortalRecord[] }>()
  for (const r of records) {
    const d = departmentOf(r)
    const group = groups.get(d.code) ?? { name: d.name, rows: [] }
    group.rows.push(r)
    groups.set(d.code, group)
  }
  return html`${[...groups.values()].map(
    (g) => html`<section class="department"><h2>${g.name}</h2>${dataTable(`${g.name} · ${PORTAL_KINDS[kind][p.lang]}`, columns, g.rows, { captionHidden: true })}</section>`,
  )}`
}

function goalDetail(p: Place, r: PortalRecord<'goal'>): SafeHtml {
  const g = r.payload
  const t = (key: Parameters<typeof tr>[1]) => tr(p.lang, key)
  const period = g.periodStart ? (g.periodEnd && g.periodEnd !== g.periodStart ? `${g.periodStart}–${g.periodEnd}` : String(g.periodStart)) : null
  const columns: Column<PublicGoal['indicators'][number]>[] = [
    { label: t('indicator'), cell: (i) => i.name },
    { label: t('level1'), cell: (i) => i.level1 },
    { label: t('level2'), cell: (i) => i.level2 },
    { label: t('target'), cell: (i) => i.target },
    { label: t('measureUnit'), cell: (i) => i.unit ?? '—' },
  ]
  return html`${facts([
    [t('projectCode'), g.projectCode],
    [t('department'), g.departmentName],
    [t('unit'), g.unitName],
    [t('year'), g.fiscalYear],
    [t('budget'), amount(g.budget)],
    [t('period'), period],
    [t('publishedAt'), isoDate(r.publishedAt)],
  ])}
<h2>${t('overallTarget')}</h2><p class="prose">${g.overallTarget}</p>
<h2>${t('annualTarget')}</h2><p class="prose">${g.annualTarget}</p>
<h2>${t('indicators')}</h2>${dataTable(t('indicators'), columns, g.indicators, { captionHidden: true })}`
}

function selfEvaluationDetail(p: Place, r: PortalRecord<'self_evaluation'>): SafeHtml {
  const s = r.payload
  const t = (key: Parameters<typeof tr>[1]) => tr(p.lang, key)
  const columns: Column<PublicSelfEvaluation['indicators'][number]>[] = [
    { label: t('indicator'), cell: (i) => i.name },
    { label: t('level1'), cell: (i) => i.level1 },
    { label: t('level2'), cell: (i) => i.level2 },
    { label: t('target'), cell: (i) => i.target },
    { label: t('actual'), cell: (i) => i.actual },
    { label: t('points'), cell: (i) => i.points, numeric: true },
    { label: t('score'), cell: (i) => i.score, numeric: true },
  ]
  return html`${facts([
    [t('subjectCode'), s.subjectCode],
    [t('kind'), t(s.subjectKind === 'project' ? 'subjectProject' : 'subjectDepartment')],
    [t('department'), s.departmentName],
    [t('unit'), s.unitName],
    [t('year'), s.fiscalYear],
    [t('budget'), amount(s.budget)],
    [t('executed'), amount(s.executed)],
    [t('executionRate'), s.executionRate],
    [t('score'), s.score],
    [t('grade'), gradeText(s.grade, p.lang)],
    [t('publishedAt'), isoDate(r.publishedAt)],
  ])}
<h2>${t('indicators')}</h2>${dataTable(t('indicators'), columns, s.indicators, { captionHidden: true })}
${s.summary ? html`<h2>${t('summary')}</h2><p class="prose">${s.summary}</p>` : ''}`
}

function keyEvaluationDetail(p: Place, r: PortalRecord<'key_evaluation_report'>): SafeHtml {
  const k = r.payload
  const t = (key: Parameters<typeof tr>[1]) => tr(p.lang, key)
  return html`${facts([
    [t('projectCode'), k.projectCode],
    [t('department'), k.departmentName],
    [t('year'), k.fiscalYear],
    [t('score'), k.score],
    [t('grade'), gradeText(k.grade, p.lang)],
    [t('publishedAt'), isoDate(r.publishedAt)],
  ])}
<h2>${t('conclusion')}</h2><p class="prose">${k.conclusion}</p>
${r.fileId ? html`<p><a class="button" href="${href(p.lang, reportPath(p, r.recordKey))}">${t('downloadReport')}${k.reportFileName ? ` (${k.reportFileName})` : ''}</a></p>` : html`<p>${t('noReportFile')}</p>`}`
}

function assessmentDetail(p: Place, r: PortalRecord<'assessment'>): SafeHtml {
  const a = r.payload
  const t = (key: Parameters<typeof tr>[1]) => tr(p.lang, key)
  const columns: Column<PublicAssessment['items'][number]>[] = [
    { label: t('itemName'), cell: (i) => i.name },
    { label: t('points'), cell: (i) => i.points, numeric: true },
    { label: t('score'), cell: (i) => i.score, numeric: true },
  ]
  return html`${facts([
    [t('orgKind'), t(a.orgKind === 'district' ? 'orgDistrict' : 'orgDepartment')],
    [t('year'), a.fiscalYear],
    [t('total'), a.total],
    [t('rank'), a.rank],
    [t('grade'), gradeText(a.grade, p.lang)],
    [t('publishedAt'), isoDate(r.publishedAt)],
  ])}
<h2>${t('items')}</h2>${dataTable(t('items'), columns, a.items, { captionHidden: true })}`
}

/** One record's page body (below its h1, which is the record's title). */
export function recordDetail(p: Place, r: PortalRecord): SafeHtml {
  switch (r.kind) {
    case 'goal':
      return goalDetail(p, r as PortalRecord<'goal'>)
    case 'self_evaluation':
      return selfEvaluationDetail(p, r as PortalRecord<'self_evaluation'>)
    case 'key_evaluation_report':
      return keyEvaluationDetail(p, r as PortalRecord<'key_evaluation_report'>)
    case 'assessment':
      return assessmentDetail(p, r as PortalRecord<'assessment'>)
  }
}

/** The name a record is shown under (its page's h1). */
export function recordName(r: PortalRecord): string {
  const payload = r.payload as { projectName?: string; subjectName?: string; orgName?: string }
  return payload.projectName ?? payload.subjectName ?? payload.orgName ?? r.title
}
