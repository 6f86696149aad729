import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `vite preview` server of the built app, e.g. http://127.0.0.1:41234/ */
    baseUrl: string
  }
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const DIST = join(ROOT, 'dist')
const HOST = '127.0.0.1'
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
  const { server, baseUrl, output } = await startPreview(env)
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
    await stop(server)
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

async function startPreview(
  env: NodeJS.ProcessEnv,
): Promise<{ server: ChildProcess; baseUrl: string; output: () => string }> {
  let lastError: unknown
  // The port is free when picked but could be taken before vite binds it (--strictPort fails
  // then): try a few times.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const baseUrl = `http://${HOST}:${port}/`
    const server = spawn(
      'npx',
      ['--no-install', 'vite', 'preview', '--port', String(port), '--strictPort', '--host', HOST],
      // Own process group, so that stopping it also stops the node process npx starts.
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    )
    let output = ''
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    try {
      await waitUntilServing(baseUrl, server, 30_000)
      return { server, baseUrl, output: () => output }
    } catch (error) {
      await stop(server)
      lastError = new Error(`${(error as Error).message}\n${output}`)
    }
  }
  throw lastError
}

async function waitUntilServing(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`e2e: vite preview exited (${server.signalCode ?? server.exitCode})`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`e2e: vite preview did not answer at ${url} within ${timeoutMs / 1000}s`)
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePromise(port))
    })
  })
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return
  const exited = new Promise<void>((r) => server.once('exit', () => r()))
  signalGroup(server, 'SIGTERM')
  const killed = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), 5_000)),
  ])
  if (killed) {
    signalGroup(server, 'SIGKILL')
    await exited
  }
}

/** Signals the server's whole process group (npx and the vite node process it started). */
function signalGroup(server: ChildProcess, signal: NodeJS.Signals) {
  if (server.pid === undefined) return
  try {
    process.kill(-server.pid, signal)
  } catch {
    // already gone
  }
}

function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)}s`
}

function log(message: string) {
  console.log(`e2e: ${message}`)
}
