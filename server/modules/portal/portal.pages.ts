import type { PublicRecordKind } from '../../../domain/disclosure.ts'
import { type Column, type Crumb, dataTable, href, html, layout, pagination, type SafeHtml } from './portal.html.ts'
import { listPath, type Place, recordDetail, recordName, recordPath, recordTables, yearPath } from './portal.records.ts'
import type { PortalRecord, PublishedYear } from './portal.repository.ts'
import { KIND_ORDER, MAX_Q, PORTAL_KINDS, type PortalLang, tr } from './portal.text.ts'

/** The portal's pages as whole HTML documents. */

export interface PageEnv {
  lang: PortalLang
  stylesheet: string
}

const homeCrumb = (lang: PortalLang): Crumb => ({ label: tr(lang, 'home'), href: href(lang, '/public') })
const yearTitle = (lang: PortalLang, y: { jurisdictionName: string; fiscalYear: number }) => tr(lang, 'yearHeading', { name: y.jurisdictionName, year: y.fiscalYear })
const jurisdictionCrumb = (lang: PortalLang, code: string, name: string): Crumb => ({ label: name, href: href(lang, `/public/${code}`) })
const yearCrumb = (p: Place, jurisdictionName: string): Crumb => ({ label: `${jurisdictionName} ${p.fiscalYear}`, href: href(p.lang, yearPath(p)) })

function searchForm(lang: PortalLang, action: string, q: string | undefined, extra?: SafeHtml): SafeHtml {
  return html`<form class="search" role="search" method="get" action="${action}">
<div class="field"><label for="q">${tr(lang, 'searchLabel')}</label><input id="q" name="q" type="search" maxlength="${MAX_Q}" value="${q ?? ''}"></div>
${extra ?? ''}${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<button type="submit">${tr(lang, 'search')}</button>
</form>`
}

function yearCards(lang: PortalLang, years: PublishedYear[]): SafeHtml {
  const byJurisdiction = new Map<string, PublishedYear[]>()
  for (const y of years) byJurisdiction.set(y.jurisdictionCode, [...(byJurisdiction.get(y.jurisdictionCode) ?? []), y])
  return html`<ul class="cards">${[...byJurisdiction.values()].map(
    (list) => html`<li class="card"><h3><a href="${href(lang, `/public/${list[0]!.jurisdictionCode}`)}">${list[0]!.jurisdictionName}</a> <span class="code">${list[0]!.jurisdictionCode}</span></h3>
<ul class="years">${list.map((y) => html`<li><a href="${href(lang, `/public/${y.jurisdictionCode}/${y.fiscalYear}`)}">${tr(lang, 'year')} ${y.fiscalYear}</a> <span class="muted">${countsText(lang, y)}</span></li>`)}</ul></li>`,
  )}</ul>`
}

export function homePage(env: PageEnv, years: PublishedYear[]): string {
  const { lang } = env
  const main = html`<h1>${tr(lang, 'portalName')}</h1>
<p class="lead">${tr(lang, 'intro')}</p>
<section aria-labelledby="search-heading"><h2 id="search-heading">${tr(lang, 'searchAll')}</h2>${searchForm(lang, '/public/search', undefined)}</section>
<section aria-labelledby="years-heading"><h2 id="years-heading">${tr(lang, 'jurisdictions')}</h2>
${years.length === 0 ? html`<p>${tr(lang, 'noRecords')}</p>` : yearCards(lang, years)}</section>`
  return layout({ ...env, title: tr(lang, 'home'), path: '/public', main })
}

/** One jurisdiction's years (the page a trimmed URL lands on). */
export function jurisdictionPage(env: PageEnv, years: PublishedYear[]): string {
  const { lang } = env
  const { jurisdictionCode, jurisdictionName } = years[0]!
  const main = html`<h1>${jurisdictionName}</h1>
<section aria-labelledby="years-heading"><h2 id="years-heading">${tr(lang, 'years')}</h2>${yearCards(lang, years)}</section>`
  return layout({ ...env, title: jurisdictionName, path: `/public/${jurisdictionCode}`, crumbs: [homeCrumb(lang), { label: jurisdictionName }], main })
}

function countsText(lang: PortalLang, y: PublishedYear): string {
  return KIND_ORDER.filter((k) => y.counts[k])
    .map((k) => `${PORTAL_KINDS[k][lang]} ${y.counts[k]}`)
    .join(lang === 'zh' ? '，' : ', ')
}

function openDataLinks(lang: PortalLang, path: string, query: Record<string, string | number | undefined>): SafeHtml {
  return html`<p class="open-data"><span>${tr(lang, 'thisPageAs')}:</span> <a href="${href(lang, `${path}.csv`, query)}">CSV</a> <a href="${href(lang, `${path}.json`, query)}">JSON</a></p>`
}

export function yearPage(env: PageEnv, p: Place, y: PublishedYear): string {
  const { lang } = env
  const title = yearTitle(lang, y)
  const main = html`<h1>${title}</h1>
<ul class="cards">${KIND_ORDER.filter((k) => y.counts[k]).map(
    (k) => html`<li class="card"><h2><a href="${href(lang, listPath(p, k))}">${PORTAL_KINDS[k][lang]}</a></h2><p class="muted">${tr(lang, 'resultsCount', { n: y.counts[k] ?? 0 })}</p>
<p class="open-data"><a href="${href(lang, `${listPath(p, k)}.csv`)}">CSV<span class="visually-hidden"> ${PORTAL_KINDS[k][lang]}</span></a> <a href="${href(lang, `${listPath(p, k)}.json`)}">JSON<span class="visually-hidden"> ${PORTAL_KINDS[k][lang]}</span></a></p></li>`,
  )}</ul>
<section aria-labelledby="bulk-heading"><h2 id="bulk-heading">${tr(lang, 'openData')}</h2><p><a class="button" href="${href(lang, `${yearPath(p)}/download.zip`)}">${tr(lang, 'bulk')}</a></p></section>`
  return layout({ ...env, title, path: yearPath(p), crumbs: [homeCrumb(lang), jurisdictionCrumb(lang, y.jurisdictionCode, y.jurisdictionName), { label: String(p.fiscalYear) }], main })
}

