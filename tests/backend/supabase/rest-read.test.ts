import { afterEach, describe, expect, it } from 'vitest'
import { storedAccessToken } from '@/backend/supabase/rest-read'

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
