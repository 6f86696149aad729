/**
 * A local stand-in for a Supabase project, for the benchmarks of the production build: the
 * migrations and seed in PGlite (in Node), and an HTTP server that answers the PostgREST
 * requests the Supabase adapter makes, as `anon`, so the same grants and row-level security
 * decide. Auth answers "no session"; the Realtime websocket is refused (the app must cope).
 *
 * Standalone: `npx tsx bench/supabase-stub/server.ts [port]` prints its URL.
 */
import { PGlite } from '@electric-sql/pglite'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { databaseSetupSql } from '../../supabase/tooling/sql-files.ts'
import { impersonate, ANON } from '../../src/backend/embedded/impersonation.ts'
import {
  StubRequestError,
  callFunctionSql,
  readTableSql,
  statusForSqlState,
  type SqlRequest,
} from './postgrest.ts'

export interface StubRequestLog {
  method: string
  path: string
  status: number
  rows?: number
}

export interface SupabaseStub {
  url: string
  /** Every request answered (or refused), in order; CORS preflights left out. */
  requests: StubRequestLog[]
  /** Milliseconds spent applying the migrations and seed. */
  setupMs: number
  close(): Promise<void>
}

type Row = Record<string, unknown>

export async function startSupabaseStub(options: { port?: number } = {}): Promise<SupabaseStub> {
  const setupStart = performance.now()
  const db = await PGlite.create()
  for (const { name, sql } of databaseSetupSql()) {
    try {
      await db.exec(sql)
    } catch (error) {
      throw new Error(`supabase stub: ${name} failed: ${(error as Error).message}`, {
        cause: error,
      })
    }
  }
  const setupMs = performance.now() - setupStart

  // PGlite has one connection: requests take turns, each in its own transaction as anon.
  let queue: Promise<unknown> = Promise.resolve()
  function asAnon(request: SqlRequest): Promise<unknown> {
    const run = async () => {
      await db.exec('begin')
      try {
        await impersonate(
          {
            query: async (sql, params) => ({ rows: (await db.query(sql, params)).rows as never[] }),
          },
          ANON,
        )
        const result = await db.query<{ body: unknown }>(request.sql, request.params)
        await db.exec('commit')
        return result.rows[0]?.body ?? null
      } catch (error) {
        await db.exec('rollback')
        throw error
      }
    }
    const next = queue.then(run, run)
    queue = next.catch(() => undefined)
    return next
  }

  const returnsSet = new Map<string, boolean>()
  async function functionReturnsSet(name: string): Promise<boolean> {
    const known = returnsSet.get(name)
    if (known !== undefined) return known
    const { rows } = await db.query<{ proretset: boolean }>(
      `select p.proretset from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.proname = $1 limit 1`,
      [name],
    )
    if (!rows[0]) throw new StubRequestError(404, 'PGRST202', `function public.${name} not found`)
    returnsSet.set(name, rows[0].proretset)
    return rows[0].proretset
  }

  const requests: StubRequestLog[] = []

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stub')
    const method = req.method ?? 'GET'
    const log: StubRequestLog = { method, path: `${url.pathname}${url.search}`, status: 0 }
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Expose-Headers': 'Content-Range, Content-Profile',
      'Access-Control-Max-Age': '86400',
      Vary: 'Origin',
    }
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.status = status
      res.writeHead(status, {
        ...cors,
        'Content-Type': 'application/json; charset=utf-8',
        ...headers,
      })
      res.end(method === 'HEAD' || body === undefined ? undefined : JSON.stringify(body))
    }

    if (method === 'OPTIONS') {
      res.writeHead(204, cors)
      res.end()
      return
    }
    requests.push(log)

    try {
      const rest = /^\/rest\/v1\/(rpc\/)?([a-z_][a-z0-9_]*)$/.exec(url.pathname)
      if (rest) {
        const [, rpc, name = ''] = rest
        let body: unknown
        if (rpc) {
          const args =
            method === 'POST'
              ? ((await readJson(req)) ?? {})
              : Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'select'))
          const setReturning = await functionReturnsSet(name)
          body = await asAnon(
            callFunctionSql(name, args as Record<string, unknown>, url.searchParams, setReturning),
          )
        } else if (method === 'GET' || method === 'HEAD') {
          body = await asAnon(readTableSql(name, url.searchParams))
        } else {
          // The shopper page only reads: writes would need the signed-in user's JWT.
          throw new StubRequestError(405, 'PGRST000', `${method} is not supported by the stub`)
        }
        const rows = Array.isArray(body) ? (body as Row[]) : null
        if (rows) log.rows = rows.length
        if (rows && req.headers.accept?.startsWith('application/vnd.pgrst.object+json')) {
          if (rows.length !== 1) {
            send(406, {
              code: 'PGRST116',
              message: 'JSON object requested, multiple (or no) rows returned',
              details: `The result contains ${rows.length} rows`,
              hint: null,
            })
            return
          }
          send(200, rows[0])
          return
        }
        const range = rows ? `${rows.length ? `0-${rows.length - 1}` : '*'}/*` : '0-0/*'
        send(200, body, { 'Content-Range': range })
        return
      }
      if (url.pathname.startsWith('/auth/v1/')) {
        // No sessions here: the shopper page is anonymous.
        if (url.pathname === '/auth/v1/settings') {
          send(200, { external: { email: true }, disable_signup: false, mailer_autoconfirm: false })
        } else {
          send(401, { code: 401, error_code: 'no_authorization', msg: 'No session in the stub' })
        }
        return
      }
      send(404, { code: 'PGRST125', message: `no route for ${url.pathname}`, details: null })
    } catch (error) {
      if (error instanceof StubRequestError) {
        send(error.status, { code: error.code, message: error.message, details: null, hint: null })
        return
      }
      const pgError = error as { code?: string; message?: string; detail?: string; hint?: string }
      send(statusForSqlState(pgError.code, true), {
        code: pgError.code ?? 'PGRST000',
        message: pgError.message ?? String(error),
        details: pgError.detail ?? null,
        hint: pgError.hint ?? null,
      })
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  // Realtime is not imitated: refuse the websocket upgrade, as a project without Realtime would.
  server.on('upgrade', (req, socket) => {
    requests.push({ method: 'UPGRADE', path: req.url ?? '', status: 503 })
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setupMs,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await db.close()
    },
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    throw new StubRequestError(400, 'PGRST102', 'request body is not JSON')
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = process.argv[2] ? Number(process.argv[2]) : 54321
  const stub = await startSupabaseStub({ port })
  console.log(
    `Supabase stub at ${stub.url} (seeded in ${(stub.setupMs / 1000).toFixed(1)} s); Ctrl-C stops it`,
  )
  process.on('SIGINT', () => void stub.close().then(() => process.exit(0)))
}
