/**
 * Errors the app distinguishes. Adapters translate their driver's error (a PostgREST error,
 * a PGlite DatabaseError) into these so that the UI never depends on a driver, and never shows
 * a driver's words: the UI words the `kind` (and the `field`) itself; `message` and `detail` are
 * for the console.
 */
export const BACKEND_ERROR_KINDS = [
  'stale-update',
  'forbidden',
  'invalid',
  'not-found',
  'network',
  'unavailable',
  'unknown',
] as const
export type BackendErrorKind = (typeof BACKEND_ERROR_KINDS)[number]

export class BackendError extends Error {
  readonly kind: BackendErrorKind
  readonly code: string | null
  readonly detail: string | null
  /** For 'invalid': the column whose value was refused, when the database named it. */
  readonly field: string | null

  constructor(
    kind: BackendErrorKind,
    message: string,
    code: string | null = null,
    detail: string | null = null,
    field: string | null = null,
  ) {
    super(message)
    this.name = 'BackendError'
    this.kind = kind
    this.code = code
    this.detail = detail
    this.field = field
  }
}

/** Maps a PostgreSQL SQLSTATE (as carried by PostgREST and PGlite alike) to an error kind. */
export function errorKindFromSqlState(code: string | null | undefined): BackendErrorKind {
  if (!code) return 'unknown'
  if (code === 'PT409') return 'stale-update'
  if (code === '42501' || code === 'PGRST301' || code === 'PGRST302') return 'forbidden'
  if (code === 'PGRST116') return 'not-found'
  // Connection to the database lost or refused, statement timeout, server shutting down.
  if (/^PGRST00[0-3]$/.test(code) || code === '57014' || code.startsWith('08')) return 'unavailable'
  if (code === 'P0001' || code === '54000') return 'invalid'
  if (code.startsWith('23') || code.startsWith('22')) return 'invalid'
  return 'unknown'
}

// Tables whose inline CHECK constraints PostgreSQL names `<table>_<column>_check`.
const CHECKED_TABLES = ['shop_submissions', 'shop_invitations', 'shops']

/**
 * The column a constraint is about: PostgreSQL names an inline check `<table>_<column>_check`
 * and a NOT NULL violation carries the column itself.
 */
export function fieldFromConstraint(constraint: string | null | undefined): string | null {
  if (!constraint) return null
  for (const table of CHECKED_TABLES) {
    const match = new RegExp(`^${table}_(.+?)(?:_check|_clean|_visible|_key)$`).exec(constraint)
    if (match) return match[1] ?? null
  }
  return null
}

const NETWORK_FAILURE =
  /failed to fetch|networkerror|network request failed|load failed|fetch failed/i

interface DriverError {
  code?: unknown
  message?: unknown
  details?: unknown
  detail?: unknown
  constraint?: unknown
  column?: unknown
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null

export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error
  const e = (error ?? {}) as DriverError
  const message = text(e.message) ?? String(error)
  const code = text(e.code)
  if (!code && NETWORK_FAILURE.test(message)) return new BackendError('network', message)
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new BackendError('network', message)
  }
  // PGlite names the constraint and the column; PostgREST only quotes the constraint.
  const constraint = text(e.constraint) ?? /constraint "([^"]+)"/.exec(message)?.[1] ?? null
  const field = text(e.column) ?? fieldFromConstraint(constraint)
  return new BackendError(
    errorKindFromSqlState(code),
    message,
    code,
    text(e.detail) ?? text(e.details),
    field,
  )
}
