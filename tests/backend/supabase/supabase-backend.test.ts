import { describe, expect, it } from 'vitest'
import { backendWith, json, shopRow } from './fake-supabase'
import { BackendError } from '@/backend/errors'
import { SHOP_COLUMNS } from '@/backend/sql-objects'

describe('Supabase adapter', () => {
  it('lists a territory’s shops from the shops table with the shared column list', async () => {
    const { backend, calls } = backendWith(() => json([shopRow()]))
    const shops = await backend.listShops('grand-poitiers')
    expect(shops).toHaveLength(1)
    expect(shops[0]?.location).toEqual({ lon: 0.34, lat: 46.58 })
    expect(shops[0]?.updatedAt).toBe('2026-11-22T04:00:57.003123+00:00')
    const { url } = calls[0]!
    expect(url.pathname).toBe('/rest/v1/shops')
    expect(url.searchParams.get('select')).toBe(SHOP_COLUMNS.join(','))
    expect(url.searchParams.get('territory_slug')).toBe('eq.grand-poitiers')
    expect(url.searchParams.get('order')).toBe('name.asc,id.asc')
    // A visitor: the anon key both as the API key and as the bearer (PostgREST's anon role).
    const headers = new Headers(calls[0]!.init.headers)
    expect(headers.get('apikey')).toBe('anon-key')
    expect(headers.get('authorization')).toBe('Bearer anon-key')
  })

  it('reports a PostgREST refusal of a list as the backend error, with its code', async () => {
    const { backend } = backendWith(() =>
      json({ code: '42501', message: 'permission denied for table shops', details: null }, 401),
    )
    await expect(backend.listShops('grand-poitiers')).rejects.toMatchObject({
      kind: 'forbidden',
      code: '42501',
    })
  })

  it('reports a list that cannot be fetched as a network error', async () => {
    const { backend } = backendWith(() => {
      throw new TypeError('Failed to fetch')
    })
    await expect(backend.listTerritories()).rejects.toMatchObject({ kind: 'network' })
  })

  it('calls set_shop_status with named arguments, including the concurrency token', async () => {
    const { backend, calls } = backendWith(() => json(shopRow({ status: 'closed' })))
    const shop = await backend.setShopStatus({
      shopId: 's1',
      status: 'closed',
      message: 'Congés',
      closedUntil: '2026-12-01',
      services: ['delivery'],
      expectedUpdatedAt: '2026-11-22T04:00:57.003123+00:00',
    })
    expect(shop.status).toBe('closed')
    const { url, init } = calls[0]!
    expect(url.pathname).toBe('/rest/v1/rpc/set_shop_status')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({
      shop_id: 's1',
      status: 'closed',
      message: 'Congés',
      closed_until: '2026-12-01',
      services: ['delivery'],
      expected_updated_at: '2026-11-22T04:00:57.003123+00:00',
    })
  })

  it('turns the database’s stale-update refusal into a stale-update error', async () => {
    const { backend } = backendWith(() =>
      json(
        {
          code: 'PT409',
          message: 'stale_update: the shop changed since it was loaded',
          details: null,
          hint: null,
        },
        409,
      ),
    )
    const failure = backend.setShopStatus({
      shopId: 's1',
      status: 'open',
      message: null,
      closedUntil: null,
      services: null,
      expectedUpdatedAt: '2026-11-22T04:00:00+00:00',
    })
    await expect(failure).rejects.toBeInstanceOf(BackendError)
    await expect(failure).rejects.toMatchObject({ kind: 'stale-update', code: 'PT409' })
  })

  it('turns a refused write into a forbidden error', async () => {
    const { backend } = backendWith(() =>
      json({ code: '42501', message: 'not allowed to change the status of this shop' }, 403),
    )
    await expect(
      backend.setShopStatus({
        shopId: 's1',
        status: 'open',
        message: null,
        closedUntil: null,
        services: null,
        expectedUpdatedAt: 'x',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('offers e-mail sign-in and no demo accounts', () => {
    const { backend } = backendWith(() => json([]))
    expect(backend.signInMethods()).toEqual({ demoAccounts: [], email: true })
  })

  it('asks Supabase Auth for a one-time code by e-mail', async () => {
    const { backend, calls } = backendWith(() => json({}))
    await expect(backend.signIn({ kind: 'email-code-request', email: 'a@b.fr' })).resolves.toEqual({
      kind: 'email-sent',
    })
    expect(calls[0]!.url.pathname).toBe('/auth/v1/otp')
    expect(JSON.parse(String(calls[0]!.init.body))).toMatchObject({ email: 'a@b.fr' })
  })
})

describe('Supabase adapter: every stale-checked write', () => {
  const stale = () =>
    json(
      {
        code: 'PT409',
        message: 'stale_update: the shop changed since it was loaded',
        details: '2026-12-07 08:00:00+00',
        hint: null,
      },
      409,
    )

  it('update_shop_details refused as stale is the same typed error', async () => {
    const { backend } = backendWith(stale)
    await expect(
      backend.updateShopDetails({
        shopId: 's1',
        openingHours: null,
        orderingInstructions: null,
        description: 'Pain au levain',
        phone: null,
        email: null,
        website: null,
        socialLinks: [],
        expectedUpdatedAt: '2026-11-22T04:00:00+00:00',
      }),
    ).rejects.toMatchObject({ kind: 'stale-update', code: 'PT409' })
  })

  it('confirm_shop_status refused as stale is the same typed error', async () => {
    const { backend } = backendWith(stale)
    await expect(
      backend.confirmShopStatus('s1', '2026-11-22T04:00:00+00:00'),
    ).rejects.toMatchObject({ kind: 'stale-update', code: 'PT409' })
  })

  it('a refused value names its column', async () => {
    const { backend } = backendWith(() =>
      json(
        {
          code: '23514',
          message: 'new row for relation "shops" violates check constraint "shops_phone_check"',
          details: null,
          hint: null,
        },
        400,
      ),
    )
    await expect(
      backend.updateShopDetails({
        shopId: 's1',
        openingHours: null,
        orderingInstructions: null,
        description: null,
        phone: 'abc',
        email: null,
        website: null,
        socialLinks: [],
        expectedUpdatedAt: '2026-11-22T04:00:00+00:00',
      }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'phone' })
  })
})
