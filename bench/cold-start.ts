/**
 * Cold start of the shopper page in Debian's headless Chromium: the performance marks the app
 * sets itself, read from a fresh browser context (first visit) and after a reload in the same
 * context (repeat visit: HTTP cache, IndexedDB and localStorage kept), unthrottled or with
 * Lighthouse's mobile "slow 4G" profile applied through the Chrome DevTools Protocol.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

// The browser tests' Chromium and flags, for the same rendering path.
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/e2e/chromium.ts'

export { CHROMIUM_FLAGS, CHROMIUM_PATH }

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS })
}

/**
 * Lighthouse's mobile "slow 4G" figures (constants.throttling.mobileSlow4G), applied as is
 * (not Lighthouse's DevTools-adjusted variant) so that the numbers are the ones stated.
 */
export const SLOW_4G = {
  rttMs: 150,
  downloadKbps: 1.6 * 1024,
  uploadKbps: 750,
  cpuSlowdown: 4,
} as const

export const MARKS = {
  firstPlacesListed: 'vitrine:first-places-listed',
  mapInteractive: 'vitrine:map-interactive',
  embeddedDatabaseReady: 'vitrine:embedded-database-ready',
} as const

export type MarkName = keyof typeof MARKS

/** Phone first: the Lighthouse mobile preset's screen, as most shoppers use the app. */
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
} as const

export interface RequestRecord {
  url: string
  resourceType: string
  /** When the browser issued it, ms after the page's time origin (approximate, ±5 ms). */
  startMs: number
}

export interface VisitMetrics {
  /** Milliseconds from navigation start, or null when the mark never came. */
  marks: Record<MarkName, number | null>
  /** Navigation timing: first byte of the HTML and DOMContentLoaded. */
  responseStartMs: number | null
  domContentLoadedMs: number | null
  requests: RequestRecord[]
  errors: string[]
}

export interface ColdStartOptions {
  baseUrl: string
  /** Path of the shopper page, e.g. `/`. */
  path: string
  throttled: boolean
  runs: number
  /** Also reload in the same context and measure the repeat visit. */
  repeatVisit: boolean
  /** Wait for `vitrine:embedded-database-ready` too (embedded builds). */
  waitForDatabase: boolean
  timeoutMs: number
}

export interface ColdStartRun {
  first: VisitMetrics
  repeat: VisitMetrics | null
}

export interface MetricSummary {
  median: number | null
  min: number | null
  max: number | null
  /** Runs in which the mark came. */
  samples: number
}

export interface ColdStartResult {
  options: Omit<ColdStartOptions, 'baseUrl'>
  runs: ColdStartRun[]
  first: Record<MarkName, MetricSummary>
  repeat: Record<MarkName, MetricSummary> | null
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function summarise(visits: readonly VisitMetrics[]): Record<MarkName, MetricSummary> {
  const entries = (Object.keys(MARKS) as MarkName[]).map((name) => {
    const values = visits.map((v) => v.marks[name]).filter((v): v is number => v !== null)
    const summary: MetricSummary = {
      median: median(values),
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      samples: values.length,
    }
    return [name, summary] as const
  })
  return Object.fromEntries(entries) as Record<MarkName, MetricSummary>
}

export async function measureColdStart(
  browser: Browser,
  options: ColdStartOptions,
): Promise<ColdStartResult> {
  const runs: ColdStartRun[] = []
  for (let i = 0; i < options.runs; i++) runs.push(await measureOneRun(browser, options))
  const { baseUrl: _baseUrl, ...rest } = options
  return {
    options: rest,
    runs,
    first: summarise(runs.map((r) => r.first)),
    repeat: options.repeatVisit
      ? summarise(runs.flatMap((r) => (r.repeat ? [r.repeat] : [])))
      : null,
  }
}

async function measureOneRun(browser: Browser, options: ColdStartOptions): Promise<ColdStartRun> {
  const context = await browser.newContext({
    ...PHONE,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  })
  try {
    const page = await context.newPage()
    if (options.throttled) await throttle(context, page)
    const url = new URL(options.path, options.baseUrl).toString()
    const first = await visit(context, page, options, () => page.goto(url, { waitUntil: 'commit' }))
    let repeat: VisitMetrics | null = null
    if (options.repeatVisit) {
      // Let the first visit finish its background work (the embedded database writing its
      // data directory, caches filling, the map's last frames) before coming back, as a
      // returning shopper would: reloading a still-busy page measured the old page's work.
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
      await page.waitForTimeout(2_000)
      repeat = await visit(context, page, options, () => page.reload({ waitUntil: 'commit' }))
    }
    return { first, repeat }
  } finally {
    await context.close()
  }
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_4G.rttMs,
    // CDP wants bytes per second.
    downloadThroughput: (SLOW_4G.downloadKbps * 1024) / 8,
    uploadThroughput: (SLOW_4G.uploadKbps * 1024) / 8,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown })
}

