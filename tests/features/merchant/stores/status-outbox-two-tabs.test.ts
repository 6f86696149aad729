import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SetShopStatusInput } from '@/backend/types'
import {
  followOtherTabs,
  outboxKey,
  useStatusOutboxStore,
} from '@/features/merchant/stores/status-outbox-store'

const tap = (shopId: string, status: 'open' | 'closed' = 'closed'): SetShopStatusInput => ({
  shopId,
  status,
  message: null,
  closedUntil: null,
  services: [],
  expectedUpdatedAt: 'token-1',
})

/** An entry as another tab of the device wrote it. */
const queuedInAnotherTab = (shopId: string) => ({
  input: tap(shopId),
  queuedAt: '2026-12-07T08:00:00Z',
  attempts: 0,
  lastError: null,
  tab: 'another-tab',
})

/** What the browser does in the other tabs of the device when this one writes the key. */
function otherTabWrites(key: string, value: string | null) {
  if (value === null) localStorage.removeItem(key)
  else localStorage.setItem(key, value)
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: value }))
}

let stop: () => void
beforeEach(() => {
  stop = followOtherTabs()
})
afterEach(() => stop())

describe('one outbox per device', () => {
  it('keeps each shop’s tap under its own key, so two tabs never overwrite each other', () => {
    useStatusOutboxStore.getState().statusQueued(tap('shop-a'))
    // Another tab queues a tap for another shop: it writes only its shop's key.
    const other = queuedInAnotherTab('shop-b')
    otherTabWrites(outboxKey('shop-b'), JSON.stringify(other))
    expect(Object.keys(useStatusOutboxStore.getState().pending).sort()).toEqual([
      'shop-a',
      'shop-b',
    ])
    // This tab's next write does not erase the other's.
    useStatusOutboxStore.getState().statusQueued(tap('shop-a', 'open'))
    expect(localStorage.getItem(outboxKey('shop-b'))).not.toBeNull()
    expect(JSON.parse(localStorage.getItem(outboxKey('shop-a'))!).input.status).toBe('open')
  })

  it('drops a tap another tab has sent', () => {
    const other = queuedInAnotherTab('shop-b')
    otherTabWrites(outboxKey('shop-b'), JSON.stringify(other))
    otherTabWrites(outboxKey('shop-b'), null)
    expect(useStatusOutboxStore.getState().pending['shop-b']).toBeUndefined()
  })

  it('ignores a garbled entry', () => {
    otherTabWrites(outboxKey('shop-c'), '{not json')
    expect(useStatusOutboxStore.getState().pending['shop-c']).toBeUndefined()
  })

  it('a sent tap leaves the device', () => {
    useStatusOutboxStore.getState().statusQueued(tap('shop-a'))
    const { queuedAt } = useStatusOutboxStore.getState().pending['shop-a']!
    useStatusOutboxStore.getState().sent('shop-a', queuedAt, 'token-2')
    expect(localStorage.getItem(outboxKey('shop-a'))).toBeNull()
  })

  it('the demo reset empties the outbox', () => {
    useStatusOutboxStore.getState().statusQueued(tap('shop-a'))
    useStatusOutboxStore.getState().demoDataReset()
    expect(useStatusOutboxStore.getState().pending).toEqual({})
    expect(localStorage.getItem(outboxKey('shop-a'))).toBeNull()
  })
})

describe('a send that races with another tab’s newer tap', () => {
  it('rebases the newer tap it has not heard of yet instead of erasing it', () => {
    useStatusOutboxStore.getState().statusQueued(tap('shop-a'))
    const { queuedAt } = useStatusOutboxStore.getState().pending['shop-a']!
    // Another tab queues a newer tap for the same shop; this tab has not had the event yet.
    const newer = { ...queuedInAnotherTab('shop-a'), queuedAt: '2999-01-01T00:00:00Z' }
    localStorage.setItem(outboxKey('shop-a'), JSON.stringify(newer))
    useStatusOutboxStore.getState().sent('shop-a', queuedAt, 'token-2')
    const stored = JSON.parse(localStorage.getItem(outboxKey('shop-a'))!)
    expect(stored.queuedAt).toBe('2999-01-01T00:00:00Z')
    expect(stored.input.expectedUpdatedAt).toBe('token-2')
  })

  it('keeps a newer tap queued when an older one is refused', () => {
    useStatusOutboxStore.getState().statusQueued(tap('shop-a'))
    const { queuedAt, input } = useStatusOutboxStore.getState().pending['shop-a']!
    const newer = { ...queuedInAnotherTab('shop-a'), queuedAt: '2999-01-01T00:00:00Z' }
    localStorage.setItem(outboxKey('shop-a'), JSON.stringify(newer))
    useStatusOutboxStore.getState().refused('shop-a', { kind: 'conflict', input }, queuedAt)
    expect(localStorage.getItem(outboxKey('shop-a'))).not.toBeNull()
    expect(useStatusOutboxStore.getState().problems['shop-a']?.kind).toBe('conflict')
  })
})
