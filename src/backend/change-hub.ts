import { BackendError } from './errors'
import type { BackendChange } from './types'

/**
 * The listeners of one backend, and the other tabs of this browser: a write made here is told to
 * both; a change heard (from another tab, the server) to this page only.
 */
export interface ChangeHub {
  /** A change this page made: told here and, unless `tabsHearIt`, to the other tabs. */
  report(change: BackendChange, options?: { tabsHearIt?: boolean }): void
  /** A change heard from elsewhere: told here only. */
  heard(change: BackendChange): void
  subscribe(listener: (change: BackendChange) => void): () => void
}

function openChannel(name: string): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name)
  } catch {
    return null
  }
}

/** `channelName` null: no other tab is told (storage refused, or nothing to share). */
export function createChangeHub(channelName: string | null): ChangeHub {
  const listeners = new Set<(change: BackendChange) => void>()
  const channel = channelName ? openChannel(channelName) : null
  const heard = (change: BackendChange) => {
    for (const listener of listeners) listener(change)
  }
  channel?.addEventListener('message', (event: MessageEvent<BackendChange>) => heard(event.data))
  return {
    report(change, options) {
      heard(change)
      if (!options?.tabsHearIt) channel?.postMessage(change)
    },
    heard,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** A write refused because the record changed since it was read (the usual case). */
export const isStaleRefusal = (error: BackendError) => error.kind === 'stale-update'

/** A refusal of a record that is gone or decided: a request withdrawn or published elsewhere. */
export const isGoneRefusal = (error: BackendError) =>
  error.kind === 'forbidden' || error.kind === 'stale-update'

/** A duplicate refused by a unique index: someone else made the same record meanwhile. */
export const isDuplicateRefusal = (error: BackendError) => error.code === '23505'

/**
 * Runs a write. Some refusals say that the record changed elsewhere (a stale version, a request
 * already decided, a member already removed): such a refusal is reported as a change heard, so
 * that the views read the record again.
 */
export async function refusalMeansChanged<T>(
  hub: ChangeHub,
  change: BackendChange,
  write: () => Promise<T>,
  saysChanged: (error: BackendError) => boolean = isStaleRefusal,
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (error instanceof BackendError && saysChanged(error)) hub.heard(change)
    throw error
  }
}
