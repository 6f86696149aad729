import { describe, expect, it } from 'vitest'
import { backendWith, json, shopRow } from './fake-supabase'
import type { BackendChange } from '@/backend/types'

// The port's promise: every write made here is reported to the listeners, and so is a refusal
// that tells that the record changed elsewhere (the app's cache follows from these reports).

function listening(respond: (url: URL) => Response) {
  const { backend } = backendWith(respond)
  const reported: BackendChange[] = []
  // Unsubscribed at the end of each test, before Realtime would connect (the page's idle time).
  const stop = backend.subscribe((change) => reported.push(change))
  return { backend, reported, stop }
}

const STALE = () => json({ code: 'PT409', message: 'stale_update', details: null, hint: null }, 409)

describe('Supabase adapter: reports', () => {
  it('reports a status written, with the shop as the database returned it', async () => {
    const { backend, reported, stop } = listening(() => json(shopRow({ status: 'closed' })))
    const shop = await backend.setShopStatus({
      shopId: 's1',
      status: 'closed',
      message: null,
      closedUntil: null,
      services: null,
      expectedUpdatedAt: '2026-11-22T04:00:00+00:00',
    })
    expect(reported).toEqual([
      { kind: 'shops', territorySlug: 'grand-poitiers', shopId: 's1', shop },
    ])
    stop()
  })

  it('reports a stale refusal as a change of that shop heard, and still throws it', async () => {
    const { backend, reported, stop } = listening(STALE)
    await expect(
      backend.updateShopDetails({
        shopId: 's1',
        openingHours: null,
        orderingInstructions: null,
        description: null,
        phone: null,
        email: null,
        website: null,
        socialLinks: [],
        expectedUpdatedAt: '2026-11-22T04:00:00+00:00',
      }),
    ).rejects.toMatchObject({ kind: 'stale-update' })
    expect(reported).toEqual([{ kind: 'shops', territorySlug: null, shopId: 's1' }])
    stop()
  })

  it('reports nothing when a write fails for another reason (nothing changed)', async () => {
    const { backend, reported, stop } = listening(() => {
      throw new TypeError('Failed to fetch')
    })
    await expect(backend.confirmShopStatus('s1', '2026-11-22T04:00:00+00:00')).rejects.toThrow()
    expect(reported).toEqual([])
    stop()
  })

  it('reports a publication as a change of the queue and of the territory’s shops', async () => {
    const { backend, reported, stop } = listening(() => json(shopRow({ id: 's9' })))
    const shop = await backend.publishSubmission('sub-1', '2026-11-22T04:00:00+00:00')
    expect(reported).toEqual([
      { kind: 'submissions', territorySlug: 'grand-poitiers' },
      { kind: 'shops', territorySlug: 'grand-poitiers', shopId: 's9', shop },
    ])
    stop()
  })

  it('reports invitations written, and a duplicate refused (someone invited meanwhile)', async () => {
    let duplicate = false
    const { backend, reported, stop } = listening(() =>
      duplicate
        ? json({ code: '23505', message: 'duplicate key', details: null, hint: null }, 409)
        : json({
            id: 'inv-1',
            shop_id: 's1',
            email: 'a@b.fr',
            role: 'staff',
            created_at: '2026-11-22T04:00:00+00:00',
            accepted_at: null,
          }),
    )
    await backend.inviteToShop('s1', 'A@B.fr', 'staff')
    duplicate = true
    await expect(backend.inviteToShop('s1', 'a@b.fr', 'staff')).rejects.toMatchObject({
      kind: 'invalid',
    })
    expect(reported).toEqual([
      { kind: 'members', shopIds: ['s1'] },
      { kind: 'members', shopIds: ['s1'] },
    ])
    stop()
  })

  it('reports an import that went in, not a dry run', async () => {
    const { backend, reported, stop } = listening(() =>
      json([{ line: 2, action: 'create', shop_id: null, message: null }]),
    )
    await backend.importShops('grand-poitiers', 'import', [], true)
    expect(reported).toEqual([])
    await backend.importShops('grand-poitiers', 'import', [], false)
    expect(reported).toEqual([{ kind: 'shops', territorySlug: 'grand-poitiers', shopId: null }])
    stop()
  })
})
