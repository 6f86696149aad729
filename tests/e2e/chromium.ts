/**
 * Debian's Chromium and its flags, shared by the browser tests and the benchmarks (bench/) so
 * that both measure the same rendering path. Never a downloaded browser.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium'

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Offline: no host name resolves except the local servers, so nothing (workers, browser
  // services) can reach the internet.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]
