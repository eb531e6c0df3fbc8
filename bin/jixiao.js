#!/usr/bin/env node
// The jixiao command. Runs the TypeScript sources through tsx, so the checkout needs no build step.
import { register } from 'tsx/esm/api'

register()
await import('../server/cli.ts')
