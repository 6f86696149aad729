/**
 * Database benchmark at national scale, on PostgreSQL 15:
 * 1. shops_in_viewport with 100,000 then 400,000 synthetic shops spread over France: latency of
 *    random city-to-region viewports with random filters, as `anon`, and the query plan;
 * 2. 50 merchants toggling their shop's status 2,000 times in total through set_shop_status,
 *    concurrently, then a check that every shop holds its last accepted update and that the
 *    history counts each accepted update exactly once;
 * 3. shops_in_viewport again with 400,000 shops crowded around one town (the first generator's
 *    spread, kept as the worst case of a dense viewport with rare filters);
 * 4. with the 400,000 shops of step 1, the worst calls a visitor can make within the RPC argument
 *    bounds, and the refusal of calls past them (bench/db/worst-calls.ts).
 *
 *   npx tsx bench/db/run-db-bench.ts --json <outfile>
 *   npx tsx bench/db/run-db-bench.ts --only worst-calls [--json <outfile>]   # step 4 alone
 *
 * Starts its own PostgreSQL 15 in a temporary directory (removed at the end, even on error), or
 * uses DATABASE_URL's server, where it creates and drops a database of its own.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { databaseSetupSql } from '../../supabase/tooling/sql-files'
import { impersonate, type Actor } from '../../src/backend/embedded/impersonation'
import { SET_SHOP_STATUS_SQL } from '../../src/backend/embedded/embedded-queries'
import { SQL_FUNCTIONS, viewportArgs } from '../../src/backend/sql-objects'
import type { ViewportQuery } from '../../src/backend/port'
import {
  CATEGORIES,
  CITIES,
  KINDS,
  NAME_WORDS,
  SERVICES,
  STATUSES,
  insertShopsSql,
  setupSql,
} from './synthetic-shops'
import { percentile, randomViewports, type Rng, mulberry32 } from './viewports'
import { freePort } from '../../tests/e2e/preview-server'
import { printWorstCalls, worstCallsBench, type RunAs } from './worst-calls'

const PG_BIN = '/usr/lib/postgresql/15/bin'
const SIZES = [100_000, 400_000]
const VIEWPORT_CALLS = 200
const WARM_UP_CALLS = 20
const MERCHANTS = 50
const TOGGLES = 2_000
const P95_TARGET_MS = 50

interface Server {
  url: string
  stop(): Promise<void>
}

/** PostgreSQL refuses to run as root: run its binaries as `postgres` then. */
function asPostgres(command: string, args: string[], cwd: string): void {
  const isRoot = process.getuid?.() === 0
  execFileSync(
    isRoot ? 'runuser' : command,
    isRoot ? ['-u', 'postgres', '--', command, ...args] : args,
    {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
}

async function startPostgres(cleanups: (() => Promise<void> | void)[]): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-db-bench-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  chmodSync(dir, 0o755)
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const port = await freePort()
  const data = join(dir, 'data')
  asPostgres(
    `${PG_BIN}/initdb`,
    ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8'],
    dir,
  )
  // Settings of a small managed instance; fsync off as in CI (the data is thrown away).
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB -c max_connections=120`
  asPostgres(
    `${PG_BIN}/pg_ctl`,
    ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start'],
    dir,
  )
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop'], dir)
  }
  cleanups.push(stop)
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return client
}

/**
 * One request as PostgREST makes it: a transaction as the actor, with its JWT claims and its
 * role's statement timeout (`noTimeout` lifts it, to measure what the timeout would cut).
 */
async function asActor<T extends pg.QueryResultRow>(
  client: pg.Client,
  actor: Actor,
  sql: string,
  params: unknown[],
  { noTimeout = false }: { noTimeout?: boolean } = {},
): Promise<{ rows: T[]; ms: number }> {
  await client.query('begin')
  try {
    await impersonate(
      {
        query: async (q, p) => ({ rows: (await client.query(q, p as unknown[])).rows as never[] }),
      },
      actor,
    )
    if (noTimeout) await client.query(`select set_config('statement_timeout', '0', true)`)
    const start = performance.now()
    const result = await client.query<T>(sql, params)
    const ms = performance.now() - start
    await client.query('commit')
    return { rows: result.rows, ms }
  } catch (error) {
    await client.query('rollback')
    throw error
  }
}

const viewportSql = (() => {
  const { name, args } = SQL_FUNCTIONS.shopsInViewport
  const casts: Record<string, string> = {
    services: '::public.shop_service[]',
    categories: '::text[]',
    kinds: '::text[]',
    statuses: '::text[]',
  }
  return `select id from public.${name}(${args.map((a, i) => `${a} => $${i + 1}${casts[a] ?? ''}`).join(', ')})`
})()

function viewportParams(query: ViewportQuery): unknown[] {
  const args = viewportArgs(query)
  return SQL_FUNCTIONS.shopsInViewport.args.map((name) => args[name])
}

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  'Relation Name'?: string
  Plans?: PlanNode[]
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)]
}

/** The plans of the statements the call runs inside its functions, via auto_explain. */
async function explainCall(client: pg.Client, query: ViewportQuery) {
  const notices: string[] = []
  const onNotice = (notice: { message?: string }) => notices.push(notice.message ?? '')
  client.on('notice', onNotice)
  try {
    await client.query(`load 'auto_explain'`)
    await client.query(`set auto_explain.log_min_duration = 0`)
    await client.query(`set auto_explain.log_nested_statements = on`)
    await client.query(`set auto_explain.log_analyze = on`)
    await client.query(`set auto_explain.log_format = json`)
    await client.query(`set auto_explain.log_level = notice`)
    await client.query(`set client_min_messages = notice`)
    const params = viewportParams(query)
    const top = await asActor<{ 'QUERY PLAN': unknown }>(
      client,
      { role: 'anon' },
      `explain (analyze, format json) ${viewportSql}`,
      params,
    )
    await client.query(`set auto_explain.log_min_duration = -1`)
    const nested = notices
      .map((message) => {
        const json = message.slice(message.indexOf('{'))
        try {
          return JSON.parse(json) as { 'Query Text': string; Plan: PlanNode }
        } catch {
          return null
        }
      })
      .filter((plan) => plan !== null)
      .filter((plan) => /from public\.shops s/.test(plan['Query Text']))
    const nodes = nested.flatMap((plan) => planNodes(plan.Plan))
    const indexes = [...new Set(nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])))]
    const seqScans = nodes.filter(
      (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'shops',
    )
    return {
      query,
      topLevelPlan: top.rows[0]?.['QUERY PLAN'],
      nestedPlans: nested,
      indexesUsed: indexes,
      spatialIndexUsed: indexes.some((i) => /location/.test(i)),
      seqScanOnShops: seqScans.length > 0,
    }
  } finally {
    client.off('notice', onNotice)
  }
}

type Spread = 'towns' | 'one-town'

async function viewportBench(client: pg.Client, size: number, spread: Spread, rng: Rng) {
  const centres = (
    await client.query<{ lon: number; lat: number }>(
      `select location[0] as lon, location[1] as lat from public.shops where published
        order by md5(id::text || $1) limit $2`,
      [String(size), VIEWPORT_CALLS + WARM_UP_CALLS],
    )
  ).rows
  const queries = randomViewports(centres, rng)
  const anon: Actor = { role: 'anon' }
  for (const query of queries.slice(0, WARM_UP_CALLS))
    await asActor(client, anon, viewportSql, viewportParams(query))
  const samples: { ms: number; rows: number; filters: string[]; widthDeg: number }[] = []
  for (const query of queries.slice(WARM_UP_CALLS)) {
    const { rows, ms } = await asActor(client, anon, viewportSql, viewportParams(query))
    const filters = (['services', 'categories', 'kinds', 'statuses', 'query'] as const).filter(
      (key) => query[key] !== undefined,
    )
    samples.push({ ms, rows: rows.length, filters, widthDeg: query.bounds[2] - query.bounds[0] })
  }
  const times = samples.map((s) => s.ms).sort((a, b) => a - b)
  const typical: ViewportQuery = {
    bounds: [0.1, 46.35, 0.65, 46.75],
    services: ['click_and_collect'],
    statuses: ['open'],
  }
  const plan = await explainCall(client, typical)
  const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5)
  return {
    shops: size,
    spread,
    calls: samples.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times.at(-1) ?? 0,
    meanRows: samples.reduce((sum, s) => sum + s.rows, 0) / samples.length,
    slowest,
    plan,
  }
}

async function throughputBench(url: string, admin: pg.Client) {
  const owners = (
    await admin.query<{ shop_id: string; user_id: string; updated_at: string }>(
      `with picked as (
         select id from public.shops where published order by md5(id::text) limit $1
       ), users as (
         insert into auth.users (id, email)
         select gen_random_uuid(), 'merchant' || n || '@bench.invalid'
           from generate_series(1, $1) n
         returning id, email
       ), pairs as (
         select p.id as shop_id, u.id as user_id
           from (select id, row_number() over (order by id) n from picked) p
           join (select id, row_number() over (order by id) n from users) u using (n)
       ), members as (
         insert into public.shop_members (shop_id, user_id, role)
         select shop_id, user_id, 'owner' from pairs
         returning shop_id, user_id
       )
       select m.shop_id, m.user_id, to_json(s.updated_at) #>> '{}' as updated_at
         from members m join public.shops s on s.id = m.shop_id`,
      [MERCHANTS],
    )
  ).rows
  const [{ baseline }] = (
    await admin.query<{ baseline: string }>(
      `select coalesce(max(id), 0)::text as baseline from public.shop_status_events`,
    )
  ).rows as [{ baseline: string }]

  const clients = await Promise.all(owners.map(() => connect(url)))
  type Accepted = { shopId: string; status: string; message: string; updatedAt: string }
  const accepted: Accepted[] = []
  let refused = 0
  let issued = 0
  const start = performance.now()
  try {
    await Promise.all(
      owners.map(async (owner, index) => {
        const client = clients[index]!
        const actor: Actor = {
          role: 'authenticated',
          userId: owner.user_id,
          email: null,
        }
        let token = owner.updated_at
        let flip = 0
        // A shared counter: the 2,000 toggles go to whoever is free, as real traffic would.
        while (issued < TOGGLES) {
          const n = ++issued
          const status = flip++ % 2 === 0 ? 'open' : 'closed'
          const message = `bench #${n}`
          try {
            const { rows } = await asActor<{ updated_at: string; status: string }>(
              client,
              actor,
              SET_SHOP_STATUS_SQL,
              [owner.shop_id, status, message, null, null, token],
            )
            const row = rows[0]!
            token = row.updated_at
            accepted.push({ shopId: owner.shop_id, status, message, updatedAt: row.updated_at })
          } catch (error) {
            if ((error as { code?: string }).code !== 'PT409') throw error
            refused++
          }
        }
      }),
    )
  } finally {
    await Promise.all(clients.map((c) => c.end()))
  }
  const seconds = (performance.now() - start) / 1000

  // Each shop's last accepted update (its writes are sequential, so the last one pushed).
  const last = new Map<string, Accepted>()
  for (const update of accepted) last.set(update.shopId, update)
  const shops = (
    await admin.query<{
      id: string
      status: string
      status_message: string | null
      updated_at: string
    }>(
      `select id, status, status_message, to_json(updated_at) #>> '{}' as updated_at
         from public.shops where id = any($1::uuid[])`,
      [owners.map((o) => o.shop_id)],
    )
  ).rows
  const mismatched = shops.filter((shop) => {
    const expected = last.get(shop.id)
    return (
      !expected ||
      expected.status !== shop.status ||
      expected.message !== shop.status_message ||
      expected.updatedAt !== shop.updated_at
    )
  })
  const events = (
    await admin.query<{ shop_id: string; message: string; count: string }>(
      `select shop_id, after ->> 'status_message' as message, count(*)::text as count
         from public.shop_status_events
        where id > $1::bigint and shop_id = any($2::uuid[])
        group by 1, 2`,
      [baseline, owners.map((o) => o.shop_id)],
    )
  ).rows
  const eventCounts = new Map(events.map((e) => [`${e.shop_id} ${e.message}`, Number(e.count)]))
  const missing = accepted.filter((a) => !eventCounts.has(`${a.shopId} ${a.message}`)).length
  const duplicated = events.filter((e) => Number(e.count) !== 1).length
  const acceptedKeys = new Set(accepted.map((a) => `${a.shopId} ${a.message}`))
  const unexpected = events.filter((e) => !acceptedKeys.has(`${e.shop_id} ${e.message}`)).length
  const totalEvents = events.reduce((sum, e) => sum + Number(e.count), 0)
  return {
    merchants: owners.length,
    connections: clients.length,
    attempted: TOGGLES,
    accepted: accepted.length,
    refusedStale: refused,
    seconds,
    updatesPerSecond: accepted.length / seconds,
    verification: {
      shopsChecked: shops.length,
      shopsNotAtLastAcceptedUpdate: mismatched.length,
      historyEvents: totalEvents,
      acceptedWithoutEvent: missing,
      updatesWithMoreThanOneEvent: duplicated,
      eventsWithoutAcceptedUpdate: unexpected,
      ok:
        mismatched.length === 0 &&
        shops.length === owners.length &&
        missing === 0 &&
        duplicated === 0 &&
        unexpected === 0 &&
        totalEvents === accepted.length,
    },
  }
}

