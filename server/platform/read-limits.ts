import { AppError } from '../http/errors.ts'

/**
 * What reading one uploaded file may cost (ADR 0006). A file is small on the wire but may unpack to gigabytes or
 * hold a million blank rows; each limit here is checked before parsing from what the file declares and again while
 * it streams from what it really holds, so a crafted file is refused within seconds and the process stays up.
 */
export interface ReadLimits {
  /** Bytes all parts of an .xlsx may really inflate to, together. */
  maxUnpackedBytes: number
  /** A part bigger than 1 MB may not unpack to more than this many times its packed size (Apache POI's guard). */
  maxCompressionRatio: number
  /** Parts (sheets, styles, relations…) in one .xlsx. */
  maxEntries: number
  /** Entries of the shared-strings table, which is held in memory while the sheets are read. */
  maxSharedStrings: number
  /** Bytes of the shared-strings part, really inflated. */
  maxSharedStringBytes: number
  /** Rows read, blank ones included, over all sheets (a CSV line is a row). */
  maxRows: number
  /** Cells read, counting every column up to a row's last one (a cell at XFD1 alone costs 16,384). */
  maxCells: number
  /** Wall-clock seconds reading one file may take. */
  maxSeconds: number
}

const MB = 1024 * 1024

export const defaultReadLimits: ReadLimits = {
  maxUnpackedBytes: 512 * MB,
  maxCompressionRatio: 100,
  maxEntries: 10_000,
  maxSharedStrings: 2_000_000,
  maxSharedStringBytes: 128 * MB,
  maxRows: 300_000,
  maxCells: 6_000_000,
  maxSeconds: 60,
}

/** Excel holds at most 32,767 characters in a cell; XML escaping can make that ≈ 6 times longer in the file. */
export const MAX_TEXT_RUN = 256 * 1024

/** Parts smaller than this are not held to the compression ratio: small XML compresses well. */
export const RATIO_GRACE_BYTES = MB

const megabytes = (bytes: number) => Math.round(bytes / MB)

/** 413: the file, or what it unpacks to, is too large. */
export function tooLarge(limit: string, max: number, zh: string, en: string) {
  return new AppError('FILE_TOO_LARGE', { limit, max }, { zh, en })
}

/** 422: the file is within its size, but holds more than an import may read. */
export function overLimit(limit: string, max: number, zh: string, en: string) {
  return new AppError('IMPORT_LIMIT_EXCEEDED', { limit, max }, { zh, en })
}

/** The running count of one file's reading against its limits; every reader of uploaded files charges it. */
export class ReadBudget {
  private readonly startedAt = performance.now()
  private unpacked = 0
  private rows = 0
  private cells = 0

  constructor(readonly limits: ReadLimits = defaultReadLimits) {}

  /** Bytes as they come out of the inflater (real, not as declared). */
  chargeUnpacked(bytes: number) {
    this.unpacked += bytes
    if (this.unpacked > this.limits.maxUnpackedBytes) throw this.unpackedTooLarge()
    this.checkTime()
  }

  unpackedTooLarge() {
    const mb = megabytes(this.limits.maxUnpackedBytes)
    return tooLarge('maxUnpackedBytes', this.limits.maxUnpackedBytes, `文件解压后超过 ${mb} MB，请分批导入`, `The file unpacks to more than ${mb} MB; import it in parts`)
  }

  /** One row read, blank or not, spanning `columns` columns. */
  chargeRow(columns: number) {
    this.rows += 1
    this.cells += columns
    const { maxRows, maxCells } = this.limits
    if (this.rows > maxRows) throw overLimit('maxRows', maxRows, `文件超过 ${maxRows} 行（含空行），请分批导入`, `The file has more than ${maxRows} rows (blank rows included); import it in parts`)
    if (this.cells > maxCells) throw overLimit('maxCells', maxCells, `文件超过 ${maxCells} 个单元格（含空单元格），请分批导入`, `The file has more than ${maxCells} cells (blank cells included); import it in parts`)
    if (this.rows % 256 === 0) this.checkTime()
  }

  checkTime() {
    const { maxSeconds } = this.limits
    if (performance.now() - this.startedAt > maxSeconds * 1000) {
      throw overLimit('maxSeconds', maxSeconds, `读取文件超过 ${maxSeconds} 秒，已停止，请分批导入`, `Reading the file took more than ${maxSeconds} s and was stopped; import it in parts`)
    }
  }

  sharedStringsTooMany() {
    const { maxSharedStrings } = this.limits
    return overLimit('maxSharedStrings', maxSharedStrings, `文件的共享字符串超过 ${maxSharedStrings} 个，请分批导入`, `The file has more than ${maxSharedStrings} shared strings; import it in parts`)
  }

  sharedStringsTooLarge() {
    const mb = megabytes(this.limits.maxSharedStringBytes)
    return tooLarge('maxSharedStringBytes', this.limits.maxSharedStringBytes, `文件的共享字符串解压后超过 ${mb} MB，请分批导入`, `The file's shared strings unpack to more than ${mb} MB; import it in parts`)
  }
}
