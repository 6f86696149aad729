import { afterEach, describe, expect, it, vi } from 'vitest'
import { isAuthCallback, storedAccessToken } from '@/backend/supabase/rest-read'
import { createSupabaseBackend } from '@/backend/supabase/supabase-backend'

const URL_BASE = 'https://abcdefgh.supabase.co'
const KEY = 'sb-abcdefgh-auth-token'
const NOW = Date.parse('2026-12-01T12:00:00Z')

afterEach(() => localStorage.clear())

describe('storedAccessToken (before supabase-js has loaded)', () => {
  it('reads the session supabase-js stored for this project', () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ access_token: 'user-jwt', expires_at: NOW / 1000 + 3600 }),
    )
    expect(storedAccessToken(URL_BASE, NOW)).toBe('user-jwt')
  })

  it('ignores a token about to expire (supabase-js refreshes it once loaded)', () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ access_token: 'user-jwt', expires_at: NOW / 1000 + 10 }),
    )
    expect(storedAccessToken(URL_BASE, NOW)).toBeNull()
  })

  it('is null without a session, with another project’s, or with garbage', () => {
    expect(storedAccessToken(URL_BASE, NOW)).toBeNull()
    localStorage.setItem(
      'sb-other-auth-token',
      JSON.stringify({ access_token: 'x', expires_at: NOW / 1000 + 3600 }),
    )
    expect(storedAccessToken(URL_BASE, NOW)).toBeNull()
    localStorage.setItem(KEY, '{not json')
    expect(storedAccessToken(URL_BASE, NOW)).toBeNull()
    localStorage.setItem(KEY, JSON.stringify({ access_token: 42, expires_at: 'soon' }))
    expect(storedAccessToken(URL_BASE, NOW)).toBeNull()
  })
})

describe('isAuthCallback', () => {
  it('spots a magic link coming back, and nothing else', () => {
    expect(isAuthCallback({ hash: '#access_token=x&refresh_token=y', search: '' })).toBe(true)
    expect(isAuthCallback({ hash: '', search: '?code=abc' })).toBe(true)
    expect(isAuthCallback({ hash: '#error_description=expired', search: '' })).toBe(true)
    expect(isAuthCallback({ hash: '', search: '?services=delivery' })).toBe(false)
  })
})

describe('Supabase adapter before supabase-js has loaded', () => {
  it('answers the session and the first list from storage and PostgREST alone', async () => {
    localStorage.setItem(
      'sb-abcdefgh-auth-token',
      JSON.stringify({
        access_token: 'user-jwt',
        expires_at: Math.floor(Date.now() / 1000) + 3600,
        user: { id: 'u1', email: 'camille@example.fr', user_metadata: { display_name: 'Camille' } },
      }),
    )
    const requests: string[] = []
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      requests.push(`${String(input)} ${new Headers(init.headers).get('Authorization')}`)
      return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })
    })
    const backend = createSupabaseBackend({
      url: URL_BASE,
      anonKey: 'anon-key',
      fetch: fetchMock as unknown as typeof fetch,
    })
    await expect(backend.getSessionUser()).resolves.toEqual({
      id: 'u1',
      email: 'camille@example.fr',
      displayName: 'Camille',
    })
    await backend.listTerritories()
    // No Auth request: only the list, as the signed-in user.
    expect(requests).toEqual([
      expect.stringMatching(
        /^https:\/\/abcdefgh\.supabase\.co\/rest\/v1\/territories\?.* Bearer user-jwt$/,
      ),
    ])
  })

  it('says nobody is signed in without a stored session, without loading supabase-js', async () => {
    const fetchMock = vi.fn()
    const backend = createSupabaseBackend({
      url: URL_BASE,
      anonKey: 'anon-key',
      fetch: fetchMock as unknown as typeof fetch,
    })
    await expect(backend.getSessionUser()).resolves.toBeNull()
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
