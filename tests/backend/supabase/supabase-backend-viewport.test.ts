import { describe, expect, it } from 'vitest'
import { backendWith, json, shopRow } from './fake-supabase'
import { BackendError } from '@/backend/errors'
import { SHOP_COLUMNS } from '@/backend/sql-objects'

describe('Supabase adapter: listShopsInViewport', () => {
  it('calls shops_in_viewport with named arguments and keeps the rows’ order', async () => {
    const { backend, calls } = backendWith(() =>
      json([shopRow({ id: 's2', name: 'Shop s2' }), shopRow({ id: 's1', name: 'Shop s1' })]),
    )
    const shops = await backend.listShopsInViewport({
      bounds: [0.1, 46.4, 0.6, 46.7],
      services: ['delivery'],
      categories: ['alimentation'],
      statuses: ['open'],
      query: 'épicerie',
      limit: 200,
    })
    expect(shops.map((s) => s.id)).toEqual(['s2', 's1'])
    expect(shops[0]?.location).toEqual({ lon: 0.34, lat: 46.58 })
    const { url, init } = calls[0]!
    expect(url.pathname).toBe('/rest/v1/rpc/shops_in_viewport')
    expect(init.method).toBe('POST')
    expect(url.searchParams.get('select')).toBe(SHOP_COLUMNS.join(','))
    expect(JSON.parse(String(init.body))).toEqual({
      west: 0.1,
      south: 46.4,
      east: 0.6,
      north: 46.7,
      services: ['delivery'],
      categories: ['alimentation'],
      kinds: null,
      statuses: ['open'],
      search: 'épicerie',
      row_limit: 200,
    })
  })

  it('sends absent or empty filters as null and the default limit', async () => {
    const { backend, calls } = backendWith(() => json([]))
    expect(await backend.listShopsInViewport({ bounds: [0, 46, 1, 47], services: [] })).toEqual([])
    expect(JSON.parse(String(calls[0]!.init.body))).toMatchObject({
      services: null,
      categories: null,
      kinds: null,
      statuses: null,
      search: null,
      row_limit: 500,
    })
  })

  it('turns the database’s refusal of a bad viewport into an invalid error', async () => {
    const { backend } = backendWith(() =>
      json(
        {
          code: '22023',
          message: 'invalid viewport: west must not exceed east nor south exceed north',
          details: null,
          hint: null,
        },
        400,
      ),
    )
    const error = await backend
      .listShopsInViewport({ bounds: [2, 46, 1, 47] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BackendError)
    expect(error).toMatchObject({ kind: 'invalid', code: '22023' })
    expect((error as Error).message).toMatch(/invalid viewport/)
  })
})
