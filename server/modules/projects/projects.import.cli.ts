import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { loadConfig } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { activeActor } from '../../platform/actors.ts'
import type { Clock } from '../../platform/clock.ts'
import { type ImportProgress, importProjects, type RowError } from './projects.import.ts'

/**
 * `jixiao import projects FILE [--as USERNAME] [--dry-run]`: the same import as the web's, acting as a real
 * user (default: the first finance_admin) so the same permission and data scope apply; progress on stderr.
 */
export async function importProjectsFromCli(db: Db, clock: Clock, options: { file: string; as?: string; dryRun: boolean }): Promise<number> {
  let content: Buffer
  try {
    content = readFileSync(options.file)
  } catch {
    console.error(`无法读取文件 cannot read: ${options.file}`)
    return 2
  }
  const actor = await cliActor(db, options.as)
  if (!actor) {
    console.error(options.as ? `用户不存在或已停用 no such active user: ${options.as}` : '没有可用的 finance_admin 用户，请用 --as 指定 no finance_admin: use --as')
    return 2
  }
  if (!actor.permissions.has('project.edit')) {
    console.error(`用户 ${actor.username} 没有导入项目的权限 (project.edit)`)
    return 2
  }
  const ctx: ActorCtx = { actor, requestId: `cli-${randomUUID()}`, clientIp: 'local', now: clock.now(), lang: 'zh' }
  const bar = progressBar()
  const started = Date.now()
  try {
    const result = await importProjects(db, ctx, { fileName: basename(options.file), content }, { dryRun: options.dryRun, onProgress: bar.update, limits: loadConfig().readLimits })
    bar.done()
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if (result.dryRun) {
      console.log(`预览 preview（${actor.username}，${seconds} s）：共 ${result.total} 行，新增 ${result.toCreate}，更新 ${result.toUpdate}，未变 ${result.unchanged}，错误 ${result.errorCount}`)
      printErrors(result.errors, result.errorCount)
      return result.errorCount ? 1 : 0
    }
    console.log(`已导入 imported（${actor.username}，${seconds} s）：新增 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}`)
    return 0
  } catch (error) {
    bar.done()
    if (error instanceof AppError && error.code === 'IMPORT_INVALID') {
      console.error(error.messageOverride?.zh ?? error.code)
      printErrors(error.details as RowError[], (error.details as RowError[]).length)
      return 1
    }
    if (error instanceof AppError) {
      console.error(error.messageOverride?.zh ?? error.code)
      return 1
    }
    throw error
  }
}

function printErrors(errors: RowError[], total: number) {
  const shown = errors.slice(0, 50)
  for (const e of shown) console.error(`  第 ${e.row} 行${e.column ? ` [${e.column}]` : ''}：${e.message}`)
  if (total > shown.length) console.error(`  …… 另有 ${total - shown.length} 处错误`)
}

/** The user a CLI command acts as: the one named, else the first finance_admin. */
export const cliActor = (db: Db, username: string | undefined) => activeActor(db, username ? { username } : 'first_finance_admin')

/** `\r读取 [#####-----] 45% 45000 行` while reading, `\r写入 [#####-----] 45% 45000/100000` while writing. */
function progressBar() {
  let last = ''
  let lastLabel = ''
  const render = (label: string, fraction: number, tail: string) => {
    if (lastLabel && label !== lastLabel) process.stderr.write('\n')
    lastLabel = label
    const width = 30
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width)
    const line = `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${tail}`
    if (line !== last) process.stderr.write(line)
    last = line
  }
  let shown = false
  return {
    update(p: ImportProgress) {
      shown = true
      if (p.phase === 'read') render('读取', p.fraction, `${p.rows} 行`)
      else render('写入', p.total ? p.done / p.total : 1, `${p.done}/${p.total}`)
    },
    done() {
      if (shown) process.stderr.write('\n')
      shown = false
      lastLabel = ''
    },
  }
}
