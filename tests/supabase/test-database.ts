import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { readFileSync } from 'node:fs'
import { inject, expect } from 'vitest'
import {
  impersonate,
  type Actor,
  type SqlConnection,
} from '../../src/backend/embedded/impersonation'
import { withDatabase } from './global-setup'

export type { Actor }

export const ENGINE = process.env.DATABASE_URL ? 'postgresql' : 'pglite'

type Row = Record<string, unknown>

/**
 * A fresh copy of the migrated and seeded database for one test file.
 * - `superuser(sql, params?)` runs as the owner (fixtures, checks), committed; without params
 *   it accepts several statements.
 * - `as(actor, sql)` runs one statement as `anon`/`authenticated` with JWT claims, inside a
 *   transaction that is rolled back afterwards, so tests stay independent.
 * - `session(fn)` runs several steps in one rolled-back transaction, each step in a savepoint
 *   so that an expected refusal does not abort the ones after it.
 */
export interface TestDatabase {
  engine: 'pglite' | 'postgresql'
  superuser<T = Row>(sql: string, params?: unknown[]): Promise<T[]>
  as<T = Row>(actor: Actor, sql: string, params?: unknown[]): Promise<T[]>
  session<R>(fn: (step: SessionStep) => Promise<R>): Promise<R>
  close(): Promise<void>
}

export type SessionStep = <T = Row>(
  actor: Actor | 'superuser',
  sql: string,
  params?: unknown[],
) => Promise<T[]>

interface Engine extends SqlConnection {
  exec(sql: string): Promise<void>
  /** Simple protocol: several statements allowed, no parameters; rows of the last one. */
  script(sql: string): Promise<Row[]>
  close(): Promise<void>
}

async function openEngine(): Promise<Engine> {
  const template = inject('postgresTemplate')
  if (template && process.env.DATABASE_URL) {
    const name = `vitrine_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    await admin.query(`create database ${name} template ${template}`)
    const client = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL, name) })
    await client.connect()
    return {
      query: async (sql, params) => ({ rows: (await client.query(sql, params as unknown[])).rows }),
      exec: async (sql) => void (await client.query(sql)),
      script: async (sql) => {
        const result = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[]
        return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows
      },
      close: async () => {
        await client.end()
        await admin.query(`drop database if exists ${name} with (force)`)
        await admin.end()
      },
    }
  }
  const tarball = readFileSync(inject('pgliteDataDir'))
  const db = await PGlite.create({ loadDataDir: new Blob([tarball]) })
  return {
    query: async (sql, params) => ({ rows: (await db.query(sql, params)).rows as never[] }),
    exec: async (sql) => void (await db.exec(sql)),
    script: async (sql) => ((await db.exec(sql)).at(-1)?.rows ?? []) as Row[],
    close: () => db.close(),
  }
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const engine = await openEngine()
  let savepoint = 0

  async function inRolledBackTransaction<R>(fn: () => Promise<R>): Promise<R> {
    await engine.exec('begin')
    try {
      return await fn()
    } finally {
      await engine.exec('rollback')
    }
  }

  return {
    engine: ENGINE,
    superuser: async (sql, params) =>
      (params === undefined
        ? await engine.script(sql)
        : (await engine.query(sql, params)).rows) as never[],
    as: (actor, sql, params) =>
      inRolledBackTransaction(async () => {
        await impersonate(engine, actor)
        return (await engine.query(sql, params)).rows as never[]
      }),
    session: (fn) =>
      inRolledBackTransaction(() =>
        fn(async (actor, sql, params) => {
          const name = `step_${++savepoint}`
          await engine.exec(`savepoint ${name}`)
          try {
            if (actor !== 'superuser') await impersonate(engine, actor)
            const rows = (await engine.query(sql, params)).rows
            await engine.exec(`release savepoint ${name}`)
            // `set local role` lasts to the end of the transaction even after release; reset it.
            await engine.exec('reset role')
            return rows as never[]
          } catch (error) {
            await engine.exec(`rollback to savepoint ${name}`)
            throw error
          }
        }),
      ),
    close: () => engine.close(),
  }
}

/** SQLSTATEs a refusal may carry. */
export const REFUSED = {
  privilege: '42501',
  check: '23514',
  notNull: '23502',
  foreignKey: '23503',
  unique: '23505',
  enum: '22P02',
  stale: 'PT409',
} as const

/** Asserts that the promise is rejected by the database with the given SQLSTATE. */
export async function expectRefused(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code?: string; message?: string },
  )
  expect(
    error,
    `expected a refusal with SQLSTATE ${code}, but the statement succeeded`,
  ).not.toBeNull()
  expect(error?.code, `refused with ${error?.code}: ${error?.message}`).toBe(code)
}
