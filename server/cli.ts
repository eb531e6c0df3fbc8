import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isRole, roles } from '../domain/roles.ts'
import { loadConfig } from './config.ts'
import { migrateToLatest, openDatabase } from './db/database.ts'
import { serve } from './main.ts'
import { monitoringCliUsage, monitoringFromCli } from './modules/monitoring/rounds.cli.ts'
import { useAuditKey } from './platform/audit.ts'
import { AuditKeyError, openAuditKey } from './platform/audit-key.ts'
import { AuditCheckpoint, chainFaultText, verifyAuditChain } from './platform/audit-verify.ts'
import { systemClock } from './platform/clock.ts'
import { auditArchiveFromCli, auditVerifyArchiveFromCli, partitionsCliUsage, partitionsFromCli } from './platform/partitions.cli.ts'
import { systemContext } from './system-context.ts'

const usage = `用法 Usage: jixiao <command>

  serve [--demo]                 启动服务（--demo：首次启动写入演示数据）
  migrate                        执行数据库迁移
  seed --demo [--force]          写入演示数据（库中已有数据时需 --force，只补充缺少的）
  generate --scale city|province [--seed N] [--force]
                                 生成压测数据（示范省 99xxxx：city ≈ 2千单位 5万项目，province ≈ 4万单位 100万项目）
  org add --code C --name N --level city|district|province|functional [--parent CODE] [--bureau NAME]
                                 新增行政区划（首次部署时建立根节点）
  user add --username U --password P --role R --org CODE [--name 姓名]
                                 新增用户，首次登录须修改密码（角色 roles: ${roles.join(', ')}）
  user reset-password --username U --password P
                                 重置密码（下次登录须修改）
  user unlock|disable|enable --username U
                                 解锁 / 停用 / 启用账号
                                 （三员分立：sys_admin、sec_admin、audit_admin 的账号只能用这些命令管理）
  import projects FILE [--as USERNAME] [--dry-run]
                                 导入项目库（.xlsx/.csv；以该用户身份和权限范围，默认第一个 finance_admin）
${monitoringCliUsage}
  audit verify [--checkpoint FILE]
                                 校验审计日志哈希链（可对照审计管理员下载的检查点文件）
${partitionsCliUsage}
  backup FILE [--force]          备份数据库（PGlite：数据目录快照，须先停止服务；PostgreSQL：pg_dump 自定义格式）
  restore FILE [--force]         从备份恢复到空的数据目录或数据库（--force：替换已有数据）；审计密钥另行保管，不在备份中

环境变量: DATABASE_URL (PostgreSQL), JIXIAO_DATA_DIR (PGlite 数据目录, 默认 ./data), PORT (默认 3000),
  JIXIAO_AUDIT_KEY_FILE (审计密钥文件, 默认 <数据目录>-keys/audit.key) 或 JIXIAO_AUDIT_KEY,
  JIXIAO_PARTITION_YEARS_AHEAD (默认 2), JIXIAO_AUDIT_ONLINE_DAYS (审计日志在线保存天数, 默认 180)`

type Handler = (args: string[]) => Promise<number>

/** Opens the database and the audit key: commands that write may create the key on a first start, verify never. */
async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>, auditKey: 'create' | 'existing' = 'create'): Promise<T> {
  const config = loadConfig()
  const handle = await openDatabase(config)
  try {
    if (handle.engine === 'pglite') await migrateToLatest(handle.db)
    useAuditKey(await openAuditKey(handle.db, config.auditKey, { create: auditKey === 'create' }))
    return await work(handle)
  } finally {
    await handle.close()
  }
}

