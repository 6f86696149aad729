/**
 * Every stale-checked write has exactly one winner: 20 clients, each on its own connection and
 * in its own transaction as PostgREST runs a request (`set local role authenticated`, the JWT
 * claims), call the same function with the same concurrency token at the same moment; one
 * succeeds, the 19 others are refused as stale (PT409). Covers every function taking
 * `expected_updated_at` (set_shop_status, update_shop_details, confirm_shop_status,
 * publish_submission, refuse_submission) and the direct update of a submission the app sends
 * with `.eq('updated_at', expected)` (supabase/migrations/20261207091000_stale_checked_writes.sql).
 *
 * PostgreSQL only: PGlite serves one connection, so nothing there runs concurrently.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { impersonate, type Actor } from '../../src/backend/embedded/impersonation'
import { withDatabase } from './global-setup'
import type { TestDatabase } from './test-database'
import { ACTOR, SHOP, TERRITORY } from './policies/fixtures'
import {
  CACTOR,
  CURATION_USER,
  insertSubmission,
  loadCurationFixtures,
  submissionValues,
} from './policies/curation-fixtures'

const RACERS = 20
/** An advisory lock key the racers wait on, so that their calls leave together. */
const GATE = 913_091

const url = process.env.DATABASE_URL

type Outcome = 'won' | 'no row' | string

