import type { Actor } from '../../src/backend/embedded/impersonation'
import { RPC_BOUNDS } from '../../src/backend/rpc-bounds'
import { CATEGORIES, KINDS, SERVICES, STATUSES, TERRITORY } from './synthetic-shops'

/**
 * The worst calls a visitor can make with arguments the database accepts
 * (supabase/migrations/20261207090000_rpc_argument_bounds.sql), and the refusal of arguments
 * past the bounds. Each call runs as `anon` as PostgREST runs it: one transaction, the role's
 * 3 s statement timeout (PostgreSQL cancels it with 57014). The slowest call also runs once
 * without the timeout, to tell its real cost. Aim: every accepted call under 200 ms.
 */

export const WORST_CALL_AIM_MS = 200

/** Runs one statement as the actor, in its own transaction, with the role's timeout. */
export type RunAs = (
  actor: Actor,
  sql: string,
  params: unknown[],
  options?: { noTimeout?: boolean },
) => Promise<{ rows: unknown[]; ms: number }>

const VIEWPORT_SQL = `select count(*) from public.shops_in_viewport($1, $2, $3, $4,
  services => $5::public.shop_service[], categories => $6::text[], kinds => $7::text[],
  statuses => $8::text[], search => $9, row_limit => $10)`

type Corners = [number, number, number, number]
/** Mainland France and Corsica, the benchmark territory's frame (what the app asks first). */
const FRANCE: Corners = [-5.3, 41.3, 9.7, 51.2]
const WORLD: Corners = [-180, -90, 180, 90]

interface Call {
  name: string
  sql: string
  params: unknown[]
  /** Measured again without the timeout when it cancels the call (default true). */
  uncap?: boolean
}

function viewport(
  name: string,
  corners: Corners,
  filters: {
    services?: string[]
    categories?: string[]
    kinds?: string[]
    statuses?: string[]
    search?: string
    rowLimit?: number
  },
): Call {
  return {
    name,
    sql: VIEWPORT_SQL,
    params: [
      ...corners,
      filters.services ?? null,
      filters.categories ?? null,
      filters.kinds ?? null,
      filters.statuses ?? null,
      filters.search ?? null,
      filters.rowLimit ?? RPC_BOUNDS.viewportRows,
    ],
  }
}

/** `length` characters of `unit`, cut to the search bound. */
const fill = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length)

// Nine one-letter words that most names contain, then a long word no name contains: each shop
// of the viewport goes through nine regular expressions before the tenth fails.
const TEN_WORDS = (() => {
  const common = 'e i r a n o l c u '
  return common + fill('zq', RPC_BOUNDS.searchLength - common.length)
})()

/** Accepted calls, each at the bounds. */
export function worstCalls(): Call[] {
  const slug = (i: number) =>
    `${fill('nope-', RPC_BOUNDS.slugLength - 3)}${String(i).padStart(3, '0')}`
  return [
    viewport('France, 10 words (9 common, 1 absent), 100 characters', FRANCE, {
      search: TEN_WORDS,
    }),
    viewport('France, one absent word of 100 characters', FRANCE, {
      search: fill('z', RPC_BOUNDS.searchLength),
    }),
    viewport('France, 50 "oe" ligatures (one word of 100 characters)', FRANCE, {
      search: fill('oe', RPC_BOUNDS.searchLength),
    }),
    viewport('France, 20 absent categories of 60 characters', FRANCE, {
      categories: Array.from({ length: RPC_BOUNDS.viewportCategories }, (_, i) => slug(i)),
    }),
    viewport('France, every filter at its bound, nothing matches', FRANCE, {
      services: [...SERVICES],
      categories: [
        ...CATEGORIES,
        ...Array.from({ length: RPC_BOUNDS.viewportCategories - CATEGORIES.length }, (_, i) =>
          slug(i),
        ),
      ],
      kinds: [...KINDS],
      statuses: [...STATUSES],
      search: TEN_WORDS,
    }),
    viewport('the whole world, 1,000 rows, no filter', WORLD, {}),
    viewport('the whole world, 10 words', WORLD, { search: TEN_WORDS }),
    {
      name: `published_shops_geojson('${TERRITORY}'): the territory's open data export`,
      sql: 'select octet_length(public.published_shops_geojson($1)::text) as bytes',
      params: [TERRITORY],
      // Without the timeout it runs for tens of seconds (44 s and 235 MB for 400,000 shops on
      // the 2-core CI machine): too long for this step.
      uncap: false,
    },
  ]
}

