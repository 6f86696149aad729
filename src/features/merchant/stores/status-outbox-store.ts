import { create } from 'zustand'
import type { SetShopStatusInput } from '@/backend/types'
import { localStorageIfAllowed } from '@/lib/device-storage'

/**
 * Why the last change of a shop was not applied, until the merchant acts on it. A conflict keeps
 * the refused change, so that the merchant can apply it again, on the newer state, in one tap.
 */
export type OutboxProblem =
  { kind: 'conflict'; input: SetShopStatusInput } | { kind: 'refused'; error: unknown }

export interface PendingStatus {
  input: SetShopStatusInput
  queuedAt: string
  attempts: number
  lastError: string | null
  /** The tab that queued it: that tab sends it (and shows a refusal) while it is open. */
  tab?: string
}

/** This tab, for as long as its page lives. */
export const TAB_ID: string =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random()}`

interface OutboxState {
  /** At most one pending change per shop: a newer tap replaces an unsent one. */
  pending: Record<string, PendingStatus>
  problems: Record<string, OutboxProblem>
  statusQueued: (input: SetShopStatusInput) => void
  sendFailed: (shopId: string, error: string) => void
  sent: (shopId: string, queuedAt: string, newToken: string) => void
  /** The tap queued at `queuedAt` was refused; a newer tap of the shop stays queued. */
  refused: (shopId: string, problem: OutboxProblem, queuedAt?: string) => void
  problemDismissed: (shopId: string) => void
  /** Another tab queued, sent or dropped a change of this shop. */
  storedEntryChanged: (shopId: string, entry: PendingStatus | null) => void
  /** The demonstration data were reset: unsent changes edit versions that no longer exist. */
  demoDataReset: () => void
}

// One key per shop, so that two tabs queueing changes of two shops never overwrite each other's.
const KEY_PREFIX = 'vitrine.status-outbox.'
// The earlier single-key format: every tab wrote its whole map of pending taps.
const LEGACY_KEY = 'vitrine.status-outbox'

export const outboxKey = (shopId: string) => `${KEY_PREFIX}${shopId}`

// A third-party frame with storage denied: the outbox lives in memory only.
const storage = localStorageIfAllowed

function isPendingStatus(value: unknown): value is PendingStatus {
  const entry = value as PendingStatus | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.queuedAt === 'string' &&
    typeof entry.input === 'object' &&
    entry.input !== null &&
    typeof entry.input.shopId === 'string'
  )
}

export function parseStoredEntry(raw: string | null): PendingStatus | null {
  if (!raw) return null
  try {
    const parsed: unknown = JSON.parse(raw)
    return isPendingStatus(parsed) ? parsed : null
  } catch {
    return null
  }
}

/** The entry of a shop as the device holds it now (another tab may have changed it). */
export function readStoredEntry(shopId: string): PendingStatus | null {
  try {
    return parseStoredEntry(storage()?.getItem(outboxKey(shopId)) ?? null)
  } catch {
    return null
  }
}

let storageWorks: boolean | null = null

/** Whether this tab can keep the outbox on the device (checked once). */
export function deviceStorageWorks(): boolean {
  if (storageWorks !== null) return storageWorks
  try {
    const store = storage()
    if (!store) return (storageWorks = false)
    store.setItem(`${KEY_PREFIX}probe`, '1')
    store.removeItem(`${KEY_PREFIX}probe`)
    storageWorks = true
  } catch {
    storageWorks = false
  }
  return storageWorks
}

function writeEntry(shopId: string, entry: PendingStatus | null) {
  try {
    const store = storage()
    if (!store) return
    if (entry) store.setItem(outboxKey(shopId), JSON.stringify(entry))
    else store.removeItem(outboxKey(shopId))
  } catch {
    // Storage full or denied: the change stays in memory and is still sent from this tab.
  }
}

function readAll(): Record<string, PendingStatus> {
  const store = storage()
  const pending: Record<string, PendingStatus> = {}
  if (!store) return pending
  try {
    const legacy = store.getItem(LEGACY_KEY)
    if (legacy) {
      const parsed = JSON.parse(legacy) as { state?: { pending?: Record<string, unknown> } }
      for (const entry of Object.values(parsed.state?.pending ?? {})) {
        if (isPendingStatus(entry)) writeEntry(entry.input.shopId, entry)
      }
      store.removeItem(LEGACY_KEY)
    }
  } catch {
    // An unreadable old outbox is dropped rather than blocking the new one.
  }
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index)
    if (!key?.startsWith(KEY_PREFIX) || key === `${KEY_PREFIX}probe`) continue
    const entry = parseStoredEntry(store.getItem(key))
    if (entry) pending[key.slice(KEY_PREFIX.length)] = entry
  }
  return pending
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record
  return rest
}

/**
 * The merchant's unsent status changes, kept on the device (localStorage, one key per shop) so
 * that a tap made offline, or before a reload, is sent when the connection returns; every tab of
 * the device sees every tab's taps.
 */
export const useStatusOutboxStore = create<OutboxState>()((set) => ({
  pending: readAll(),
  problems: {},
  statusQueued: (input) =>
    set((s) => {
      const previous = s.pending[input.shopId]
      // A newer tap keeps the concurrency token of the first unsent one: both are edits of the
      // version the merchant saw.
      const expectedUpdatedAt = previous?.input.expectedUpdatedAt ?? input.expectedUpdatedAt
      const entry: PendingStatus = {
        input: { ...input, expectedUpdatedAt },
        queuedAt: new Date().toISOString(),
        attempts: 0,
        lastError: null,
        tab: TAB_ID,
      }
      writeEntry(input.shopId, entry)
      return {
        pending: { ...s.pending, [input.shopId]: entry },
        problems: without(s.problems, input.shopId),
      }
    }),
  sendFailed: (shopId, error) =>
    set((s) => {
      const entry = s.pending[shopId]
      if (!entry) return s
      const next = { ...entry, attempts: entry.attempts + 1, lastError: error }
      writeEntry(shopId, next)
      return { pending: { ...s.pending, [shopId]: next } }
    }),
  sent: (shopId, queuedAt, newToken) =>
    set((s) => {
      // The device's copy first: another tab may have queued a newer tap for this shop while
      // this one was on its way, and this tab may not have heard of it yet.
      const entry = readStoredEntry(shopId) ?? s.pending[shopId]
      if (entry && entry.queuedAt !== queuedAt) {
        // A newer tap arrived while this one was on its way: it now edits the version this send
        // produced.
        const next = { ...entry, input: { ...entry.input, expectedUpdatedAt: newToken } }
        writeEntry(shopId, next)
        return { pending: { ...s.pending, [shopId]: next } }
      }
      writeEntry(shopId, null)
      return { pending: without(s.pending, shopId) }
    }),
  refused: (shopId, problem, queuedAt) =>
    set((s) => {
      const entry = readStoredEntry(shopId) ?? s.pending[shopId]
      const problems = { ...s.problems, [shopId]: problem }
      // A newer tap (perhaps another tab's) stays queued: its own send decides.
      if (entry && queuedAt !== undefined && entry.queuedAt !== queuedAt) return { problems }
      writeEntry(shopId, null)
      return { pending: without(s.pending, shopId), problems }
    }),
  problemDismissed: (shopId) => set((s) => ({ problems: without(s.problems, shopId) })),
  storedEntryChanged: (shopId, entry) =>
    set((s) => {
      const current = s.pending[shopId]
      if (entry) {
        if (current && JSON.stringify(current) === JSON.stringify(entry)) return s
        return { pending: { ...s.pending, [shopId]: entry } }
      }
      return current ? { pending: without(s.pending, shopId) } : s
    }),
  demoDataReset: () =>
    set((s) => {
      for (const shopId of Object.keys(s.pending)) writeEntry(shopId, null)
      return { pending: {}, problems: {} }
    }),
}))

/** Keeps this tab's outbox in step with the other tabs' (the `storage` event). Returns stop. */
export function followOtherTabs(): () => void {
  if (typeof window === 'undefined') return () => undefined
  const onStorage = (event: StorageEvent) => {
    if (!event.key?.startsWith(KEY_PREFIX)) return
    const shopId = event.key.slice(KEY_PREFIX.length)
    useStatusOutboxStore.getState().storedEntryChanged(shopId, parseStoredEntry(event.newValue))
  }
  window.addEventListener('storage', onStorage)
  return () => window.removeEventListener('storage', onStorage)
}
