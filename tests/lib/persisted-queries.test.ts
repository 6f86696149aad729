import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { persistQueries } from '@/lib/persisted-queries'

const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })
const STORAGE_KEY = 'vitrine.queries'

afterEach(() => {
  vi.useRealTimers()
})

describe('persistQueries', () => {
  it('keeps a signed-in merchant’s shops and the territories for the next visit, offline', async () => {
    vi.useFakeTimers()
    const first = newClient()
    const stop = persistQueries(first)
    first.setQueryData(['account', 'session'], { id: 'u1' })
    first.setQueryData(['merchant', 'my-shops', 'u1'], [{ id: 's1', name: 'Boulangerie' }])
    first.setQueryData(['places', 'territories'], [{ slug: 'niort-agglo' }])
    first.setQueryData(['places', 'shops', 'niort-agglo'], [{ id: 'big list' }])
    await vi.advanceTimersByTimeAsync(1_000)
    stop()

    const next = newClient()
    persistQueries(next)()
    expect(next.getQueryData(['merchant', 'my-shops', 'u1'])).toEqual([
      { id: 's1', name: 'Boulangerie' },
    ])
    expect(next.getQueryData(['places', 'territories'])).toEqual([{ slug: 'niort-agglo' }])
    // Shoppers' lists are not kept, and who is signed in is the backend's to say.
    expect(next.getQueryData(['places', 'shops', 'niort-agglo'])).toBeUndefined()
    expect(next.getQueryData(['account', 'session'])).toBeUndefined()
    // What was put back is read again as soon as a page uses it.
    expect(next.getQueryState(['merchant', 'my-shops', 'u1'])?.isInvalidated).toBe(true)
  })

  it('keeps no one’s shops once signed out', async () => {
    vi.useFakeTimers()
    const client = newClient()
    const stop = persistQueries(client)
    client.setQueryData(['account', 'session'], { id: 'u1' })
    client.setQueryData(['merchant', 'my-shops', 'u1'], [{ id: 's1' }])
    await vi.advanceTimersByTimeAsync(1_000)
    client.setQueryData(['account', 'session'], null)
    await vi.advanceTimersByTimeAsync(1_000)
    stop()
    expect(localStorage.getItem(STORAGE_KEY)).not.toContain('s1')
  })

  it('drops a copy older than a week, and an unreadable one', () => {
    const now = Date.UTC(2026, 11, 7)
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        format: 1,
        savedAt: now - 8 * 24 * 3600 * 1000,
        state: {
          mutations: [],
          queries: [
            {
              queryKey: ['places', 'territories'],
              queryHash: '["places","territories"]',
              state: { data: [{ slug: 'old' }], status: 'success', dataUpdatedAt: 1 },
            },
          ],
        },
      }),
    )
    const client = newClient()
    persistQueries(client, () => now)()
    expect(client.getQueryData(['places', 'territories'])).toBeUndefined()

    localStorage.setItem(STORAGE_KEY, '{not json')
    const other = newClient()
    expect(() => persistQueries(other)()).not.toThrow()
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('works, keeping nothing, where storage is refused', () => {
    const refused = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError')
    })
    try {
      const client = newClient()
      expect(() => persistQueries(client)()).not.toThrow()
    } finally {
      refused.mockRestore()
    }
  })
})
