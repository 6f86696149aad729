import { useState } from 'react'
import {
  fieldEdited,
  mineKept,
  serverChanged,
  startDraft,
  theirsTaken,
  type LiveDraftState,
} from '../utils/live-draft'

/**
 * A form's draft that follows the server's `server` value (see live-draft.ts). The merge runs
 * while rendering, so a change made elsewhere shows in the same frame as the rest of the page.
 */
export interface LiveDraft<T extends object> {
  draft: T
  conflicts: Partial<T>
  setField: <K extends keyof T>(key: K, value: T[K]) => void
  keepMine: (key: keyof T) => void
  takeTheirs: (key: keyof T) => void
}

export function useLiveDraft<T extends object>(server: T): LiveDraft<T> {
  const serverKey = JSON.stringify(server)
  const [state, setState] = useState(() => ({ ...startDraft(server), serverKey }))
  let current: LiveDraftState<T> & { serverKey: string } = state
  if (state.serverKey !== serverKey) {
    current = { ...serverChanged(state, server), serverKey }
    setState(current)
  }
  return {
    draft: current.draft,
    conflicts: current.conflicts,
    setField: <K extends keyof T>(key: K, value: T[K]) =>
      setState((s) => ({ ...fieldEdited(s, key, value), serverKey: s.serverKey })),
    keepMine: (key: keyof T) => setState((s) => ({ ...mineKept(s, key), serverKey: s.serverKey })),
    takeTheirs: (key: keyof T) =>
      setState((s) => ({ ...theirsTaken(s, key), serverKey: s.serverKey })),
  }
}
