import { useEffect } from 'react'
import { useBackend } from '@/backend/backend-context'
import { toBackendError } from '@/backend/errors'
import type { VitrineBackend } from '@/backend/port'
import {
  deviceStorageWorks,
  followOtherTabs,
  readStoredEntry,
  TAB_ID,
  useStatusOutboxStore,
  type PendingStatus,
} from '../stores/status-outbox-store'
import { serverHasStatus } from '../utils/status-equality'

const RETRY_MS = 15_000
const LOCK_NAME = 'vitrine.status-outbox'
const inFlight = new Set<string>()

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false

const webLocks = () => (typeof navigator !== 'undefined' ? navigator.locks : undefined)
const tabLockName = (tab: string) => `vitrine.tab.${tab}`

/**
 * Every tab of the device runs a sender; the Web Lock lets one send at a time, and the entry is
 * read again from the device inside it, so a tap another tab has just sent is not sent twice.
 */
function withOutboxLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = webLocks()
  return locks ? locks.request(LOCK_NAME, task) : task()
}

let tabLockHeld = false
/** While this tab lives it holds a lock named after it: the others know it is still there. */
function holdTabLock() {
  const locks = webLocks()
  if (!locks || tabLockHeld) return
  tabLockHeld = true
  void locks.request(tabLockName(TAB_ID), () => new Promise<never>(() => undefined))
}

/**
 * Whether this tab sends the entry: its own, or one whose tab was closed (a tap made before a
 * reload, or in a tab since closed). Another open tab's tap is that tab's to send, so that a
 * refusal ("modifié ailleurs") shows where the merchant tapped.
 */
async function isOurs(entry: PendingStatus): Promise<boolean> {
  if (!entry.tab || entry.tab === TAB_ID) return true
  const locks = webLocks()
  if (!locks) return true
  const { held = [] } = await locks.query()
  return !held.some((lock) => lock.name === tabLockName(entry.tab!))
}

/** The entry to send now: the device's copy, which another tab may have sent and removed. */
function currentEntry(shopId: string, inMemory: PendingStatus): PendingStatus | null {
  // Without storage (a third-party frame), this tab's copy is the only one.
  return deviceStorageWorks() ? readStoredEntry(shopId) : inMemory
}

async function sendOne(backend: VitrineBackend, shopId: string, entry: PendingStatus) {
  try {
    const shop = await backend.setShopStatus(entry.input)
    // The page shows the sent shop through the backend's report of the write.
    useStatusOutboxStore.getState().sent(shopId, entry.queuedAt, shop.updatedAt)
  } catch (caught) {
    const error = toBackendError(caught)
    if (error.kind === 'network' || error.kind === 'unavailable') {
      useStatusOutboxStore.getState().sendFailed(shopId, error.message)
    } else if (error.kind === 'stale-update') {
      // Either our own earlier send went through and its answer was lost, or someone else
      // changed the shop: the server's state tells which. Nothing is overwritten either way.
      // (The backend reported the refusal: the page reads the shop again.)
      const server = await backend.getShop(shopId).catch(() => null)
      if (server && serverHasStatus(server, entry.input)) {
        useStatusOutboxStore.getState().sent(shopId, entry.queuedAt, server.updatedAt)
      } else {
        useStatusOutboxStore
          .getState()
          .refused(shopId, { kind: 'conflict', input: entry.input }, entry.queuedAt)
      }
    } else {
      useStatusOutboxStore.getState().refused(shopId, { kind: 'refused', error }, entry.queuedAt)
    }
  }
}

/** Sends every pending status change once; what cannot be sent now stays queued. */
export async function flushStatusOutbox(backend: VitrineBackend): Promise<void> {
  if (isOffline()) return
  const store = useStatusOutboxStore.getState()
  for (const [shopId, queued] of Object.entries(store.pending)) {
    if (inFlight.has(shopId)) continue
    inFlight.add(shopId)
    try {
      await withOutboxLock(async () => {
        const entry = currentEntry(shopId, queued)
        if (!entry) {
          // Sent by another tab meanwhile.
          useStatusOutboxStore.getState().storedEntryChanged(shopId, null)
          return
        }
        if (await isOurs(entry)) await sendOne(backend, shopId, entry)
      })
    } finally {
      inFlight.delete(shopId)
    }
  }
  // A tap made here while this round was sending, or rebased onto its result, goes now.
  const left = useStatusOutboxStore.getState().pending
  if (
    Object.keys(left).some(
      (id) =>
        !inFlight.has(id) &&
        left[id]?.attempts === 0 &&
        (!left[id]?.tab || left[id]?.tab === TAB_ID),
    )
  ) {
    await flushStatusOutbox(backend)
  }
}

/**
 * Sends the outbox on start, on every new tap (this tab's or another's), when the connection
 * returns, and every 15 s.
 */
export function useStatusOutboxSender() {
  const backend = useBackend()
  useEffect(() => {
    const flush = () => void flushStatusOutbox(backend)
    holdTabLock()
    const stopFollowing = followOtherTabs()
    flush()
    // Only a new tap triggers a send; failures wait for 'online' or the timer.
    const unsubscribe = useStatusOutboxStore.subscribe((state, previous) => {
      const fresh = Object.entries(state.pending).some(
        ([shopId, entry]) => previous.pending[shopId]?.queuedAt !== entry.queuedAt,
      )
      if (fresh) flush()
    })
    window.addEventListener('online', flush)
    const timer = setInterval(() => {
      if (Object.keys(useStatusOutboxStore.getState().pending).length > 0) flush()
    }, RETRY_MS)
    return () => {
      stopFollowing()
      unsubscribe()
      window.removeEventListener('online', flush)
      clearInterval(timer)
    }
  }, [backend])
}