async function visit(
  context: BrowserContext,
  page: Page,
  options: ColdStartOptions,
  navigate: () => Promise<unknown>,
): Promise<VisitMetrics> {
  const requests: { url: string; resourceType: string; at: number }[] = []
  const errors: string[] = []
  const onRequest = (request: {
    url(): string
    resourceType(): string
    serviceWorker(): unknown
  }) => {
    // The service worker's precache (the shell and the merchants' page, so that the app opens
    // offline) downloads in the background once the page has loaded: not the shopper's path.
    if (request.serviceWorker()) return
    requests.push({ url: request.url(), resourceType: request.resourceType(), at: Date.now() })
  }
  const onPageError = (error: Error) => errors.push(`page error: ${error.message}`)
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  }
  // The context sees the workers' requests too (PGlite's files, MapLibre's worker).
  context.on('request', onRequest)
  page.on('pageerror', onPageError)
  page.on('console', onConsole)
  try {
    await navigate()
    const wanted: MarkName[] = ['firstPlacesListed', 'mapInteractive']
    if (options.waitForDatabase) wanted.push('embeddedDatabaseReady')
    for (const name of wanted) {
      await page
        .waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARKS[name], {
          timeout: options.timeoutMs,
          polling: 50,
        })
        .catch(() => errors.push(`${MARKS[name]} did not come within ${options.timeoutMs} ms`))
    }
    // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
    const timing = (await page.evaluate(`(() => {
      const marks = ${JSON.stringify(MARKS)}
      const result = { timeOrigin: performance.timeOrigin, marks: {} }
      for (const [key, name] of Object.entries(marks)) {
        result.marks[key] = performance.getEntriesByName(name)[0]?.startTime ?? null
      }
      const navigation = performance.getEntriesByType('navigation')[0]
      result.responseStartMs = navigation ? navigation.responseStart : null
      result.domContentLoadedMs = navigation ? navigation.domContentLoadedEventStart : null
      return result
    })()`)) as {
      timeOrigin: number
      marks: Record<MarkName, number | null>
      responseStartMs: number | null
      domContentLoadedMs: number | null
    }
    return {
      marks: timing.marks,
      responseStartMs: timing.responseStartMs,
      domContentLoadedMs: timing.domContentLoadedMs,
      requests: requests
        .map((r) => ({
          url: r.url,
          resourceType: r.resourceType,
          startMs: Math.round(r.at - timing.timeOrigin),
        }))
        // A reload's listener may catch the tail of the previous document's requests.
        .filter((r) => r.startMs >= -50),
      errors: [...new Set(errors)],
    }
  } finally {
    context.off('request', onRequest)
    page.off('pageerror', onPageError)
    page.off('console', onConsole)
  }
}

/**
 * Whether the shopper page lists its first places with `file` (a path under the origin, e.g.
 * `assets/x.js`) refused by the network: what "needed to show the first places" means,
 * measured rather than guessed from the order of requests. A chunk the app preloads in parallel
 * (the hours library, supabase-js, MapLibre) is requested before the list shows, yet the list
 * does not wait for it.
 */
export async function listsWithout(
  browser: Browser,
  baseUrl: string,
  path: string,
  file: string,
  timeoutMs = 15_000,
): Promise<boolean> {
  const context = await browser.newContext({
    ...PHONE,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  })
  try {
    const blocked = new URL(`/${file}`, baseUrl).toString()
    await context.route(
      (url) => url.toString() === blocked,
      (route) => route.abort('failed'),
    )
    const page = await context.newPage()
    await page.goto(new URL(path, baseUrl).toString(), { waitUntil: 'commit' })
    return await page
      .waitForFunction(
        (mark) => performance.getEntriesByName(mark).length > 0,
        MARKS.firstPlacesListed,
        {
          timeout: timeoutMs,
          polling: 50,
        },
      )
      .then(
        () => true,
        () => false,
      )
  } finally {
    await context.close()
  }
}