function parseArgs(argv: string[]): { json: string | null; only: string | null } {
  const index = argv.indexOf('--json')
  const only = argv.indexOf('--only')
  return {
    json: index >= 0 ? (argv[index + 1] ?? null) : null,
    only: only >= 0 ? (argv[only + 1] ?? null) : null,
  }
}

const fmt = (ms: number) => ms.toFixed(1).padStart(7)

async function main() {
  const { json, only } = parseArgs(process.argv.slice(2))
  if (only !== null && only !== 'worst-calls') throw new Error(`--only ${only}: worst-calls only`)
  const cleanups: (() => Promise<void> | void)[] = []
  const cleanUp = async () => {
    while (cleanups.length > 0) {
      try {
        await cleanups.pop()!()
      } catch (error) {
        console.error('cleanup failed:', error)
      }
    }
  }
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const started = performance.now()
  try {
    let serverUrl = process.env.DATABASE_URL
    if (!serverUrl) serverUrl = (await startPostgres(cleanups)).url
    const admin = await connect(serverUrl)
    cleanups.push(() => admin.end())
    const database = `vitrine_db_bench_${process.pid}`
    await admin.query(`drop database if exists ${database}`)
    await admin.query(`create database ${database}`)
    cleanups.push(
      async () => void (await admin.query(`drop database if exists ${database} with (force)`)),
    )
    const url = withDatabase(serverUrl, database)
    const db = await connect(url)
    cleanups.push(() => db.end())
    const [{ server_version: version }] = (
      await db.query<{ server_version: string }>('show server_version')
    ).rows as [{ server_version: string }]

    for (const { name, sql } of databaseSetupSql({ seed: false })) {
      try {
        await db.query(sql)
      } catch (error) {
        throw new Error(`${name} failed: ${(error as Error).message}`, { cause: error })
      }
    }
    await db.query(setupSql())

    const rng = mulberry32(20261201)
    const viewport = []
    let loaded = 0
    for (const size of only ? SIZES.slice(-1) : SIZES) {
      const t = performance.now()
      await db.query(insertShopsSql(loaded + 1, size))
      // What autovacuum does after a bulk load: statistics, and the visibility map that lets the
      // viewport's index-only scan skip the table.
      await db.query('vacuum analyze public.shops')
      loaded = size
      console.log(
        `loaded ${size.toLocaleString('en')} shops in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      )
      if (!only) viewport.push(await viewportBench(db, size, 'towns', rng))
    }
    const runAs: RunAs = (actor, sql, params, options) => asActor(db, actor, sql, params, options)
    const worstCalls = { shops: loaded, ...(await worstCallsBench(runAs)) }
    if (only) {
      printWorstCalls(worstCalls, loaded)
      if (json)
        writeFileSync(json, `${JSON.stringify({ postgres: version, worstCalls }, null, 2)}\n`)
      return
    }
    const throughput = await throughputBench(url, db)

    // The first generator's spread, kept as the crowded worst case (see insertShopsSql).
    {
      const size = SIZES.at(-1)!
      const t = performance.now()
      await db.query('truncate public.shops cascade')
      await db.query(insertShopsSql(1, size, { oneTown: true }))
      await db.query('vacuum analyze public.shops')
      console.log(
        `loaded ${size.toLocaleString('en')} shops around one town in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      )
      viewport.push(await viewportBench(db, size, 'one-town', rng))
    }

    const report = {
      postgres: version,
      generatedAt: new Date().toISOString(),
      data: {
        cities: CITIES.length,
        categories: CATEGORIES,
        kinds: KINDS,
        services: SERVICES,
        statuses: STATUSES,
        nameWords: NAME_WORDS.length,
      },
      viewport,
      viewportTargetP95Ms: P95_TARGET_MS,
      worstCalls,
      throughput,
      totalSeconds: 0,
    }
    report.totalSeconds = (performance.now() - started) / 1000

    console.log(
      `\nshops_in_viewport as anon (PostgreSQL ${version}), ${VIEWPORT_CALLS} random viewports`,
    )
    console.log(
      '| shops   | spread   |  p50 ms |  p95 ms |  max ms | mean rows | spatial index in plan | p95 < 50 ms |',
    )
    console.log(
      '|---------|----------|---------|---------|---------|-----------|-----------------------|-------------|',
    )
    for (const v of viewport) {
      console.log(
        `| ${String(v.shops).padEnd(7)} | ${v.spread.padEnd(8)} | ${fmt(v.p50Ms)} | ${fmt(v.p95Ms)} | ${fmt(v.maxMs)} | ${v.meanRows.toFixed(0).padStart(9)} | ${(v.plan.indexesUsed.join(', ') || 'NONE').padEnd(21)} | ${v.p95Ms < P95_TARGET_MS ? 'yes' : 'NO'}         |`,
      )
    }
    printWorstCalls(worstCalls, worstCalls.shops)
    const t = throughput
    console.log(`\nset_shop_status: ${t.merchants} merchants on ${t.connections} connections`)
    console.log(
      `  ${t.accepted}/${t.attempted} accepted (${t.refusedStale} stale) in ${t.seconds.toFixed(2)} s = ${t.updatesPerSecond.toFixed(0)} updates/s`,
    )
    console.log(
      `  verification: ${t.verification.ok ? 'OK' : 'FAILED'} (${t.verification.shopsNotAtLastAcceptedUpdate} shops off their last update, ${t.verification.historyEvents} history events for ${t.accepted} accepted, ${t.verification.acceptedWithoutEvent} missing, ${t.verification.updatesWithMoreThanOneEvent} duplicated, ${t.verification.eventsWithoutAcceptedUpdate} unexpected)`,
    )
    console.log(`total ${report.totalSeconds.toFixed(0)} s`)
    if (json) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`)
    if (!t.verification.ok || viewport.some((v) => !v.plan.spatialIndexUsed)) process.exitCode = 1
  } finally {
    await cleanUp()
  }
}

await main()
