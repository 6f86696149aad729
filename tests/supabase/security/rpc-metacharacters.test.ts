import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type Actor, type SessionStep, type TestDatabase } from '../test-database'
import { ACTOR, SHOP, TERRITORY } from '../policies/fixtures'
import { SUBMISSION, errorOf, loadCurationFixtures } from '../policies/curation-fixtures'

/**
 * SQL metacharacters in every argument of every RPC the migrations define: each call either
 * succeeds with the text taken literally or is refused with a data or privilege SQLSTATE; never
 * a syntax error or an unknown object (the sign of text spliced into SQL), and the tables are
 * intact after each call. The RPCs are read from supabase/migrations, so a new one is covered
 * without editing this file.
 */

const MIGRATIONS = join(import.meta.dirname, '../../../supabase/migrations')

interface Rpc {
  name: string
  args: { name: string; type: string }[]
}

/** `create [or replace] function public.<name>(<args>) returns …` of every migration. */
function rpcsFromMigrations(): Rpc[] {
  const found = new Map<string, Rpc>()
  for (const file of readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const sql = readFileSync(join(MIGRATIONS, file), 'utf8').replace(/--[^\n]*/g, '')
    const pattern =
      /create\s+(?:or\s+replace\s+)?function\s+public\.(\w+)\s*\(([^)]*)\)\s*returns/gi
    for (const match of sql.matchAll(pattern)) {
      const args = match[2]!
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean)
        .map((a) => {
          const [name, ...rest] = a.replace(/\s+default\s+[\s\S]*$/i, '').split(/\s+/)
          return { name: name!, type: rest.join(' ').toLowerCase() }
        })
      found.set(match[1]!, { name: match[1]!, args })
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name))
}

const RPCS = rpcsFromMigrations()

const PAYLOADS = [
  `'; drop table public.shops; --`,
  `' or '1'='1`,
  `Robert'); delete from public.shops where ('1'='1`,
  `"; select pg_sleep(0); --`,
  `$$; drop table public.shops; $$`,
  `$1 $2 $$ $tag$`,
  `\\'; truncate public.shops; --`,
  `%_*?[]{}()|^~`,
  `1; update public.shops set published = false`,
  `e'\\x27' || chr(39)`,
  `/* */ union select * from auth.users --`,
  `:name ? @@ ->> #>> ::text`,
]

/** A meaningful value for each argument when it is not the one under test. */
function defaultValue(arg: Rpc['args'][number], token: string): unknown {
  const byName: Record<string, unknown> = {
    shop_id: SHOP.A,
    submission_id: SUBMISSION.pendingX,
    territory_slug: TERRITORY.X,
    status: 'closed',
    source: 'import',
    rows: '[]',
    dry_run: true,
    expected_updated_at: token,
  }
  if (arg.name in byName) return byName[arg.name]
  if (arg.type.endsWith('[]')) return null
  if (arg.type === 'uuid') return '00000000-7e57-4000-f000-000000000000'
  if (arg.type === 'boolean') return true
  if (/int|double|numeric|real/.test(arg.type)) return 0
  if (arg.type === 'jsonb' || arg.type === 'json') return '{}'
  if (/date|time/.test(arg.type)) return null
  return 'valeur'
}

/** The payload as this argument's type receives it from a client. */
function payloadFor(arg: Rpc['args'][number], payload: string): unknown {
  if (arg.type.endsWith('[]')) return [payload, 'https://ok.example.fr']
  if (arg.type === 'jsonb' || arg.type === 'json') {
    // A well-formed document whose keys and values are the payload, as an import line.
    return JSON.stringify([{ sourceRef: payload, name: payload, [payload]: payload, line: 1 }])
  }
  return payload
}

/** Refusals that say "your data was wrong" or "not allowed": the call was parsed as intended. */
const EXPECTED_REFUSALS = new Set([
  '22P02', // invalid input syntax for the argument's type (a uuid, a boolean, an enum…)
  '22007', // invalid datetime format
  '22008', // datetime out of range
  '22004', // a required argument is null
  '22023', // invalid parameter value (a raised message)
  '22P05', // untranslatable character
  '23514', // CHECK
  '42501', // privilege or policy
  'PT409', // stale token
  '54000', // too many rows
])

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

/** Shops, their history and members, summarised: a change here is a change of data. */
async function fingerprint(step: SessionStep): Promise<string> {
  const [row] = await step<{ f: string }>(
    'superuser',
    `select concat_ws('|',
       to_regclass('public.shops')::text, to_regclass('auth.users')::text,
       (select count(*) from public.shops), (select count(*) from public.shops where published),
       (select count(*) from public.shop_members), (select count(*) from auth.users),
       (select count(*) from public.shop_submissions)) as f`,
  )
  return row!.f
}

