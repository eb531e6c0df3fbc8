#!/usr/bin/env node
// Before `npm start`: build the web app when web/dist is missing or older than its sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

const built = 'web/dist/index.html'
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(newest('web'), statSync('vite.config.ts').mtimeMs, statSync('scripts/vite-precompress.ts').mtimeMs)) {
  console.log('构建前端 building the web app…')
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