describe.skipIf(!url)(
  `stale-checked writes under ${RACERS} concurrent connections (PostgreSQL only: PGlite is single-connection)`,
  () => {
    let admin: pg.Client
    let owner: pg.Client
    let gate: pg.Client
    let racers: pg.Client[] = []
    let database = ''

    const connect = async () => {
      const client = new pg.Client({ connectionString: withDatabase(url!, database) })
      await client.connect()
      return client
    }

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: url })
      await admin.connect()
      database = `vitrine_races_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
      await admin.query(`create database ${database} template ${inject('postgresTemplate')}`)
      owner = await connect()
      gate = await connect()
      racers = await Promise.all(Array.from({ length: RACERS }, connect))
      const fixtures: TestDatabase = {
        engine: 'postgresql',
        superuser: async (sql, params) => {
          const result = (await owner.query(sql, params)) as unknown as
            pg.QueryResult | pg.QueryResult[]
          return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as never[]
        },
        as: () => Promise.reject(new Error('not used')),
        session: () => Promise.reject(new Error('not used')),
        close: async () => {},
      }
      await loadCurationFixtures(fixtures)
    })

    afterAll(async () => {
      await Promise.all([...racers, owner, gate].map((client) => client?.end()))
      await admin?.query(`drop database if exists ${database} with (force)`)
      await admin?.end()
    })

    const tokenOf = async (table: 'shops' | 'shop_submissions', id: string) => {
      const { rows } = await owner.query<{ t: string }>(
        `select updated_at::text as t from public.${table} where id = $1`,
        [id],
      )
      return rows[0]!.t
    }

    /**
     * Each racer opens its transaction as its actor and waits at the gate; the gate opens once all
     * of them wait, and each then sends its call and commits (or rolls back on an error) at once,
     * as PostgREST ends a request. A call that returns no row is 'no row' (a direct update whose
     * WHERE matched nothing); an error is its SQLSTATE.
     */
    async function race(
      actorOf: (i: number) => Actor,
      call: (i: number) => [string, unknown[]],
    ): Promise<Outcome[]> {
      await gate.query('select pg_advisory_lock($1)', [GATE])
      const outcomes = racers.map(async (client, i) => {
        await client.query('begin')
        try {
          await impersonate(client, actorOf(i))
          await client.query('select pg_advisory_xact_lock_shared($1)', [GATE])
          const [sql, params] = call(i)
          const { rows } = await client.query(sql, params)
          await client.query('commit')
          return rows.length > 0 ? 'won' : 'no row'
        } catch (error) {
          await client.query('rollback')
          return (error as { code?: string }).code ?? String(error)
        }
      })
      // Open the gate once every racer waits on it.
      try {
        for (let waited = 0; ; waited += 1) {
          const { rows } = await gate.query<{ n: number }>(
            `select count(*)::int as n from pg_locks
              where locktype = 'advisory' and objid = $1 and not granted`,
            [GATE],
          )
          if (rows[0]!.n === RACERS) break
          if (waited > 500)
            throw new Error(`only ${rows[0]!.n} of ${RACERS} racers reached the gate`)
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
      } finally {
        await gate.query('select pg_advisory_unlock($1)', [GATE])
      }
      return Promise.all(outcomes)
    }

    /** Asserts one winner and only stale refusals otherwise; logs the tally. */
    function expectOneWinner(name: string, outcomes: Outcome[], loser: Outcome = 'PT409') {
      const tally = outcomes.reduce<Record<string, number>>(
        (counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }),
        {},
      )
      console.info(`race ${name}: ${JSON.stringify(tally)}`)
      expect(tally).toEqual({ won: 1, [loser]: RACERS - 1 })
    }

    /** Members and the curator of shop A, taking turns. */
    const shopAActors = [ACTOR.ownerA, ACTOR.staffA, ACTOR.curatorX]
    const memberOrCurator = (i: number) => shopAActors[i % shopAActors.length]!

    const SET_STATUS = 'select id from public.set_shop_status($1, $2, $3, null, null, $4)'
    const DETAILS = `select id from public.update_shop_details($1, 'Mo-Fr 09:00-18:00', null, $2,
      null, null, null, null, $3)`
    const CONFIRM = 'select id from public.confirm_shop_status($1, $2)'

    it('set_shop_status', async () => {
      const token = await tokenOf('shops', SHOP.A)
      const outcomes = await race(memberOrCurator, (i) => [
        SET_STATUS,
        [SHOP.A, i % 2 ? 'open' : 'closed', `Racer ${i}`, token],
      ])
      expectOneWinner('set_shop_status', outcomes)
      const { rows } = await owner.query(
        `select count(*)::int as n from public.shop_status_events
          where shop_id = $1 and changed_at > $2::timestamptz`,
        [SHOP.A, token],
      )
      expect(rows).toEqual([{ n: 1 }])
    })

    it('update_shop_details', async () => {
      const token = await tokenOf('shops', SHOP.A)
      const outcomes = await race(memberOrCurator, (i) => [DETAILS, [SHOP.A, `Racer ${i}`, token]])
      expectOneWinner('update_shop_details', outcomes)
    })

    it('confirm_shop_status', async () => {
      const token = await tokenOf('shops', SHOP.A)
      const outcomes = await race(memberOrCurator, () => [CONFIRM, [SHOP.A, token]])
      expectOneWinner('confirm_shop_status', outcomes)
    })

    it('set_shop_status, update_shop_details and confirm_shop_status against each other', async () => {
      const token = await tokenOf('shops', SHOP.A)
      const outcomes = await race(memberOrCurator, (i): [string, unknown[]] => {
        if (i % 3 === 0) return [SET_STATUS, [SHOP.A, 'open', `Racer ${i}`, token]]
        if (i % 3 === 1) return [DETAILS, [SHOP.A, `Racer ${i}`, token]]
        return [CONFIRM, [SHOP.A, token]]
      })
      expectOneWinner('the three shop functions', outcomes)
    })

    /** A new pending submission of test-x by `unconfirmed` (who has none pending). */
    const newSubmission = async (name: string) => {
      const { sql, params } = insertSubmission(
        {
          submitted_by: CURATION_USER.unconfirmed,
          ...submissionValues({ name, territory_slug: TERRITORY.X }),
        },
        'id, updated_at::text as t',
      )
      const { rows } = await owner.query<{ id: string; t: string }>(sql, params)
      return rows[0]!
    }

    it('publish_submission', async () => {
      const submission = await newSubmission('Course à la publication')
      const outcomes = await race(
        () => CACTOR.curatorX,
        () => ['select id from public.publish_submission($1, $2)', [submission.id, submission.t]],
      )
      expectOneWinner('publish_submission', outcomes)
      const { rows } = await owner.query(
        `select count(*)::int as n from public.shops where source = 'submission' and source_ref = $1`,
        [submission.id],
      )
      expect(rows).toEqual([{ n: 1 }])
    })

    it('refuse_submission', async () => {
      const submission = await newSubmission('Course au refus')
      const outcomes = await race(
        () => CACTOR.curatorX,
        (i) => [
          'select id from public.refuse_submission($1, $2, $3)',
          [submission.id, `Motif ${i}`, submission.t],
        ],
      )
      expectOneWinner('refuse_submission', outcomes)
    })

    it("a submission's direct update with the token in its WHERE (the app's updateSubmission)", async () => {
      const submission = await newSubmission('Course à la modification')
      const outcomes = await race(
        () => CACTOR.unconfirmed,
        (i) => [
          `update public.shop_submissions set description = $3
            where id = $1 and updated_at = $2::timestamptz returning id`,
          [submission.id, submission.t, `Racer ${i}`],
        ],
      )
      expectOneWinner('shop_submissions update', outcomes, 'no row')
    })
  },
)
