/**
 * A form that stays live while someone else (another tab, another device) changes what it edits.
 * Three values per field: the server's value the merchant started from (`base`), what the form
 * holds (`draft`), and the server's newest value. A field the merchant has not touched follows
 * the server; a field they are typing in keeps their text, and a different newer value becomes a
 * conflict they settle themselves ("Garder ma saisie" / "Prendre la nouvelle valeur").
 */

export interface LiveDraftState<T extends object> {
  base: T
  draft: T
  /** Fields whose newer server value differs from the merchant's typing, with that value. */
  conflicts: Partial<T>
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

export function startDraft<T extends object>(server: T): LiveDraftState<T> {
  return { base: server, draft: server, conflicts: {} }
}

/** The state once the server's value became `server`. */
export function serverChanged<T extends object>(
  state: LiveDraftState<T>,
  server: T,
): LiveDraftState<T> {
  const draft = { ...state.draft }
  const conflicts: Partial<T> = {}
  for (const key of Object.keys(server) as (keyof T)[]) {
    const edited = !same(state.draft[key], state.base[key])
    if (!edited) {
      draft[key] = server[key]
    } else if (same(state.draft[key], server[key])) {
      // Both sides say the same thing now: nothing to settle.
    } else if (key in state.conflicts && same(state.base[key], server[key])) {
      conflicts[key] = state.conflicts[key]
    } else if (!same(state.base[key], server[key]) || key in state.conflicts) {
      conflicts[key] = server[key]
    }
  }
  return { base: server, draft, conflicts }
}

export function fieldEdited<T extends object, K extends keyof T>(
  state: LiveDraftState<T>,
  key: K,
  value: T[K],
): LiveDraftState<T> {
  return { ...state, draft: { ...state.draft, [key]: value } }
}

/** "Garder ma saisie": the typing stays, and is now an edit of the newer value. */
export function mineKept<T extends object>(state: LiveDraftState<T>, key: keyof T) {
  const { [key]: _settled, ...conflicts } = state.conflicts
  return { ...state, conflicts: conflicts as Partial<T> }
}

/** "Prendre la nouvelle valeur": the field shows the server's value again. */
export function theirsTaken<T extends object>(state: LiveDraftState<T>, key: keyof T) {
  const { [key]: _settled, ...conflicts } = state.conflicts
  return {
    ...state,
    draft: { ...state.draft, [key]: state.base[key] },
    conflicts: conflicts as Partial<T>,
  }
}
