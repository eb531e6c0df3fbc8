import dayjs from 'dayjs'

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—'
}

export function isInFuture(iso: string | null | undefined): boolean {
  return !!iso && dayjs(iso).isAfter(dayjs())
}
