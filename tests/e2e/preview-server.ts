import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

// `vite preview` of a build on a free local port, for the browser tests and the benchmarks
// (bench/). Plain Node: no vitest import, so that bench/ scripts can use it under tsx.

export const HOST = '127.0.0.1'

export interface PreviewServer {
  server: ChildProcess
  baseUrl: string
  /** What the server printed, for failure messages. */
  output(): string
}

export function freePort(): Promise<number> {
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

/** Serves `outDir` (default dist/) of the project at `cwd` with `vite preview`. */
export async function startPreview(options: {
  cwd: string
  env: NodeJS.ProcessEnv
  outDir?: string
  timeoutMs?: number
}): Promise<PreviewServer> {
  let lastError: unknown
  // The port is free when picked but could be taken before vite binds it (--strictPort fails
  // then): try a few times.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const baseUrl = `http://${HOST}:${port}/`
    const server = spawn(
      'npx',
      [
        '--no-install',
        'vite',
        'preview',
        ...(options.outDir ? ['--outDir', options.outDir] : []),
        '--port',
        String(port),
        '--strictPort',
        '--host',
        HOST,
      ],
      // Own process group, so that stopping it also stops the node process npx starts.
      { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    )
    let output = ''
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    try {
      await waitUntilServing(baseUrl, server, options.timeoutMs ?? 30_000)
      return { server, baseUrl, output: () => output }
    } catch (error) {
      await stopProcessGroup(server)
      lastError = new Error(`${(error as Error).message}\n${output}`)
    }
  }
  throw lastError
}

async function waitUntilServing(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`vite preview exited (${server.signalCode ?? server.exitCode})`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000}s`)
}

/** Signals the child's whole process group (npx and the node process it started). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL after 5 s if the group is still there. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  signalGroup(child, 'SIGTERM')
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), 5_000)),
  ])
  if (timedOut) {
    signalGroup(child, 'SIGKILL')
    await exited
  }
}
