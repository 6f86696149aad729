/**
 * Assertions shared by the policy matrix.
 *
 * PostgreSQL refuses in three ways, and each has its own assertion here:
 * - a missing grant raises 42501 "permission denied for table|column|function …";
 * - an INSERT (or UPDATE WITH CHECK) that a policy refuses raises 42501
 *   "new row violates row-level security policy …";
 * - an UPDATE or DELETE whose USING clause filters the row out raises nothing: it affects no
 *   row. `expectNoRowChanged` proves that with `returning` and a re-read as the owner.
 */
import { expect } from 'vitest'
import {
  expectRefused,
  REFUSED,
  type Actor,
  type SessionStep,
  type TestDatabase,
} from '../test-database'

type DbError = { code?: string; message?: string }

async function errorOf(promise: Promise<unknown>): Promise<DbError | null> {
  return promise.then(
    () => null,
    (e: unknown) => e as DbError,
  )
}

/**
 * 42501 from a missing table, column, sequence or function privilege. `on` pins the object the
 * message must name (e.g. `function my_shops`), for a refusal that could otherwise come from
 * another object the statement touches.
 */
export async function expectPermissionDenied(
  promise: Promise<unknown>,
  on?: string,
): Promise<void> {
  await expectRefused(promise, REFUSED.privilege)
  const error = await errorOf(promise)
  expect(error?.message).toMatch(on ? `permission denied for ${on}` : /permission denied/)
}

/** 42501 from a policy's WITH CHECK. */
export async function expectRlsViolation(promise: Promise<unknown>): Promise<void> {
  await expectRefused(promise, REFUSED.privilege)
  const error = await errorOf(promise)
  expect(error?.message).toMatch(/row-level security/)
}

/** The row as the owner sees it, as JSON text, for before/after comparisons. */
export function rowSnapshotSql(table: string, where: string): string {
  return `select coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]')::text as row
          from ${table} t where ${where}`
}

/**
 * Runs `sql` (which must end with `returning …`) as `actor` and asserts that it came back with
 * no row and that, re-read as the owner in the same transaction, the target is unchanged and
 * still there.
 */
export async function expectNoRowChanged(
  db: TestDatabase,
  actor: Actor,
  sql: string,
  params: unknown[],
  target: { table: string; where: string; params: unknown[] },
): Promise<void> {
  await db.session(async (step) => {
    const snapshot = rowSnapshotSql(target.table, target.where)
    const [before] = await step<{ row: string }>('superuser', snapshot, target.params)
    expect(before?.row, 'the target row must exist for this check to mean anything').not.toBe('[]')
    const returned = await step(actor, sql, params)
    expect(returned, 'rows affected').toEqual([])
    const [after] = await step<{ row: string }>('superuser', snapshot, target.params)
    expect(after?.row).toBe(before?.row)
  })
}

/** A 281-character string, one more than status_message allows. */
export const TOO_LONG_MESSAGE = 'x'.repeat(281)

/**
 * Declares, for the rest of the session's transaction, a stale-checked write of `shopId` with
 * its current updated_at, as set_shop_status, update_shop_details and import_shops do right
 * before their UPDATE (private.begin_stale_checked_write,
 * supabase/migrations/20261207091000_stale_checked_writes.sql). shops_check_stale_token then
 * lets the next UPDATE of that shop through, so that what decides inside those functions (the
 * grants, RLS, CHECK constraints, the curated-column guard, the other triggers) can be tested
 * one column at a time. A client's own direct update is refused: see
 * tests/supabase/policies/stale-checked-writes.test.ts.
 */
export async function declareStaleCheckedWrite(step: SessionStep, shopId: string): Promise<void> {
  await step(
    'superuser',
    `select private.begin_stale_checked_write(s.id, s.updated_at) from public.shops s where s.id = $1`,
    [shopId],
  )
}

/** `db.as(actor, sql, params)` for an UPDATE of `shopId`, inside a declared stale-checked write. */
export function asStaleCheckedWrite<T = Record<string, unknown>>(
  db: TestDatabase,
  actor: Actor,
  shopId: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return db.session(async (step) => {
    await declareStaleCheckedWrite(step, shopId)
    return step<T>(actor, sql, params)
  })
}