const commands: Record<string, Handler> = {
  async monitoring(args) {
    return withDatabase((handle) => monitoringFromCli(handle, loadConfig(), systemContext(systemClock, 'cli'), args))
  },

  async serve(args) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } })
    await serve({ demo: values.demo ?? false })
    return -1 // keep running
  },

  async migrate() {
    const handle = await openDatabase(loadConfig())
    try {
      const applied = await migrateToLatest(handle.db)
      console.log(applied.length ? `已执行迁移 applied: ${applied.join(', ')}` : '数据库已是最新 database is up to date')
    } finally {
      await handle.close()
    }
    return 0
  },

  async seed(args) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, force: { type: 'boolean' } } })
    if (!values.demo) return fail('请指定 --demo（目前只有演示数据集） only --demo is available')
    const { seedDemo } = await import('./modules/org/demo-seed.ts')
    return withDatabase(async ({ db }) => {
      const summary = await seedDemo(db, systemContext(systemClock, 'seed'), { force: values.force })
      console.log(`已写入演示数据 seeded: ${summary.orgNodes} org nodes, ${summary.users} users, ${summary.projects} projects, ${summary.goals} goals, ${summary.exAnteAssessments} ex-ante assessments`)
      return 0
    })
  },

  async generate(args) {
    const { values } = parseArgs({ args, options: { scale: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } } })
    if (values.scale !== 'city' && values.scale !== 'province') return fail('请指定 --scale city|province')
    const seed = Number(values.seed ?? 1)
    if (!Number.isInteger(seed)) return fail('--seed 须为整数')
    const { generateBenchData } = await import('./bench-data/generate.ts')
    return withDatabase(async ({ db, engine }) => {
      const ctx = systemContext(systemClock, 'generate')
      await generateBenchData({ db, engine, databaseUrl: loadConfig().databaseUrl }, ctx, { scale: values.scale as 'city' | 'province', seed, force: values.force, log: console.log })
      return 0
    })
  },

  async org(args) {
    const [sub, ...rest] = args
    if (sub !== 'add') return fail(usage)
    const { values } = parseArgs({
      args: rest,
      options: { code: { type: 'string' }, name: { type: 'string' }, level: { type: 'string' }, parent: { type: 'string' }, bureau: { type: 'string' } },
    })
    if (!values.code || !values.name || !values.level) return fail('需要 --code、--name、--level')
    const { addJurisdictionFromCli } = await import('./cli-admin.ts')
    return withDatabase(async ({ db }) => addJurisdictionFromCli(db, systemContext(systemClock, 'cli'), values as never))
  },

  async user(args) {
    const [sub, ...rest] = args
    if (sub === 'reset-password' || sub === 'unlock' || sub === 'disable' || sub === 'enable') return manageUser(sub, rest)
    if (sub !== 'add') return fail(usage)
    const { values } = parseArgs({
      args: rest,
      options: { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', multiple: true }, org: { type: 'string' }, name: { type: 'string' } },
    })
    if (!values.username || !values.password || !values.role?.length || !values.org) return fail('需要 --username、--password、--role、--org')
    const bad = values.role.find((r) => !isRole(r))
    if (bad) return fail(`未知角色 unknown role: ${bad}（可选 ${roles.join(', ')}）`)
    const { addUserFromCli } = await import('./cli-admin.ts')
    return withDatabase(async ({ db }) => addUserFromCli(db, systemContext(systemClock, 'cli'), values as never))
  },

  async import(args) {
    const [what, ...rest] = args
    if (what !== 'projects') return fail(usage)
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { as: { type: 'string' }, 'dry-run': { type: 'boolean' } } })
    if (positionals.length !== 1) return fail('用法: jixiao import projects FILE [--as USERNAME] [--dry-run]')
    const { importProjectsFromCli } = await import('./modules/projects/projects.import.cli.ts')
    return withDatabase(({ db }) => importProjectsFromCli(db, systemClock, { file: positionals[0]!, as: values.as, dryRun: values['dry-run'] ?? false }))
  },

  backup: (args) => backupOrRestore('backup', args),
  restore: (args) => backupOrRestore('restore', args),

  async partitions(args) {
    return withDatabase(({ db }) => partitionsFromCli(db, loadConfig(), systemClock.now(), args))
  },

  async audit(args) {
    const [sub, ...rest] = args
    if (sub === 'archive') return withDatabase(({ db }) => auditArchiveFromCli(db, loadConfig(), systemContext(systemClock, 'cli'), rest), 'existing')
    if (sub !== 'verify') return fail(usage)
    const { values } = parseArgs({ args: rest, options: { checkpoint: { type: 'string' }, archive: { type: 'string' } } })
    const archive = values.archive
    if (archive) return withDatabase(({ db }) => auditVerifyArchiveFromCli(db, archive), 'existing')
    let checkpoint: AuditCheckpoint | undefined
    if (values.checkpoint) {
      const parsed = AuditCheckpoint.safeParse(JSON.parse(readFileSync(values.checkpoint, 'utf8')))
      if (!parsed.success) return fail(`检查点文件格式不对 not a checkpoint file: ${values.checkpoint}`)
      checkpoint = parsed.data
    }
    return withDatabase(async ({ db }) => {
      const verdict = await verifyAuditChain(db, { checkpoint })
      const against = checkpoint ? `, checkpoint at seq ${checkpoint.seq} (${checkpoint.at}) holds` : ''
      const archived = verdict.archivedThroughSeq ? ` (seq ≤ ${verdict.archivedThroughSeq} archived)` : ''
      if (verdict.ok) {
        console.log(`审计日志完整 audit chain intact: ${verdict.rows} rows${archived}, keyed from seq ${verdict.keyedFromSeq}${against}`)
        return 0
      }
      console.error(`审计日志被篡改 audit chain BROKEN at seq ${verdict.brokenAtSeq}: ${chainFaultText(verdict.reason!)} (${verdict.rows} rows verified before it)`)
      return 1
    }, 'existing')
  },
}

/** backup FILE / restore FILE on the engine configured (DATABASE_URL or the PGlite data folder). */
async function backupOrRestore(what: 'backup' | 'restore', args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } })
  if (positionals.length !== 1) return fail(`用法 usage: jixiao ${what} FILE [--force]`)
  const config = loadConfig()
  const file = resolve(positionals[0]!)
  const force = values.force ?? false
  const { BackupError } = await import('./platform/backup.ts')
  try {
    const run = config.databaseUrl
      ? await import('./platform/backup-postgres.ts').then((m) => ({ backup: m.backupPostgres, restore: m.restorePostgres }))
      : await import('./platform/backup-pglite.ts').then((m) => ({ backup: m.backupPGlite, restore: m.restorePGlite }))
    for (const line of await run[what](config, file, force)) console.log(line)
    return 0
  } catch (error) {
    if (!(error instanceof BackupError)) throw error
    console.error(error.message)
    return error.exitCode
  }
}

async function manageUser(action: 'reset-password' | 'unlock' | 'disable' | 'enable', args: string[]) {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, password: { type: 'string' } } })
  if (!values.username) return fail('需要 --username')
  if (action === 'reset-password' && !values.password) return fail('需要 --password')
  const command = action === 'reset-password' ? { action, password: values.password! } : { action }
  const { manageUserFromCli } = await import('./cli-admin.ts')
  return withDatabase(async ({ db }) => manageUserFromCli(db, systemContext(systemClock, 'cli'), values.username!, command))
}

function fail(message: string) {
  console.error(message)
  return 2
}

export async function runCli(argv: string[]) {
  const [name, ...args] = argv
  const command = name ? commands[name] : undefined
  if (!command) {
    console.log(usage)
    return name && name !== 'help' && name !== '--help' ? 2 : 0
  }
  return command(args)
}

const code = await runCli(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message)
  return error instanceof AuditKeyError ? 2 : 1
})
if (code >= 0) process.exit(code)
