import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { withDatabase } from '../global-setup'
import {
  ENGINE,
  expectRefused,
  openTestDatabase,
  REFUSED,
  type Actor,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import { ACTOR, CATEGORY, TERRITORY } from '../policies/fixtures'
import {
  CACTOR,
  CURATION_USER,
  SUBMISSION,
  errorOf,
  insertSubmission,
  loadCurationFixtures,
  submissionValues,
  updatedAtOf,
} from '../policies/curation-fixtures'
import { expectPermissionDenied } from '../policies/helpers'

/**
 * supabase/migrations/20261207092000_keys_locks_and_limits.sql (issue 13, points 6, 8 and 9):
 * a shop's key is unique within its territory only; no client can LOCK a table; at most 3
 * pending submissions per user whatever the isolation level; no client text is ever matched as
 * a regular expression, with the same answers on PGlite and PostgreSQL 15.
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

const PENDING_LIMIT = 'Vous avez déjà 3 demandes en attente : attendez la réponse des curateurs.'

interface ImportLine {
  line: number
  sourceRef: string
  kind: string
  name: string
  categorySlug: string
  lon: number
  lat: number
}

/** A valid line for test-x (or test-y), each line number its own place away from the others. */
function importLine(n: number, sourceRef: string, territory: 'X' | 'Y' = 'X'): ImportLine {
  return {
    line: n,
    sourceRef,
    kind: 'commercant',
    name: `Lieu importé ${n}`,
    categorySlug: territory === 'X' ? CATEGORY.food : CATEGORY.craft,
    lon: Number(((territory === 'X' ? 1.1 : 3.1) + n * 0.01).toFixed(4)),
    lat: territory === 'X' ? 45.2 : 47.2,
  }
}

interface ReportLine {
  line: number
  action: string
  shop_id: string | null
  message: string | null
}

const runImport = (
  step: SessionStep,
  actor: Actor,
  territory: string,
  source: 'import' | 'osm',
  lines: ImportLine[],
) =>
  step<ReportLine>(
    actor,
    `select line, action, shop_id, message from public.import_shops($1, $2, $3::jsonb, false)`,
    [territory, source, JSON.stringify(lines)],
  )

/** A shop inserted as the owner, with the given key, in test-x or test-y. */
const insertShop = (step: SessionStep, territory: 'X' | 'Y', source: string, ref: string) =>
  step(
    'superuser',
    `insert into public.shops (territory_slug, kind, name, category_slug, location, published,
       source, source_ref)
     values ($1, 'artisan', $2, $3, $4::point, false, $5, $6)`,
    [
      TERRITORY[territory],
      `Clé ${ref}`,
      territory === 'X' ? CATEGORY.food : CATEGORY.craft,
      territory === 'X' ? '(1.91,45.91)' : '(3.91,47.91)',
      source,
      ref,
    ],
  )

const shopsWithKey = (step: SessionStep, source: string, ref: string) =>
  step<{ territory_slug: string }>(
    'superuser',
    `select territory_slug from public.shops where source = $1 and source_ref = $2
      order by territory_slug`,
    [source, ref],
  )

// ---------------------------------------------------------------------------
// Point 6: keys per territory
// ---------------------------------------------------------------------------

describe('a shop’s key is unique within its territory only', () => {
  it('two territories may hold the same key', async () => {
    await db.session(async (step) => {
      // Y1 holds ('import', 'test-policies/Y1') in test-y.
      await insertShop(step, 'X', 'import', 'test-policies/Y1')
      expect(await shopsWithKey(step, 'import', 'test-policies/Y1')).toEqual([
        { territory_slug: TERRITORY.X },
        { territory_slug: TERRITORY.Y },
      ])
    })
  })

  it('the same key twice in one territory is refused (23505)', async () => {
    await db.session(async (step) => {
      const error = await errorOf(insertShop(step, 'Y', 'import', 'test-policies/Y1'))
      expect(error).toMatchObject({
        code: REFUSED.unique,
        constraint: 'shops_source_ref_unique_per_territory',
      })
    })
  })

  it('a curator’s import is not rolled back by another territory’s keys', async () => {
    await db.session(async (step) => {
      // curatorY takes, in test-y, the OSM keys test-x is about to import.
      const taken = await runImport(step, CACTOR.curatorY, TERRITORY.Y, 'osm', [
        importLine(1, 'node/101', 'Y'),
        importLine(2, 'node/102', 'Y'),
      ])
      expect(taken.map((r) => r.action)).toEqual(['create', 'create'])

      const report = await runImport(step, CACTOR.curatorX, TERRITORY.X, 'osm', [
        importLine(1, 'node/101'),
        importLine(2, 'node/102'),
        importLine(3, 'node/103'),
      ])
      expect(report.map((r) => [r.action, r.message])).toEqual([
        ['create', null],
        ['create', null],
        ['create', null],
      ])
      for (const ref of ['node/101', 'node/102']) {
        expect(await shopsWithKey(step, 'osm', ref)).toEqual([
          { territory_slug: TERRITORY.X },
          { territory_slug: TERRITORY.Y },
        ])
      }
      expect(await shopsWithKey(step, 'osm', 'node/103')).toEqual([{ territory_slug: TERRITORY.X }])

      // Importing again finds test-x's own places, not test-y's.
      const again = await runImport(step, CACTOR.curatorX, TERRITORY.X, 'osm', [
        importLine(1, 'node/101'),
        importLine(2, 'node/102'),
        importLine(3, 'node/103'),
      ])
      expect(again.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged'])
      expect(again.map((r) => r.shop_id)).toEqual(report.map((r) => r.shop_id))
    })
  })

  it('a submission stays publishable when another territory holds its key', async () => {
    await db.session(async (step) => {
      // curatorY, in its own territory, takes the key publish_submission gives pendingX's shop.
      await step(
        CACTOR.curatorY,
        `insert into public.shops (territory_slug, kind, name, category_slug, location, source,
           source_ref)
         values ($1, 'artisan', 'Squatter', $2, point(3.5, 47.5), 'submission', $3)`,
        [TERRITORY.Y, CATEGORY.craft, SUBMISSION.pendingX],
      )
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      const [shop] = await step<{ territory_slug: string; source_ref: string }>(
        CACTOR.curatorX,
        'select territory_slug, source_ref from public.publish_submission($1, $2)',
        [SUBMISSION.pendingX, token],
      )
      expect(shop).toEqual({ territory_slug: TERRITORY.X, source_ref: SUBMISSION.pendingX })
    })
  })
})

describe('another territory’s keys leak through no error', () => {
  // Y1 is published (curatorX reads it), YU is not (curatorX cannot read it): both keys, and a
  // key nobody holds, get the same answers.
  const KEYS = ['test-policies/Y1', 'test-policies/YU', 'test-policies/nobody']

  it.each(KEYS)('curatorX inserts a shop keyed %s into test-x', async (ref) => {
    await db.session(async (step) => {
      const rows = await step(
        CACTOR.curatorX,
        `insert into public.shops (territory_slug, kind, name, category_slug, location, source,
           source_ref)
         values ($1, 'artisan', 'Même clé', $2, point(1.7, 45.7), 'import', $3)`,
        [TERRITORY.X, CATEGORY.food, ref],
      )
      expect(rows).toEqual([])
    })
  })

  it('curatorX’s import reports the three keys alike', async () => {
    const report = await db.session((step) =>
      runImport(
        step,
        CACTOR.curatorX,
        TERRITORY.X,
        'import',
        KEYS.map((ref, i) => importLine(i + 1, ref)),
      ),
    )
    expect(report.map((r) => [r.line, r.action, r.message])).toEqual([
      [1, 'create', null],
      [2, 'create', null],
      [3, 'create', null],
    ])
  })

  it('a key taken in the territory by a concurrent import gets its French message', async () => {
    // What import_shops reports when its insert meets a key another import of the same
    // territory committed meanwhile (it otherwise finds the existing place first).
    const [row] = await db.as<{ message: string }>(
      CACTOR.curatorX,
      `select private.import_error_message('23505', 'shops_source_ref_unique_per_territory',
         null, 'duplicate key') as message`,
    )
    expect(row?.message).toBe(
      'Clé ajoutée au territoire par un autre import en cours : relancez l’import',
    )
  })
})

// ---------------------------------------------------------------------------
// Point 8a: LOCK TABLE
// ---------------------------------------------------------------------------

/** Every mode LOCK TABLE takes but ACCESS SHARE (what any SELECT takes, allowed by SELECT). */
const LOCK_MODES = [
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
]

describe('no client can LOCK a table', () => {
  let tables: string[] = []
  beforeAll(async () => {
    const rows = await db.superuser<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'private') and c.relkind in ('r', 'p', 'v', 'm')
        order by 1`,
      [],
    )
    tables = rows.map((r) => r.name)
  })

  it('the tables are found (the checks below are not vacuous)', () => {
    expect(tables).toEqual(
      expect.arrayContaining([
        'public.shops',
        'public.shop_members',
        'public.shop_submissions',
        'public.shop_invitations',
        'private.pending_submission_slots',
      ]),
    )
  })

  it.each([
    ['anon', ACTOR.anon],
    ['authenticated (a curator)', ACTOR.curatorX],
    ['authenticated (a merchant)', CACTOR.merchant],
  ] as const)('%s: every mode above ACCESS SHARE, every table: 42501', async (_who, actor) => {
    for (const table of tables) {
      for (const mode of LOCK_MODES) {
        const error = await errorOf(db.as(actor, `lock table ${table} in ${mode} mode`))
        expect(error?.code, `lock table ${table} in ${mode} mode: ${error?.message}`).toBe(
          REFUSED.privilege,
        )
      }
    }
  })

  it('no client holds a table-level UPDATE, DELETE or TRUNCATE privilege (what LOCK needs)', async () => {
    const rows = await db.superuser(
      `select c.relname, r.role, p.privilege from pg_class c
       cross join unnest(array['anon', 'authenticated']) as r(role)
       cross join unnest(array['UPDATE', 'DELETE', 'TRUNCATE']) as p(privilege)
       where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace)
         and c.relkind in ('r', 'p', 'v', 'm')
         and has_table_privilege(r.role, c.oid, p.privilege)
       order by 1, 2, 3`,
      [],
    )
    expect(rows).toEqual([])
  })

  it('the pending submissions’ slots are no client’s to read', () =>
    expectPermissionDenied(
      db.as(CACTOR.merchant, 'select * from private.pending_submission_slots'),
      'table pending_submission_slots',
    ))
})

// ---------------------------------------------------------------------------
// Point 8b: at most 3 pending submissions per user
// ---------------------------------------------------------------------------

const submit = (step: SessionStep, name: string, actor: Actor = CACTOR.merchant) => {
  const { sql, params } = insertSubmission(submissionValues({ name }), 'id')
  return step<{ id: string }>(actor, sql, params)
}

const pendingOf = async (step: SessionStep, user: string) =>
  (
    await step<{ n: number }>(
      'superuser',
      `select count(*)::int as n from public.shop_submissions
        where submitted_by = $1 and status = 'pending'`,
      [user],
    )
  )[0]!.n

describe('at most 3 pending submissions per user', () => {
  it('the 4th is refused (23514, French message), refused ones do not count', async () => {
    await db.session(async (step) => {
      // merchant has pendingX (pending) and refusedX (refused).
      await submit(step, 'Deuxième')
      await submit(step, 'Troisième')
      const error = await errorOf(submit(step, 'Quatrième'))
      expect(error).toMatchObject({
        code: REFUSED.check,
        constraint: 'shop_submissions_pending_limit',
        message: PENDING_LIMIT,
      })
      expect(await pendingOf(step, CURATION_USER.merchant)).toBe(3)
    })
  })

  it('a slot comes back when a submission is withdrawn, refused or published', async () => {
    await db.session(async (step) => {
      const [second] = await submit(step, 'Deuxième')
      const [third] = await submit(step, 'Troisième')
      await expectRefused(submit(step, 'Refusée faute de place'), REFUSED.check)

      await step(CACTOR.merchant, 'select public.withdraw_submission($1)', [second!.id])
      const [fourth] = await submit(step, 'Après un retrait')
      await expectRefused(submit(step, 'Encore refusée'), REFUSED.check)

      const token = await updatedAtOf(step, 'shop_submissions', third!.id)
      await step(CACTOR.curatorX, 'select 1 from public.refuse_submission($1, $2, $3)', [
        third!.id,
        'Hors du périmètre',
        token,
      ])
      await submit(step, 'Après un refus')
      await expectRefused(submit(step, 'Toujours refusée'), REFUSED.check)

      const published = await updatedAtOf(step, 'shop_submissions', fourth!.id)
      await step(CACTOR.curatorX, 'select 1 from public.publish_submission($1, $2)', [
        fourth!.id,
        published,
      ])
      await submit(step, 'Après une publication')
      await expectRefused(submit(step, 'Refusée encore'), REFUSED.check)
      expect(await pendingOf(step, CURATION_USER.merchant)).toBe(3)
    })
  })

  it('each user has their own 3', async () => {
    await db.session(async (step) => {
      await submit(step, 'Deuxième')
      await submit(step, 'Troisième')
      await submit(step, 'Autre', CACTOR.merchant2)
      await submit(step, 'Autre encore', CACTOR.merchant2)
      await expectRefused(submit(step, 'Une de trop', CACTOR.merchant2), REFUSED.check)
    })
  })
})

// The race the slots close: concurrent transactions that each took their snapshot before any of
// them committed. PGlite is one connection in one process: it cannot run two transactions at
// once, so these run on PostgreSQL only.
describe.skipIf(ENGINE === 'pglite')(
  'concurrent submissions (PostgreSQL only: PGlite runs one connection, no concurrent transactions)',
  () => {
    const CALLERS = 20
    const url = process.env.DATABASE_URL ?? ''
    let admin: pg.Client
    let name = ''
    let clients: pg.Client[] = []

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: url })
      await admin.connect()
      name = `vitrine_race_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
      await admin.query(`create database ${name} template ${inject('postgresTemplate')}`)
      clients = Array.from(
        { length: CALLERS + 1 },
        () => new pg.Client({ connectionString: withDatabase(url, name) }),
      )
      await Promise.all(clients.map((c) => c.connect()))
      const owner = clients[0]!
      // loadCurationFixtures only runs the owner's statements.
      const ownerOnly: TestDatabase = {
        engine: 'postgresql',
        superuser: async (sql, params) => (await owner.query(sql, params)).rows as never[],
        as: () => Promise.reject(new Error('the race database runs the owner’s statements only')),
        session: () =>
          Promise.reject(new Error('the race database runs the owner’s statements only')),
        close: async () => undefined,
      }
      await loadCurationFixtures(ownerOnly)
    })

    afterAll(async () => {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)))
      if (name) await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    })

    /** Makes the user's pending submissions exactly `pending` (as the owner, committed). */
    async function resetPending(user: string, pending: number) {
      const owner = clients[0]!
      await owner.query(
        `delete from public.shop_submissions where submitted_by = $1 and status = 'pending'`,
        [user],
      )
      for (let i = 0; i < pending; i++) {
        const { sql, params } = insertSubmission({
          submitted_by: user,
          ...submissionValues({ name: `Déjà en attente ${i + 1}` }),
        })
        await owner.query(sql, params)
      }
    }

    /**
     * Every caller opens its transaction and takes its snapshot, all of them before any inserts;
     * then all insert and commit at once. Returns the accepted count and the refusals.
     */
    async function race(user: string, isolation: string) {
      const callers = clients.slice(1)
      const claims = JSON.stringify({ role: 'authenticated', sub: user, aud: 'authenticated' })
      await Promise.all(
        callers.map(async (c) => {
          await c.query(`begin isolation level ${isolation}`)
          await c.query('set local role authenticated')
          await c.query(`select set_config('request.jwt.claims', $1, true)`, [claims])
        }),
      )
      const outcomes = await Promise.all(
        callers.map(async (c, i) => {
          const { sql, params } = insertSubmission(submissionValues({ name: `Concurrente ${i}` }))
          try {
            await c.query(sql, params)
            await c.query('commit')
            return null
          } catch (error) {
            await c.query('rollback')
            return error as { code?: string; message?: string }
          }
        }),
      )
      const [row] = (
        await clients[0]!.query<{ n: number }>(
          `select count(*)::int as n from public.shop_submissions
            where submitted_by = $1 and status = 'pending'`,
          [user],
        )
      ).rows
      return {
        accepted: outcomes.filter((o) => o === null).length,
        refusals: outcomes.filter((o) => o !== null),
        pending: row!.n,
      }
    }

    it.each(['repeatable read', 'read committed'])(
      `${CALLERS} concurrent inserts (%s) for a user with 2 pending: exactly one accepted`,
      async (isolation) => {
        await resetPending(CURATION_USER.merchant, 2)
        const result = await race(CURATION_USER.merchant, isolation)
        expect(result.accepted).toBe(1)
        expect(result.pending).toBe(3)
        for (const refusal of result.refusals) {
          expect(refusal).toMatchObject({ code: REFUSED.check, message: PENDING_LIMIT })
        }
      },
    )

    it(`${CALLERS} concurrent inserts (repeatable read) for a user with none pending: exactly three accepted`, async () => {
      await resetPending(CURATION_USER.merchant2, 0)
      const result = await race(CURATION_USER.merchant2, 'repeatable read')
      expect(result.accepted).toBe(3)
      expect(result.pending).toBe(3)
      for (const refusal of result.refusals) {
        expect(refusal).toMatchObject({ code: REFUSED.check, message: PENDING_LIMIT })
      }
    })

    it(`${CALLERS} concurrent inserts (serializable) for a user with 2 pending: one accepted, the others refused or asked to retry`, async () => {
      await resetPending(CURATION_USER.merchant, 2)
      const result = await race(CURATION_USER.merchant, 'serializable')
      expect(result.accepted).toBe(1)
      expect(result.pending).toBe(3)
      for (const refusal of result.refusals) {
        // 40001: SERIALIZABLE may report the conflict as a serialization failure; a retry then
        // meets the limit's own refusal.
        expect(['23514', '40001']).toContain(refusal.code)
      }
    })
  },
)

