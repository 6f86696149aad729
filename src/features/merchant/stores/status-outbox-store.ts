import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { SetShopStatusInput } from '@/backend/types'

export type OutboxProblem = { kind: 'conflict' } | { kind: 'refused'; message: string }

export interface PendingStatus {
  input: SetShopStatusInput
  queuedAt: string
  attempts: number
  lastError: string | null
}

interface OutboxState {
  /** At most one pending change per shop: a newer tap replaces an unsent one. */
  pending: Record<string, PendingStatus>
  /** Why the last change of a shop was not applied, until the merchant dismisses it. */
  problems: Record<string, OutboxProblem>
  statusQueued: (input: SetShopStatusInput) => void
  sendFailed: (shopId: string, error: string) => void
  sent: (shopId: string, queuedAt: string, newToken: string) => void
  refused: (shopId: string, problem: OutboxProblem) => void
  problemDismissed: (shopId: string) => void
}

/**
 * The merchant's unsent status changes, kept on the device (localStorage) so that a tap made
 * offline, or before a reload, is sent when the connection returns.
 */
export const useStatusOutboxStore = create<OutboxState>()(
  persist(
    (set) => ({
      pending: {},
      problems: {},
      statusQueued: (input) =>
        set((s) => {
          const previous = s.pending[input.shopId]
          // A newer tap keeps the concurrency token of the first unsent one: both are edits
          // of the version the merchant saw.
          const expectedUpdatedAt = previous?.input.expectedUpdatedAt ?? input.expectedUpdatedAt
          const { [input.shopId]: _dropped, ...problems } = s.problems
          return {
            pending: {
              ...s.pending,
              [input.shopId]: {
                input: { ...input, expectedUpdatedAt },
                queuedAt: new Date().toISOString(),
                attempts: 0,
                lastError: null,
              },
            },
            problems,
          }
        }),
      sendFailed: (shopId, error) =>
        set((s) => {
          const entry = s.pending[shopId]
          if (!entry) return s
          return {
            pending: {
              ...s.pending,
              [shopId]: { ...entry, attempts: entry.attempts + 1, lastError: error },
            },
          }
        }),
      sent: (shopId, queuedAt, newToken) =>
        set((s) => {
          const entry = s.pending[shopId]
          if (entry && entry.queuedAt !== queuedAt) {
            // A newer tap arrived while this one was on its way: it now edits the version this
            // send produced.
            return {
              pending: {
                ...s.pending,
                [shopId]: { ...entry, input: { ...entry.input, expectedUpdatedAt: newToken } },
              },
            }
          }
          const { [shopId]: _sent, ...pending } = s.pending
          return { pending }
        }),
      refused: (shopId, problem) =>
        set((s) => {
          const { [shopId]: _refused, ...pending } = s.pending
          return { pending, problems: { ...s.problems, [shopId]: problem } }
        }),
      problemDismissed: (shopId) =>
        set((s) => {
          const { [shopId]: _dismissed, ...problems } = s.problems
          return { problems }
        }),
    }),
    { name: 'vitrine.status-outbox', partialize: (s) => ({ pending: s.pending }) },
  ),
)
