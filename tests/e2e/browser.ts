import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inflateSync } from 'node:zlib'
import { expect, inject } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium'

export { CHROMIUM_PATH } from './chromium'

export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '__screenshots__')

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS })
}

export type Viewport = 'phone' | 'desktop'

const VIEWPORTS = {
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  desktop: {
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
  },
} as const

export interface TestPage {
  page: Page
  context: BrowserContext
  /** The preview server's base URL (from the e2e global setup). */
  baseUrl: string
  /** `console.error` messages, as "text (url:line)". */
  consoleErrors: string[]
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[]
  /** Requests aborted because they were not to the local preview origin. */
  blockedRequests: string[]
  close(): Promise<void>
}

/**
 * A fresh browser context and page at the given viewport. Every request that is not to the
 * local preview origin is aborted (and recorded), so tests never reach the internet.
 */
export async function newPage(
  browser: Browser,
  viewport: Viewport,
  baseUrl: string = inject('baseUrl'),
): Promise<TestPage> {
  const origin = new URL(baseUrl).origin
  const context = await browser.newContext({
    ...VIEWPORTS[viewport],
    baseURL: baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  })
  const consoleErrors: string[] = []
  const pageErrors: string[] = []
  const blockedRequests: string[] = []

  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (isAllowed(url, origin)) return route.continue()
    blockedRequests.push(url)
    return route.abort('blockedbyclient')
  })

  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url, lineNumber } = message.location()
    consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text())
  })
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? String(error)))

  return {
    page,
    context,
    baseUrl,
    consoleErrors,
    pageErrors,
    blockedRequests,
    close: () => context.close(),
  }
}

function isAllowed(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true
  try {
    return new URL(url).origin === origin
  } catch {
    return false
  }
}

/** Saves a viewport PNG to tests/e2e/__screenshots__/<name>.png and returns its bytes. */
/**
 * Runs a journey in a fresh page and closes it. On failure, a screenshot named after the test
 * and the page's errors; on success, the page must have raised none. `prepare` runs before the
 * journey (permissions, geolocation).
 */
export async function withTestPage(
  browser: Browser,
  viewport: Viewport,
  fn: (t: TestPage) => Promise<void>,
  prepare?: (t: TestPage) => Promise<void>,
): Promise<void> {
  const t = await newPage(browser, viewport)
  try {
    await prepare?.(t)
    await fn(t)
    expect(t.pageErrors).toEqual([])
  } catch (error) {
    const name = expect.getState().currentTestName?.replace(/[^a-z0-9]+/gi, '-') ?? 'unknown'
    await screenshot(t.page, `failure-${name}`).catch(() => undefined)
    console.error(`[${viewport}] page errors:`, t.pageErrors, 'console errors:', t.consoleErrors)
    throw error
  } finally {
    await t.close()
  }
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' })
}

export interface ColourStats {
  width: number
  height: number
  /** Number of distinct RGBA values. */
  distinct: number
  /** Share (0..1) of the pixels that have the most frequent colour. */
  dominantShare: number
}

/** Counts the colours of a PNG (as produced by Chromium screenshots: 8-bit, non-interlaced). */
export function colourStats(png: Buffer): ColourStats {
  const { width, height, channels, pixels } = decodePng(png)
  const counts = new Map<number, number>()
  for (let i = 0; i < pixels.length; i += channels) {
    let key = 0
    for (let c = 0; c < channels; c++) key = key * 256 + pixels[i + c]!
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  let dominant = 0
  for (const count of counts.values()) dominant = Math.max(dominant, count)
  return { width, height, distinct: counts.size, dominantShare: dominant / (width * height) }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 }

/** A minimal PNG decoder: 8-bit greyscale/RGB(A), no interlacing, all five row filters. */
export function decodePng(png: Buffer): {
  width: number
  height: number
  channels: number
  pixels: Uint8Array
} {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG')
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const data = png.subarray(offset + 8, offset + 8 + length)
    offset += 12 + length
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      const bitDepth = data[8]!
      const colourType = data[9]!
      const interlace = data[12]!
      channels = CHANNELS[colourType] ?? 0
      if (bitDepth !== 8 || !channels || interlace !== 0) {
        throw new Error(`unsupported PNG (bit depth ${bitDepth}, colour type ${colourType})`)
      }
    } else if (type === 'IDAT') {
      idat.push(data)
    } else if (type === 'IEND') {
      break
    }
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const src = y * (stride + 1) + 1
    const row = y * stride
    const prev = row - stride
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels]! : 0
      const b = y > 0 ? pixels[prev + x]! : 0
      const c = x >= channels && y > 0 ? pixels[prev + x - channels]! : 0
      let value = raw[src + x]!
      if (filter === 1) value += a
      else if (filter === 2) value += b
      else if (filter === 3) value += (a + b) >> 1
      else if (filter === 4) value += paeth(a, b, c)
      else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`)
      pixels[row + x] = value & 0xff
    }
  }
  return { width, height, channels, pixels }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/**
 * Waits until the page's embedded database has started: pages first show the build-time
 * snapshot, and what a journey asserts must come from the live database.
 */
export async function waitForEmbeddedDatabase(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('vitrine:embedded-database-ready').length > 0,
    null,
    { timeout },
  )
}
