/**
 * Files loaded outside the page's own requests (a Web Worker's script and what it loads), named
 * here so that they can be kept for offline use with the page's own files.
 */
const files = new Set<string>()

export function keepForOffline(url: string | URL): void {
  if (typeof window === 'undefined') return
  files.add(new URL(url, window.location.href).href)
}

/** The service worker's runtime caches (src/app/pwa-config.ts) keep what is under these. */
const CACHED_AT_RUN_TIME = ['/assets/', '/embedded/', '/data/']

/**
 * Everything this visit loaded that the service worker would cache at run time: on the first
 * visit, the page starts before the service worker is in charge, so these went to the network
 * only, and the app would not open offline.
 */
export function filesThisVisitUsed(): string[] {
  const origin = window.location.origin
  const loaded = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .concat([...files])
  return [
    ...new Set(
      loaded.filter((name) => {
        const url = new URL(name)
        return (
          url.origin === origin && CACHED_AT_RUN_TIME.some((path) => url.pathname.startsWith(path))
        )
      }),
    ),
  ]
}
