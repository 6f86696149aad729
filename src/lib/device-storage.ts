/**
 * The device's localStorage, or null where there is none or the browser refuses it (a
 * third-party frame throws SecurityError on mere access): callers then keep things in memory.
 */
export function localStorageIfAllowed(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
