import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { signalGroup, startPreview, stopProcessGroup } from './preview-server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `vite preview` server of the built app, e.g. http://127.0.0.1:41234/ */
    baseUrl: string
  }
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const DIST = join(ROOT, 'dist')
const SUPABASE_VARS = ['VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY']

/**
 * Builds the app once in embedded mode (the database runs in the browser), serves dist/ with
 * `vite preview` on a free local port and provides its URL as `baseUrl`.
 * E2E_SKIP_BUILD=1 reuses an existing dist/ for fast local iteration.
 */
export default async function setup(project: TestProject) {
  const env = embeddedModeEnv()
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(DIST, 'index.html'))) {
    log('E2E_SKIP_BUILD=1: reusing the existing dist/')
  } else {
    const start = performance.now()
    await run('npx', ['--no-install', 'vite', 'build'], env)
    log(`built the app (embedded mode) in ${seconds(start)}`)
  }

  const start = performance.now()
  const { server, baseUrl, output } = await startPreview({ cwd: ROOT, env })
  log(`vite preview ready at ${baseUrl} in ${seconds(start)}`)
  project.provide('baseUrl', baseUrl)
  // If vitest is interrupted before the teardown runs, do not leave the server behind.
  const killOnExit = () => signalGroup(server, 'SIGKILL')
  process.once('exit', killOnExit)
  // A server that dies mid-run makes every later test fail with ERR_CONNECTION_REFUSED: say so.
  const onUnexpectedExit = (code: number | null, signal: NodeJS.Signals | null) => {
    console.error(
      `e2e: vite preview at ${baseUrl} exited during the tests (${signal ?? `exit ${code}`});` +
        ` its output:\n${output().slice(-4000)}`,
    )
  }
  server.once('exit', onUnexpectedExit)

  return async () => {
    process.off('exit', killOnExit)
    server.off('exit', onUnexpectedExit)
    await stopProcessGroup(server)
  }
}

/** The child environment for embedded mode: no Supabase URL or key, whatever the .env files say. */
function embeddedModeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of SUPABASE_VARS) delete env[name]
  // Vitest sets NODE_ENV=test, which would make `vite build` a development build.
  env.NODE_ENV = 'production'
  // Vite's loadEnv also reads .env files, but lets the process environment win: an empty value
  // there overrides one a developer's .env.local may hold.
  const envFiles = ['.env', '.env.local', '.env.production', '.env.production.local']
  for (const file of envFiles) {
    const path = join(ROOT, file)
    if (!existsSync(path)) continue
    const text = readFileSync(path, 'utf8')
    for (const name of SUPABASE_VARS) {
      if (new RegExp(`^\\s*(export\\s+)?${name}\\s*=`, 'm').test(text)) {
        env[name] = ''
        log(`${file} sets ${name}: overridden with an empty value for embedded mode`)
      }
    }
  }
  return env
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) return resolvePromise()
      reject(
        new Error(
          `e2e: \`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}):\n${output}`,
        ),
      )
    })
  })
}

function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)}s`
}

function log(message: string) {
  console.log(`e2e: ${message}`)
}
