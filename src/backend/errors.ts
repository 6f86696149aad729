/**
 * Errors the app distinguishes. Adapters translate their driver's error (a PostgREST error,
 * a PGlite DatabaseError) into these so that the UI never depends on a driver.
 */
export type BackendErrorKind =
  'stale-update' | 'forbidden' | 'invalid' | 'not-found' | 'network' | 'unavailable' | 'unknown'

export class BackendError extends Error {
  readonly kind: BackendErrorKind
  readonly code: string | null
  readonly detail: string | null

  constructor(
    kind: BackendErrorKind,
    message: string,
    code: string | null = null,
    detail: string | null = null,
  ) {
    super(message)
    this.name = 'BackendError'
    this.kind = kind
    this.code = code
    this.detail = detail
  }
}

/** Maps a PostgreSQL SQLSTATE (as carried by PostgREST and PGlite alike) to an error kind. */
export function errorKindFromSqlState(code: string | null | undefined): BackendErrorKind {
  if (!code) return 'unknown'
  if (code === 'PT409') return 'stale-update'
  if (code === '42501' || code === 'PGRST301' || code === 'PGRST302') return 'forbidden'
  if (code === 'PGRST116') return 'not-found'
  if (code.startsWith('23') || code.startsWith('22')) return 'invalid'
  return 'unknown'
}

export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error
  const e = (error ?? {}) as { code?: string; message?: string; details?: string; detail?: string }
  const message = e.message ?? String(error)
  if (error instanceof TypeError && /fetch|network/i.test(message)) {
    return new BackendError('network', message)
  }
  return new BackendError(
    errorKindFromSqlState(e.code),
    message,
    e.code ?? null,
    e.detail ?? e.details ?? null,
  )
}
