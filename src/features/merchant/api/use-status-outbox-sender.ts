import { useEffect } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'
import { toBackendError } from '@/backend/errors'
import type { VitrineBackend } from '@/backend/port'
import { placesKeys } from '@/features/places/api/places-keys'
import { useStatusOutboxStore } from '../stores/status-outbox-store'
import { serverHasStatus } from '../utils/status-equality'
import { merchantKeys } from './merchant-keys'

const RETRY_MS = 15_000
const inFlight = new Set<string>()

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false

/** Sends every pending status change once; what cannot be sent now stays queued. */
export async function flushStatusOutbox(
  backend: VitrineBackend,
  queryClient: QueryClient,
): Promise<void> {
  if (isOffline()) return
  const store = useStatusOutboxStore.getState()
  for (const [shopId, entry] of Object.entries(store.pending)) {
    if (inFlight.has(shopId)) continue
    inFlight.add(shopId)
    try {
      const shop = await backend.setShopStatus(entry.input)
      useStatusOutboxStore.getState().sent(shopId, entry.queuedAt, shop.updatedAt)
      queryClient.setQueryData(merchantKeys.shop(shopId), shop)
    } catch (caught) {
      const error = toBackendError(caught)
      if (error.kind === 'network' || error.kind === 'unavailable') {
        useStatusOutboxStore.getState().sendFailed(shopId, error.message)
      } else if (error.kind === 'stale-update') {
        // Either our own earlier send went through and its answer was lost, or someone else
        // changed the shop: the server's state tells which. Nothing is overwritten either way.
        const server = await backend.getShop(shopId).catch(() => null)
        if (server) queryClient.setQueryData(merchantKeys.shop(shopId), server)
        if (server && serverHasStatus(server, entry.input)) {
          useStatusOutboxStore.getState().sent(shopId, entry.queuedAt, server.updatedAt)
        } else {
          useStatusOutboxStore.getState().refused(shopId, { kind: 'conflict' })
        }
      } else {
        useStatusOutboxStore.getState().refused(shopId, { kind: 'refused', message: error.message })
      }
    } finally {
      inFlight.delete(shopId)
      void queryClient.invalidateQueries({ queryKey: merchantKeys.history(shopId) })
      void queryClient.invalidateQueries({ queryKey: placesKeys.all })
    }
  }
  // A tap made while this round was sending, or rebased onto its result, goes now.
  const left = useStatusOutboxStore.getState().pending
  if (Object.keys(left).some((id) => !inFlight.has(id) && left[id]?.attempts === 0)) {
    await flushStatusOutbox(backend, queryClient)
  }
}

/** Sends the outbox on start, on every new tap, when the connection returns, and every 15 s. */
export function useStatusOutboxSender() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  useEffect(() => {
    const flush = () => void flushStatusOutbox(backend, queryClient)
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
      unsubscribe()
      window.removeEventListener('online', flush)
      clearInterval(timer)
    }
  }, [backend, queryClient])
}
