/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { precompress } from './scripts/vite-precompress.ts'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))
const webRoot = fileURLToPath(new URL('./web', import.meta.url))

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./web/dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      // The source folder web/api/ is served by Vite under the same /api/ prefix (e.g. /api/client.ts),
      // so only requests that are not .ts/.tsx modules go to the server.
      // JIXIAO_API_URL lets a second checkout point its dev server at another API port.
      '^/api/(?!.*\\.tsx?(\\?.*)?$)': process.env.JIXIAO_API_URL ?? 'http://localhost:3000',
      // The public portal (信息公开) is rendered by the server.
      '^/public(/|\\?|$)': process.env.JIXIAO_API_URL ?? 'http://localhost:3000',
    },
  },
  // Vitest reads this file too: tests live across the whole repo, not only under web/.
  test: { root: repoRoot },
})
