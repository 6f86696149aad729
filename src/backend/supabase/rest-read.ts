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

/**
 * The access token supabase-js keeps in localStorage (`sb-<project ref>-auth-token`), while
 * supabase-js itself is still downloading; null when absent, unreadable or about to expire (the
 * client refreshes it once loaded, and the session change refreshes the lists).
 */
export function storedAccessToken(url: string, now = Date.now()): string | null {
  try {
    const ref = new URL(url).hostname.split('.')[0]
    const raw = globalThis.localStorage?.getItem(`sb-${ref}-auth-token`)
    if (!raw) return null
    const session = JSON.parse(raw) as { access_token?: unknown; expires_at?: unknown }
    if (typeof session.access_token !== 'string' || typeof session.expires_at !== 'number')
      return null
    return session.expires_at * 1000 > now + 30_000 ? session.access_token : null
  } catch {
    return null
  }
}
