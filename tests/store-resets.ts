/** The initial states of the app's Zustand stores, restored after each test (tests/setup.ts). */
export const storeResets = new Set<() => void>()

export function resetAllStores(): void {
  for (const reset of storeResets) reset()
}
