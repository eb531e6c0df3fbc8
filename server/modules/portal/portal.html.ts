import { type PortalLang, type TextKey, tr } from './portal.text.ts'

/**
 * The portal's HTML: server-rendered strings, every interpolated value escaped unless it is markup made here. No
 * script at all, so the pages work without JavaScript and the portal's CSP forbids scripts outright.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

type Part = SafeHtml | string | number | null | undefined | false | Part[]

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return ''
  if (part instanceof SafeHtml) return part.value
  if (Array.isArray(part)) return part.map(render).join('')
  return escapeHtml(String(part))
}

/** A tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested html`` and arrays of it pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!
  })
  return new SafeHtml(out)
}

/** A portal URL in the page's language: `?lang=en` is carried on every link of an English page. */
export function href(lang: PortalLang, path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value))
  if (lang === 'en') params.set('lang', 'en')
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

export interface Crumb {
  label: string
  href?: string
}

export interface PageShell {
  lang: PortalLang
  title: string
  /** The current path and query without `lang`, for the language switch. */
  path: string
  query?: Record<string, string | number | undefined>
  crumbs?: Crumb[]
  main: SafeHtml
  stylesheet: string
}

/** The page frame: skip link, banner with the language switch, breadcrumb, main, footer. */
export function layout(page: PageShell): string {
  const { lang } = page
  const other: PortalLang = lang === 'zh' ? 'en' : 'zh'
  const crumbs = page.crumbs ?? []
  const doc = html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${tr(lang, 'portalName')}</title>
<link rel="stylesheet" href="${page.stylesheet}">
</head>
<body>
<a class="skip-link" href="#main">${tr(lang, 'skip')}</a>
<header class="site-header">
<div class="wrap header-row">
<a class="site-name" href="${href(lang, '/public')}">${tr(lang, 'portalName')}</a>
<a class="lang-switch" href="${href(other, page.path, page.query)}" lang="${other === 'zh' ? 'zh-CN' : 'en'}">${tr(lang, 'language')}</a>
</div>
</header>
${
  crumbs.length
    ? html`<nav class="wrap breadcrumb" aria-label="${tr(lang, 'breadcrumb')}"><ol>${crumbs.map((c, i) =>
        c.href && i < crumbs.length - 1 ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li><span aria-current="page">${c.label}</span></li>`,
      )}</ol></nav>`
    : ''
}
<main id="main" class="wrap" tabindex="-1">
${page.main}
</main>
<footer class="site-footer"><div class="wrap"><p>${tr(lang, 'footer')}</p></div></footer>
</body>
</html>
`
  return doc.value
}

export interface Column<T> {
  label: string
  cell: (row: T) => Part
  /** Right-aligned figures. */
  numeric?: boolean
}

/**
 * A data table with a caption, column headers (scope="col") and the first cell of each row as its row header
 * (scope="row"). Wrapped in a focusable region so a wide table scrolls sideways on a phone by keyboard too.
 */
export function dataTable<T>(caption: string, columns: Column<T>[], rows: T[], options: { captionHidden?: boolean } = {}): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0"><table>
<caption${options.captionHidden ? new SafeHtml(' class="visually-hidden"') : ''}>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${c.numeric ? new SafeHtml(' class="num"') : ''}>${c.label}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr>${columns.map((c, i) => {
        const cls = c.numeric ? new SafeHtml(' class="num"') : ''
        return i === 0 ? html`<th scope="row"${cls}>${c.cell(row)}</th>` : html`<td${cls}>${c.cell(row)}</td>`
      })}</tr>`,
  )}</tbody>
</table></div>`
}

/** Previous/next links and "page p of n" for a list. */
export function pagination(lang: PortalLang, path: string, query: Record<string, string | number | undefined>, page: { page: number; pageSize: number; total: number }): SafeHtml {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize))
  if (pages <= 1) return html``
  const link = (p: number, key: TextKey, rel: string) => html`<a rel="${rel}" href="${href(lang, path, { ...query, page: p === 1 ? undefined : p })}">${tr(lang, key)}</a>`
  return html`<nav class="pagination" aria-label="${tr(lang, 'pagination')}">
${page.page > 1 ? link(Math.min(page.page - 1, pages), 'previous', 'prev') : ''}
<span>${tr(lang, 'page', { p: page.page, n: pages })}</span>
${page.page < pages ? link(page.page + 1, 'next', 'next') : ''}
</nav>`
}

/** A definition list of a record's facts. */
export function facts(items: [string, Part][]): SafeHtml {
  return html`<dl class="facts">${items.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value ?? '—'}</dd></div>`)}</dl>`
}

/** Amounts as published (decimal strings), grouped by thousands for reading; the text itself is never parsed as a float. */
export function amount(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—'
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text)
  if (!match) return text
  return `${match[1]}${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`
}

export function isoDate(date: Date): string {
  // The published day in China Standard Time (UTC+8, no daylight saving).
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
