/**
 * How the embedded backend (and the database tests) make PostgreSQL decide as Supabase would:
 * every request runs in a transaction as `anon` or `authenticated`, with the JWT claims that
 * PostgREST would set, so the same row-level security policies and grants apply.
 */

export type Actor =
  { role: 'anon' } | { role: 'authenticated'; userId: string; email?: string | null }

export const ANON: Actor = { role: 'anon' }

export function claimsFor(actor: Actor): Record<string, unknown> {
  if (actor.role === 'anon') return { role: 'anon' }
  return {
    role: 'authenticated',
    sub: actor.userId,
    email: actor.email ?? null,
    aud: 'authenticated',
  }
}

/** Minimal query surface shared by PGlite and node-postgres. */
export interface SqlConnection {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
}

/**
 * Supabase's default statement timeouts of the API roles, which supabase/local's stand-in sets
 * too (`alter role … set statement_timeout`). A role's settings apply at login only, never on
 * `set role`: PostgREST applies the impersonated role's settings to each request itself, and so
 * does `impersonate`. PostgreSQL cancels a statement that runs longer (SQLSTATE 57014); PGlite
 * runs a statement to its end whatever the setting (one WebAssembly thread, no timer signal).
 */
export const ROLE_STATEMENT_TIMEOUT = { anon: '3s', authenticated: '8s' } as const

/**
 * Statements that switch the current transaction to the actor. The role name comes from a
 * closed union, never from user input; the claims travel as a bound parameter, and the
 * statement timeout is the role's constant.
 */
export async function impersonate(conn: SqlConnection, actor: Actor): Promise<void> {
  const role = actor.role === 'anon' ? 'anon' : 'authenticated'
  await conn.query(`set local role ${role}`)
  await conn.query(
    `select set_config('request.jwt.claims', $1, true), set_config('statement_timeout', $2, true)`,
    [JSON.stringify(claimsFor(actor)), ROLE_STATEMENT_TIMEOUT[role]],
  )
}
