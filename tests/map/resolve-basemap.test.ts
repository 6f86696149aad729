import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StyleSpecification } from 'maplibre-gl'
import { resolveBasemap } from '@/map/resolve-basemap'

const FALLBACK = { version: 8, sources: {}, layers: [] } as StyleSpecification
const URL_ = 'https://tiles.example.org/styles/liberty'

afterEach(() => vi.unstubAllGlobals())

describe('resolveBasemap', () => {
  it('uses the configured style when it answers with a style document', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ version: 8, sources: {}, layers: [] }))),
    )
    expect(await resolveBasemap(URL_, FALLBACK)).toEqual({ version: 8, sources: {}, layers: [] })
  })

  it.each([
    ['the network fails', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['the server errs', () => Promise.resolve(new Response('nope', { status: 503 }))],
    [
      'the answer is not a style',
      () => Promise.resolve(new Response(JSON.stringify({ hello: 1 }))),
    ],
    ['the answer is not JSON', () => Promise.resolve(new Response('<html>'))],
  ])('falls back to the bundled style when %s', async (_case, answer) => {
    vi.stubGlobal('fetch', vi.fn(answer))
    expect(await resolveBasemap(URL_, FALLBACK)).toBe(FALLBACK)
  })

  it('falls back at once when no style is configured', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    expect(await resolveBasemap(null, FALLBACK)).toBe(FALLBACK)
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('gives up on a style that takes too long', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            ),
          ),
      ),
    )
    expect(await resolveBasemap(URL_, FALLBACK, 20)).toBe(FALLBACK)
  })
})