export interface ListView {
  place: Place
  jurisdictionName: string
  kind: PublicRecordKind
  q?: string
  department?: string
  departments: { code: string; name: string }[]
  page: { items: PortalRecord[]; total: number; page: number; pageSize: number }
}

export function listPage(env: PageEnv, v: ListView): string {
  const { lang } = env
  const p = v.place
  const path = listPath(p, v.kind)
  const query = { q: v.q, department: v.department }
  const kindName = PORTAL_KINDS[v.kind][lang]
  const departmentSelect =
    v.departments.length > 0
      ? html`<div class="field"><label for="department">${tr(lang, 'department')}</label><select id="department" name="department"><option value="">${tr(lang, 'allDepartments')}</option>${v.departments.map(
          (d) => html`<option value="${d.code}"${d.code === v.department ? html` selected` : ''}>${d.name}</option>`,
        )}</select></div>`
      : undefined
  const main = html`<h1>${v.jurisdictionName} ${p.fiscalYear} · ${kindName}</h1>
${searchForm(lang, path, v.q, departmentSelect)}
<p class="muted" role="status">${tr(lang, 'resultsCount', { n: v.page.total })}</p>
${openDataLinks(lang, path, query)}
${v.page.items.length ? recordTables(p, v.kind, v.page.items) : html`<p>${tr(lang, 'noResults')}</p>`}
${pagination(lang, path, query, v.page)}`
  const pageQuery = { ...query, page: v.page.page > 1 ? v.page.page : undefined }
  return layout({ ...env, title: `${kindName} · ${v.jurisdictionName} ${p.fiscalYear}`, path, query: pageQuery, crumbs: [homeCrumb(lang), yearCrumb(p, v.jurisdictionName), { label: kindName }], main })
}

export function recordPage(env: PageEnv, p: Place, jurisdictionName: string, record: PortalRecord): string {
  const { lang } = env
  const kind = record.kind
  const name = recordName(record)
  const path = recordPath(p, kind, record.recordKey)
  const main = html`<h1>${name}</h1>
${openDataLinks(lang, path, {})}
${recordDetail(p, record)}`
  return layout({
    ...env,
    title: `${name} · ${PORTAL_KINDS[kind][lang]}`,
    path,
    crumbs: [homeCrumb(lang), yearCrumb(p, jurisdictionName), { label: PORTAL_KINDS[kind][lang], href: href(lang, listPath(p, kind)) }, { label: name }],
    main,
  })
}

export function searchPage(env: PageEnv, q: string | undefined, page: { items: (PortalRecord & { jurisdictionName: string })[]; total: number; page: number; pageSize: number }): string {
  const { lang } = env
  type Hit = (typeof page.items)[number]
  const columns: Column<Hit>[] = [
    { label: tr(lang, 'details'), cell: (r) => html`<a href="${href(lang, recordPath({ lang, jurisdictionCode: r.jurisdictionCode, fiscalYear: r.fiscalYear }, r.kind, r.recordKey))}">${recordName(r)}</a>` },
    { label: tr(lang, 'kind'), cell: (r) => PORTAL_KINDS[r.kind][lang] },
    { label: tr(lang, 'jurisdiction'), cell: (r) => r.jurisdictionName },
    { label: tr(lang, 'year'), cell: (r) => r.fiscalYear },
    { label: tr(lang, 'subjectCode'), cell: (r) => r.recordKey },
  ]
  const main = html`<h1>${tr(lang, 'searchHeading')}</h1>
${searchForm(lang, '/public/search', q)}
${q ? html`<p class="muted" role="status">${tr(lang, 'resultsCount', { n: page.total })}</p>${page.items.length ? dataTable(tr(lang, 'searchHeading'), columns, page.items, { captionHidden: true }) : html`<p>${tr(lang, 'noResults')}</p>`}${pagination(lang, '/public/search', { q }, page)}` : ''}`
  return layout({ ...env, title: tr(lang, 'searchHeading'), path: '/public/search', query: { q }, crumbs: [homeCrumb(lang), { label: tr(lang, 'searchHeading') }], main })
}

const ERRORS = {
  404: { title: 'notFoundTitle', body: 'notFoundBody' },
  400: { title: 'badRequestTitle', body: 'badRequestBody' },
  429: { title: 'tooManyTitle', body: 'tooManyBody' },
  500: { title: 'errorTitle', body: 'errorBody' },
} as const

export function errorPage(env: PageEnv, status: keyof typeof ERRORS, path: string): string {
  const { lang } = env
  const { title, body } = ERRORS[status]
  const main = html`<h1>${tr(lang, title)}</h1><p>${tr(lang, body)}</p><p><a href="${href(lang, '/public')}">${tr(lang, 'backHome')}</a></p>`
  return layout({ ...env, title: tr(lang, title), path: status === 404 ? '/public' : path, crumbs: [homeCrumb(lang), { label: tr(lang, title) }], main })
}