/** Calls past a bound: refused (22023) before any work. */
export function overLimitCalls(): Call[] {
  const mib = 1024 * 1024
  return [
    viewport('search: one word of 64 KiB', FRANCE, { search: 'x'.repeat(64 * 1024) }),
    viewport('search: 1 MiB of short words', FRANCE, { search: fill('ab ', mib) }),
    viewport('search: 11 words', FRANCE, { search: 'a b c d e f g h i j k' }),
    viewport('categories: 100,000 values', FRANCE, {
      categories: Array.from({ length: 100_000 }, (_, i) => `c${i}`),
    }),
    viewport('kinds: one value of 1 MiB', FRANCE, { kinds: ['k'.repeat(mib)] }),
    {
      name: 'published_shops_geojson: a slug of 1 MiB',
      sql: 'select public.published_shops_geojson($1)',
      params: ['s'.repeat(mib)],
    },
  ]
}

export interface WorstCallResult {
  name: string
  ms: number
  outcome: string
  uncappedMs?: number
  uncappedOutcome?: string
}

async function attempt(run: RunAs, call: Call, noTimeout = false) {
  const start = performance.now()
  try {
    const { rows } = await run({ role: 'anon' }, call.sql, call.params, { noTimeout })
    const first = (rows[0] ?? {}) as Record<string, unknown>
    const value = Object.values(first)[0]
    return { ms: performance.now() - start, outcome: `ok (${String(value)})` }
  } catch (error) {
    const e = error as { code?: string; message?: string }
    const outcome =
      e.code === '57014'
        ? 'cancelled by the 3 s timeout (57014)'
        : `refused ${e.code}: ${e.message}`
    return { ms: performance.now() - start, outcome }
  }
}

/** The worst accepted calls (the slowest also without timeout) and the over-limit refusals. */
export async function worstCallsBench(run: RunAs) {
  const accepted: WorstCallResult[] = []
  for (const call of worstCalls()) {
    // A fast call is measured again, warm (caches, plans); a slow one once, to keep the step short.
    let result = await attempt(run, call)
    if (result.ms < 1000) result = await attempt(run, call)
    accepted.push({ name: call.name, ...result })
  }
  // What the timeout cut: the call's real cost.
  for (const [index, call] of worstCalls().entries()) {
    const result = accepted[index]!
    if (call.uncap === false || !result.outcome.startsWith('cancelled')) continue
    const uncapped = await attempt(run, call, true)
    result.uncappedMs = uncapped.ms
    result.uncappedOutcome = uncapped.outcome
  }
  const refused: WorstCallResult[] = []
  for (const call of overLimitCalls()) {
    // The slowest of three: the first on a connection also compiles the functions.
    const results = [await attempt(run, call), await attempt(run, call), await attempt(run, call)]
    const ms = Math.max(...results.map((r) => r.ms))
    refused.push({ name: call.name, ms, outcome: results[0]!.outcome.slice(0, 90) })
  }
  const worst = [...accepted].sort((a, b) => (b.uncappedMs ?? b.ms) - (a.uncappedMs ?? a.ms))[0]!
  const worstMs = worst.uncappedMs ?? worst.ms
  return {
    aimMs: WORST_CALL_AIM_MS,
    accepted,
    worst: worst.name,
    worstMs,
    meetsAim: worstMs < WORST_CALL_AIM_MS,
    refused,
    refusedMaxMs: Math.max(...refused.map((r) => r.ms)),
    allRefused: refused.every((r) => r.outcome.startsWith('refused 22023')),
  }
}

export function printWorstCalls(
  result: Awaited<ReturnType<typeof worstCallsBench>>,
  shops: number,
) {
  const fmt = (ms: number) => ms.toFixed(0).padStart(6)
  console.log(
    `\nworst anonymous calls within the bounds (${shops.toLocaleString('en')} shops, as anon, 3 s timeout)`,
  )
  console.log('|     ms | call | outcome |')
  console.log('|-------:|------|---------|')
  for (const r of result.accepted) {
    console.log(`| ${fmt(r.ms)} | ${r.name} | ${r.outcome} |`)
    if (r.uncappedMs !== undefined)
      console.log(`| ${fmt(r.uncappedMs)} | (same, without the timeout) | ${r.uncappedOutcome} |`)
  }
  console.log(
    `worst: ${result.worstMs.toFixed(0)} ms (${result.worst}): ${result.meetsAim ? 'PASS' : 'MISS'} (aim < ${result.aimMs} ms)`,
  )
  console.log('\nover the bounds: refused before any work')
  for (const r of result.refused) console.log(`| ${fmt(r.ms)} | ${r.name} | ${r.outcome} |`)
  console.log(
    `slowest refusal: ${result.refusedMaxMs.toFixed(0)} ms; all refused with 22023: ${result.allRefused ? 'yes' : 'NO'}`,
  )
}