// ---------------------------------------------------------------------------
// Point 9: a search is never a regular expression
// ---------------------------------------------------------------------------

/** Texts that mean something to a regular expression, to LIKE or to SQL. */
const METACHARACTERS = [
  '(',
  ')',
  '[',
  ']',
  '[z-a]',
  '[ab]',
  '.*',
  'sh.p',
  'x.z',
  'sh(op',
  'a|b',
  '(a|b)*c',
  'b{2}',
  'a{',
  '\\',
  '\\d',
  '\\w+',
  '^test',
  'test$',
  '(?=x)',
  '(?i)TEST',
  '[[:alpha:]]',
  '%',
  '_',
  'sh_p',
  'sh%p',
  '*',
  '+',
  '?',
  '***',
  "'",
  'zinc (le)',
  'café 1+1',
  'le) bar',
]

/** Places with metacharacters in their names, published in test-x, beside A, B and U. */
const SEARCH_SHOPS = ['Zinc (Le) Bar', 'Café 1+1', 'Xyz Pressing', 'Ab Cd', 'A.B. Test']

async function addSearchShops(step: SessionStep) {
  for (const [i, name] of SEARCH_SHOPS.entries()) {
    await step(
      'superuser',
      `insert into public.shops (territory_slug, kind, name, category_slug, location, published,
         source, source_ref, commune_name)
       values ($1, 'commercant', $2, $3, point(1.3 + $4 * 0.01, 45.3), true, 'import', $5,
         'Testville X')`,
      [TERRITORY.X, name, CATEGORY.food, i, `search/${i}`],
    )
  }
}

