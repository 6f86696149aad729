/// <reference types="vitest/config" />
process.env.TZ ??= 'Europe/Paris' // opening hours are read in local time; tests expect French time
import { defineConfig, loadEnv } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { fileURLToPath, URL } from 'node:url'
import { embeddedDatabaseAssets } from './supabase/tooling/vite-plugin-embedded-assets.ts'
import { installableApp } from './src/app/pwa-config.ts'
import { customMediaFromBreakpoints } from './src/styles/breakpoints.ts'

const srcDir = fileURLToPath(new URL('./src', import.meta.url))

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_')
  const embedded = !env.VITE_SUPABASE_URL || !env.VITE_SUPABASE_ANON_KEY
  return {
    plugins: [
      customMediaFromBreakpoints(),
      react(),
      ...(embedded && mode !== 'test' ? [embeddedDatabaseAssets()] : []),
      VitePWA(installableApp),
    ],
    resolve: { alias: { '@': srcDir } },
    worker: { format: 'es' },
    // Both ship ready ESM and locate their workers and WebAssembly next to their own modules,
    // which pre-bundling would move.
    optimizeDeps: { exclude: ['@electric-sql/pglite', 'maplibre-gl'] },
    build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1200 },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            include: ['tests/**/*.test.{ts,tsx}'],
            exclude: ['tests/supabase/**', 'tests/e2e/**'],
            setupFiles: ['tests/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'db',
            environment: 'node',
            include: ['tests/supabase/**/*.test.ts'],
            globalSetup: ['tests/supabase/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/e2e/global-setup.ts'],
            testTimeout: 90_000,
            hookTimeout: 240_000,
            fileParallelism: false,
          },
        },
      ],
    },
  }
})
