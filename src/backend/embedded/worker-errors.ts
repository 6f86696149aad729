/**
 * PGlite's worker sends only an error's `message` back to the tab, so a refusal would reach the
 * adapter without its SQLSTATE (a stale write would look like any other failure). The worker
 * therefore packs the fields the adapter needs into the message, and the adapter unpacks them.
 */

const PREFIX = 'vitrine-database-error:'

/** What the adapter needs of a PostgreSQL error (a PGlite `DatabaseError`). */
export interface DatabaseErrorFields {
  message: string
  code: string | null
  detail: string | null
  constraint: string | null
  column: string | null
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null

/** In the worker: an error whose message carries the database error's fields. */
export function packDatabaseError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error
  const e = error as Record<string, unknown>
  const code = text(e.code)
  if (!code) return error
  const fields: DatabaseErrorFields = {
    message: text(e.message) ?? '',
    code,
    detail: text(e.detail),
    constraint: text(e.constraint),
    column: text(e.column),
  }
  return new Error(`${PREFIX}${JSON.stringify(fields)}`)
}

/** In the tab: the database error's fields, or the error itself when it was not packed. */
export function unpackDatabaseError(error: unknown): unknown {
  const message = (error as { message?: unknown } | null)?.message
  if (typeof message !== 'string' || !message.startsWith(PREFIX)) return error
  try {
    return JSON.parse(message.slice(PREFIX.length)) as DatabaseErrorFields
  } catch {
    return error
  }
}