/**
 * What a literal search finds: every word (a run of letters and digits, case and accents
 * aside) is somewhere in the name or the commune. The names above are ASCII but for "Café".
 */
function literalMatches(names: { name: string; commune_name: string | null }[], search: string) {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
  const words = fold(search)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  return names
    .filter((s) => words.every((w) => fold(`${s.name} ${s.commune_name ?? ''}`).includes(w)))
    .map((s) => s.name)
    .sort()
}

describe('searches take the text literally, on both engines', () => {
  const VIEWPORT = `select name, commune_name from public.shops_in_viewport(1, 45, 2, 46, search => $1)`

  it.each([
    ['a visitor', ACTOR.anon],
    ['curatorX (who also reads test-x’s unpublished places)', ACTOR.curatorX],
  ] as const)('shops_in_viewport, as %s', async (_who, actor) => {
    await db.session(async (step) => {
      await addSearchShops(step)
      const all = await step<{ name: string; commune_name: string | null }>(actor, VIEWPORT, [null])
      expect(all.length).toBeGreaterThanOrEqual(SEARCH_SHOPS.length + 2)
      for (const search of METACHARACTERS) {
        const rows = await step<{ name: string; commune_name: string | null }>(actor, VIEWPORT, [
          search,
        ])
        expect(rows.map((r) => r.name).sort(), `search ${JSON.stringify(search)}`).toEqual(
          literalMatches(all, search),
        )
      }
    })
  })

  it('a metacharacter is no wildcard: "[ab]" finds "ab", ".*" and "(" find what "" finds', async () => {
    await db.session(async (step) => {
      await addSearchShops(step)
      const names = async (search: string) =>
        (await step<{ name: string }>(ACTOR.anon, VIEWPORT, [search])).map((r) => r.name).sort()
      expect(await names('[ab]')).toEqual(['Ab Cd'])
      expect(await names('zinc (le)')).toEqual(['Zinc (Le) Bar'])
      const everything = await names('')
      expect(everything.length).toBeGreaterThan(SEARCH_SHOPS.length)
      expect(await names('.*')).toEqual(everything)
      expect(await names('(')).toEqual(everything)
    })
  })

  it.each([
    ['anon', ACTOR.anon],
    ['authenticated', ACTOR.curatorX],
  ] as const)(
    'private.published_shops_in_viewport refuses patterns search_patterns did not make (%s, 22023)',
    async (_who, actor) => {
      const call = `select count(*)::int as n from private.published_shops_in_viewport(
          box(point(2, 46), point(1, 45)), point(1.5, 45.5), null, null, null, null, $1::text[], 50)`
      for (const patterns of [['('], ['[z-a]'], ['.*'], ['a|b'], ['test', '('], [''], [null]]) {
        await expectRefused(db.as(actor, call, [patterns]), '22023')
      }
      const [made] = await db.as<{ n: number }>(
        actor,
        call.replace('$1::text[]', `private.search_patterns('test shop')`),
      )
      expect(made?.n).toBeGreaterThan(0)
      const [none] = await db.as<{ n: number }>(actor, call, [[]])
      expect(none?.n).toBeGreaterThan(0)
    },
  )

  it('search_patterns keeps letters and digits only, and every pattern it makes passes', async () => {
    const rows = await db.as<{ search: string; patterns: string[]; ok: boolean }>(
      ACTOR.anon,
      `select s as search, private.search_patterns(s) as patterns,
              private.are_search_patterns(private.search_patterns(s)) as ok
         from unnest($1::text[]) as s`,
      [[...METACHARACTERS, 'Bœuf à l’Œil', 'Straße 12', 'ÆSOP', 'Ça coûte 5€']],
    )
    for (const row of rows) {
      expect(row.ok, `search ${JSON.stringify(row.search)}`).toBe(true)
      // Outside the classes search_patterns writes itself: letters and digits only.
      for (const pattern of row.patterns) {
        const rest = pattern.replace(/\(\?:[^)]*\)|\[[^\]]*\]/g, '')
        expect(rest, `pattern ${pattern} of ${JSON.stringify(row.search)}`).toMatch(/^[a-z0-9]*$/)
      }
    }
  })

  it('possible_duplicates compares names without patterns', async () => {
    await db.session(async (step) => {
      const duplicates = () =>
        step<{ name: string; reason: string }>(
          CACTOR.curatorX,
          'select name, reason from public.possible_duplicates($1) order by name',
          [SUBMISSION.pendingX],
        )
      await step(
        'superuser',
        `insert into public.shops (territory_slug, kind, name, category_slug, location, published,
           source, source_ref)
         values ($1, 'artisan', 'Fournil X', $2, point(1.52, 45.521), true, 'import', 'dup/1'),
                ($1, 'artisan', '.*', $2, point(1.52, 45.5205), true, 'import', 'dup/2')`,
        [TERRITORY.X, CATEGORY.food],
      )
      const rename = (name: string) =>
        step(
          'superuser',
          'update public.shop_submissions set name = $2, phone = null where id = $1',
          [SUBMISSION.pendingX, name],
        )
      await rename('F.urnil X')
      expect(await duplicates()).toEqual([])
      await rename('.*')
      expect(await duplicates()).toEqual([])
      await rename('Fournil (X)')
      expect(await duplicates()).toEqual([{ name: 'Fournil X', reason: 'same_name_nearby' }])
    })
  })

  it('import_shops looks keys and names up literally', async () => {
    await db.session(async (step) => {
      const refs = ['.*', 'node/(1)', '[a-z]+', '%', '_', 'test-policies/%']
      const lines = refs.map((ref, i) => ({ ...importLine(i + 1, ref), name: `${ref} (${i})` }))
      const first = await runImport(step, CACTOR.curatorX, TERRITORY.X, 'import', lines)
      expect(first.map((r) => [r.action, r.message])).toEqual(refs.map(() => ['create', null]))
      const again = await runImport(step, CACTOR.curatorX, TERRITORY.X, 'import', lines)
      expect(again.map((r) => r.action)).toEqual(refs.map(() => 'unchanged'))
      const stored = await step<{ source_ref: string }>(
        'superuser',
        `select source_ref from public.shops where id = any ($1::uuid[])`,
        [first.map((r) => r.shop_id)],
      )
      expect(stored.map((r) => r.source_ref).sort()).toEqual([...refs].sort())
      // A place named like a pattern is no one's duplicate: A ("Test shop A") is 14 m away.
      const near = await runImport(step, CACTOR.curatorX, TERRITORY.X, 'import', [
        { ...importLine(9, 'near/A'), name: '.*', lon: 1.5001, lat: 45.5001 },
      ])
      expect(near.map((r) => [r.action, r.message])).toEqual([['create', null]])
    })
  })
})

