import i18n from '../i18n'
import type { ErrorBody, FieldError } from './types'

/** A non-2xx answer from the API, carrying the server's stable code and user-facing message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Field errors of a VALIDATION_FAILED answer, or an empty list. */
  get fieldErrors(): FieldError[] {
    if (this.code !== 'VALIDATION_FAILED' || !Array.isArray(this.details)) return []
    return this.details.filter(
      (d): d is FieldError => typeof d?.path === 'string' && typeof d?.message === 'string',
    )
  }
}

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

const LOGIN_PATH = '/api/auth/login'

let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login')
}

/** Lets the app replace the full-page redirect with a router navigation. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler
}

/** Builds a same-origin URL with empty filters left out (also used for export links). */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

export function acceptLanguage(): string {
  return i18n.language?.startsWith('en') ? 'en' : 'zh-CN'
}

interface RequestOptions {
  query?: Query
  body?: unknown
  /** A multipart body (file uploads); the browser sets its Content-Type with the boundary. */
  form?: FormData
  signal?: AbortSignal
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage(),
  }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'

  let res: Response
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: opts.signal,
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'))
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T
    const text = await res.text()
    return (text ? JSON.parse(text) : undefined) as T
  }

  const error = await readError(res)
  // AUTH_FAILED means wrong credentials (login, current password), not an expired session.
  if (res.status === 401 && path !== LOGIN_PATH && error.code !== 'AUTH_FAILED') onUnauthorized()
  throw error
}

async function readError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ErrorBody>
    if (body.error?.code) {
      return new ApiError(res.status, body.error.code, body.error.message, body.error.details)
    }
  } catch {
    // Not our JSON error body (proxy page, crash): fall through to a generic message.
  }
  return new ApiError(res.status, `HTTP_${res.status}`, i18n.t('errors.http', { status: res.status }))
}

/** The file name an attachment answer carries (RFC 5987 filename* first), or null. */
function attachmentName(disposition: string | null): string | null {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1]
  if (encoded) return decodeURIComponent(encoded)
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? null
}

/**
 * Downloads an export or file: the answer is saved under the server's file name, and a refusal (too many rows, no
 * permission, an expired session) is thrown as an ApiError for the page to show — never opened as a page of JSON.
 */
export async function downloadFile(url: string): Promise<void> {
  let res: Response
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': acceptLanguage() } })
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'))
  }
  if (!res.ok) {
    const error = await readError(res)
    if (res.status === 401) onUnauthorized()
    throw error
  }
  const href = URL.createObjectURL(await res.blob())
  const link = document.createElement('a')
  link.href = href
  link.download = attachmentName(res.headers.get('content-disposition')) ?? ''
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
  /** POSTs one file as multipart field `file`. */
  upload: <T>(path: string, file: Blob & { name?: string }, query?: Query) => {
    const form = new FormData()
    form.append('file', file, file.name)
    return request<T>('POST', path, { form, query })
  },
}