async function call(
  rpc: Rpc,
  actor: Actor,
  values: (token: string) => unknown[],
): Promise<{ error: { code?: string; message?: string } | null; rows: unknown[]; same: boolean }> {
  return db.session(async (step) => {
    const before = await fingerprint(step)
    const [t] = await step<{ t: string }>(
      'superuser',
      `select updated_at::text as t from public.shops where id = $1`,
      [SHOP.A],
    )
    // Scalars travel as text and are cast by the server, as PostgREST sends them; otherwise
    // a client library could refuse a payload before it ever reaches the database.
    const placeholders = rpc.args
      .map((a, i) =>
        a.type.endsWith('[]') ? `$${i + 1}::${a.type}` : `$${i + 1}::text::${a.type}`,
      )
      .join(', ')
    let rows: unknown[] = []
    const error = await errorOf(
      step(actor, `select * from public.${rpc.name}(${placeholders})`, values(t!.t)).then((r) => {
        rows = r
      }),
    )
    return { error, rows, same: (await fingerprint(step)) === before }
  })
}

describe('the RPCs read from the migrations', () => {
  it('include the ones the app calls (the parser finds them)', () => {
    expect(RPCS.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'set_shop_status',
        'update_shop_details',
        'confirm_shop_status',
        'import_shops',
        'refuse_submission',
        'publish_submission',
        'published_shops_geojson',
        'possible_duplicates',
      ]),
    )
    expect(RPCS.find((r) => r.name === 'update_shop_details')?.args).toHaveLength(9)
  })
})

const CASES = RPCS.flatMap((rpc) =>
  rpc.args.map((arg, index) => [`${rpc.name}(${arg.name} ${arg.type})`, rpc, index] as const),
)

describe.each(CASES)('%s with SQL metacharacters', (_label, rpc, index) => {
  it.each([
    ['the curator', ACTOR.curatorX],
    ['the owner', ACTOR.ownerA],
    ['a visitor', ACTOR.anon],
  ] as const)('as %s: parsed as data, nothing else touched', async (_who, actor) => {
    for (const payload of PAYLOADS) {
      const result = await call(rpc, actor, (token) =>
        rpc.args.map((arg, i) => {
          const value = i === index ? payloadFor(arg, payload) : defaultValue(arg, token)
          return typeof value === 'boolean' || typeof value === 'number' ? String(value) : value
        }),
      )
      const where = `${rpc.name} with ${JSON.stringify(payload)}`
      if (result.error) {
        expect(
          EXPECTED_REFUSALS,
          `${where}: ${result.error.code} ${result.error.message}`,
        ).toContain(result.error.code)
      }
      // A refused call or a dry run writes nothing; a write may only touch the row it names.
      expect(result.same, `${where} changed the data set`).toBe(true)
    }
  })
})

describe('metacharacters are kept literally', () => {
  const payload = PAYLOADS[0]!

  it('set_shop_status stores the message as written', async () => {
    const { rows, error } = await call(
      RPCS.find((r) => r.name === 'set_shop_status')!,
      ACTOR.ownerA,
      (token) => [SHOP.A, 'closed', payload, null, null, token],
    )
    expect(error).toBeNull()
    expect(rows).toEqual([expect.objectContaining({ status_message: payload })])
  })

  it('refuse_submission stores the reason as written', async () => {
    const result = await db.session(async (step) => {
      const [t] = await step<{ t: string }>(
        'superuser',
        `select updated_at::text as t from public.shop_submissions where id = $1`,
        [SUBMISSION.pendingX],
      )
      return step(
        ACTOR.curatorX,
        `select refusal_reason from public.refuse_submission($1, $2, $3)`,
        [SUBMISSION.pendingX, payload, t!.t],
      )
    })
    expect(result).toEqual([{ refusal_reason: payload }])
  })

  it('import_shops creates a shop whose name is the payload (dry run)', async () => {
    const rows = await db.as(
      ACTOR.curatorX,
      `select action, message from public.import_shops($1, 'import', $2::jsonb, true)`,
      [
        TERRITORY.X,
        JSON.stringify([
          {
            sourceRef: payload,
            kind: 'commercant',
            name: payload,
            categorySlug: 'test-food',
            lon: 1.5,
            lat: 45.5,
            description: PAYLOADS[1],
          },
        ]),
      ],
    )
    expect(rows).toEqual([{ action: 'create', message: null }])
  })

  it('published_shops_geojson of a payload territory is null, not another territory', async () => {
    for (const slug of PAYLOADS) {
      const [row] = await db.as<{ g: unknown }>(
        ACTOR.anon,
        `select public.published_shops_geojson($1) as g`,
        [slug],
      )
      expect(row?.g).toBeNull()
    }
  })
})
