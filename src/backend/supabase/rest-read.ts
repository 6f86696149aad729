import { toBackendError } from '../errors'

/**
 * A plain PostgREST read (GET with `select`, filters and order), for the shoppers' first lists:
 * it needs a few hundred bytes where supabase-js weighs 60 KB gzipped, so the list does not wait
 * for Auth and Realtime to download. Same tables, same columns, same policies.
 */
export interface RestReader {
  select<T>(table: string, params: [string, string][], signal?: AbortSignal): Promise<T[]>
}

export interface RestReaderOptions {
  url: string
  anonKey: string
  fetch?: typeof fetch
  /** The signed-in user's access token, or null for a visitor (the anon key is sent then). */
  accessToken(): Promise<string | null>
}

interface PostgrestErrorBody {
  code?: string
  message?: string
  details?: string | null
  hint?: string | null
}

export function createRestReader(options: RestReaderOptions): RestReader {
  const base = options.url.replace(/\/+$/, '')
  return {
    async select<T>(table: string, params: [string, string][], signal?: AbortSignal) {
      const token = (await options.accessToken()) ?? options.anonKey
      const doFetch = options.fetch ?? globalThis.fetch
      let response: Response
      try {
        response = await doFetch(`${base}/rest/v1/${table}?${new URLSearchParams(params)}`, {
          method: 'GET',
          headers: {
            apikey: options.anonKey,
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
          },
          ...(signal ? { signal } : {}),
        })
      } catch (error) {
        throw toBackendError(error)
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as PostgrestErrorBody | null
        throw toBackendError({
          code: body?.code ?? String(response.status),
          message: body?.message ?? `HTTP ${response.status} ${response.statusText}`,
          details: body?.details ?? null,
        })
      }
      return (await response.json()) as T[]
    },
  }
}

export interface StoredSession {
  accessToken: string
  /** Seconds since the epoch. */
  expiresAt: number
  user: { id: string; email?: string | null; user_metadata?: Record<string, unknown> } | null
}

/**
 * The session supabase-js keeps in localStorage (`sb-<project ref>-auth-token`), readable while
 * supabase-js itself is still downloading; null when absent or unreadable.
 */
export function storedSession(url: string): StoredSession | null {
  try {
    const ref = new URL(url).hostname.split('.')[0]
    const raw = globalThis.localStorage?.getItem(`sb-${ref}-auth-token`)
    if (!raw) return null
    const session = JSON.parse(raw) as {
      access_token?: unknown
      expires_at?: unknown
      user?: unknown
    }
    if (typeof session.access_token !== 'string' || typeof session.expires_at !== 'number')
      return null
    const user =
      session.user && typeof session.user === 'object' && 'id' in session.user
        ? (session.user as StoredSession['user'])
        : null
    return { accessToken: session.access_token, expiresAt: session.expires_at, user }
  } catch {
    return null
  }
}

/** Whether a stored session is still good for a while (supabase-js refreshes it otherwise). */
export function isFresh(session: StoredSession, now = Date.now()): boolean {
  return session.expiresAt * 1000 > now + 30_000
}

/**
 * The stored access token while supabase-js is downloading; null when absent, unreadable or
 * about to expire (the client refreshes it once loaded, and the session change refreshes the
 * lists).
 */
export function storedAccessToken(url: string, now = Date.now()): string | null {
  const session = storedSession(url)
  return session && isFresh(session, now) ? session.accessToken : null
}

/** A magic link's return (tokens or a code in the URL): supabase-js must read it at once. */
export function isAuthCallback(location: { hash: string; search: string }): boolean {
  return (
    /(^|[#&])(access_token|error_description)=/.test(location.hash) ||
    /[?&]code=/.test(location.search)
  )
}
