#!/usr/bin/env node
// `npm run db:new -- name`: a timestamped, forward-only migration file, registered in the index.
import { readFileSync, writeFileSync } from 'node:fs'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('用法: npm run db:new -- some_name   (lower case, digits, _)')
  process.exit(2)
}
const now = new Date()
const stamp = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate(), now.getUTCHours() * 100 + now.getUTCMinutes()]
  .map((n, i) => String(n).padStart(i === 3 ? 4 : 2, '0'))
  .join('_')
const id = `${stamp}_${name}`
const dir = 'server/db/migrations'
writeFileSync(
  `${dir}/${id}.ts`,
  `import { type Kysely, sql } from 'kysely'\n\n// Forward-only. Never import app code here.\nexport async function up(db: Kysely<any>): Promise<void> {\n  await sql\`\`.execute(db)\n}\n`,
)
const index = readFileSync(`${dir}/index.ts`, 'utf8')
const ident = name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())
writeFileSync(
  `${dir}/index.ts`,
  index
    .replace(/(import \* as [^\n]+\n)(?![\s\S]*import \* as)/, `$1import * as ${ident} from './${id}.ts'\n`)
    .replace(/\n}\n$/, `\n  '${id}': ${ident},\n}\n`),
)
console.log(`created ${dir}/${id}.ts`)
