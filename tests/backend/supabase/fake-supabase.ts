import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js'
import { vi } from 'vitest'
import { createSupabaseBackend } from '@/backend/supabase/supabase-backend'
import { SHOP_COLUMNS } from '@/backend/sql-objects'

export const URL_BASE = 'https://project.supabase.test'

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/**
 * The Supabase adapter against a fake fetch that records every request and answers with
 * `respond`: supabase-js and the adapter's plain reads speak HTTP to it as to a real project.
 */
export function backendWith(
  respond: (url: URL, init: RequestInit) => Response,
  options: Pick<SupabaseClientOptions<'public'>, 'realtime'> = {},
) {
  const calls: { url: URL; init: RequestInit }[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    )
    calls.push({ url, init })
    return respond(url, init)
  })
  const client = createClient(URL_BASE, 'anon-key', {
    global: { fetch: fetchMock as unknown as typeof fetch },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    ...options,
  })
  return {
    backend: createSupabaseBackend(
      { url: URL_BASE, anonKey: 'anon-key', fetch: fetchMock as unknown as typeof fetch },
      client,
    ),
    calls,
  }
}

/** A shops row as PostgREST returns it, every shared column present (null when not given). */
export function shopRow(overrides: Record<string, unknown> = {}) {
  const values: Record<string, unknown> = {
    id: 's1',
    territory_slug: 'grand-poitiers',
    kind: 'commercant',
    name: 'Démo — Épicerie',
    category_slug: 'alimentation',
    location: '(0.34,46.58)',
    social_links: [],
    services: ['delivery'],
    status: 'open',
    published: true,
    source: 'demo',
    created_at: '2026-11-22T04:00:00.000001+00:00',
    updated_at: '2026-11-22T04:00:57.003123+00:00',
    ...overrides,
  }
  return Object.fromEntries(SHOP_COLUMNS.map((column) => [column, values[column] ?? null]))
}
