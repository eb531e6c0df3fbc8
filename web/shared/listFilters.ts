import dayjs from 'dayjs'

/** Budget years offered in a filter: a few back for history, two ahead for planning. */
export function fiscalYearOptions(now = dayjs().year()) {
  return Array.from({ length: 7 }, (_, i) => now + 2 - i).map((year) => ({ value: year, label: String(year) }))
}

/** A list filter's Select: named and labelled by its placeholder, clearable, its popup as wide as its options. */
export function filterSelectProps(label: string, width: number) {
  return { 'aria-label': label, placeholder: label, allowClear: true, style: { width }, popupMatchSelectWidth: false }
}