describe('the app’s PostgREST requests use no pattern operator', () => {
  // PostgREST's like, ilike, match, imatch and full-text operators take the client's text as a
  // pattern: as postgrest-js methods (.like(), .ilike(), .likeAnyOf(), .textSearch()…), or as an
  // operator name in .filter()/.or()/.not() or a query string (`name=ilike.*x*`). (postgrest-js'
  // own `.match({…})` is equality, and allowed.)
  const dir = join(import.meta.dirname, '../../../src/backend/supabase')
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
  const PATTERN_OPERATOR =
    /\.(i?like(AllOf|AnyOf)?|textSearch)\(|['"`(,.](i?like|i?match|fts|plfts|phfts|wfts)(['"`]|\.)/

  it('finds the adapter’s files', () => expect(files).toContain('supabase-backend.ts'))

  it.each(files)('%s', (file) => {
    expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(PATTERN_OPERATOR)
  })

  it('the check itself catches each form', () => {
    for (const sample of [
      `.ilike('name', q)`,
      `.likeAnyOf('name', qs)`,
      `.textSearch('name', q)`,
      `.filter('name', 'imatch', q)`,
      `.or(\`name.ilike.\${q}\`)`,
      `['name', \`ilike.*\${q}*\`]`,
    ])
      expect(sample).toMatch(PATTERN_OPERATOR)
    expect(`.match({ id })`).not.toMatch(PATTERN_OPERATOR)
  })
})
