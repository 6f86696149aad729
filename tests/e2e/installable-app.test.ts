import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot, waitForEmbeddedDatabase, withTestPage } from './browser'

// Vitrine installs on a phone's home screen and opens offline: a merchant on the subway taps
// "Fermé", and it reaches the shoppers when the train comes out.

const READY_TIMEOUT = 60_000
const SHOP = 'Démo — Boulangerie des Halles'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Width and height of a PNG, from its header. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** Names of every file the service worker's caches hold. */
function cachedFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = []
    for (const key of await caches.keys()) {
      const cache = await caches.open(key)
      for (const request of await cache.keys()) names.push(new URL(request.url).pathname)
    }
    return names
  })
}

/** What "Mon commerce" needs offline, beyond the precached shell and merchant page. */
const NEEDED_OFFLINE = [
  /\/assets\/map-view-[^/]+\.js$/, // the map library
  /\/assets\/maplibre-gl-worker-[^/]+\.mjs$/,
  /\/assets\/opening_hours[^/]*\.js$/, // the hours library
  /\/assets\/embedded-worker-[^/]+\.js$/, // the embedded database
  /\/assets\/pglite-[^/]+\.wasm$/,
  /\/assets\/pglite-[^/]+\.data$/,
  /\/assets\/initdb-[^/]+\.wasm$/,
  /\/embedded\/manifest\.json$/,
  /\/embedded\/pgdata-[^/]+\.tar\.gz$/,
]

describe('the installable app', () => {
  it('serves a valid manifest, and its service worker controls the page after the first load', async () => {
    await withTestPage(browser, 'desktop', async ({ page, context, baseUrl }) => {
      await page.goto('/t/niort-agglo', { waitUntil: 'domcontentloaded' })
      const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href')
      expect(manifestHref).toBe('/manifest.webmanifest')
      const response = await context.request.get(new URL(manifestHref!, baseUrl).href)
      expect(response.ok()).toBe(true)
      expect(response.headers()['content-type']).toMatch(/manifest\+json|json/)
      const manifest = (await response.json()) as {
        name: string
        short_name: string
        start_url: string
        display: string
        theme_color: string
        icons: { src: string; sizes: string; type: string; purpose?: string }[]
        shortcuts: { name: string; url: string }[]
      }
      expect(manifest.name).toContain('Vitrine')
      expect(manifest.short_name).toBe('Vitrine')
      expect(manifest.display).toBe('standalone')
      expect(manifest.start_url).toBe('/')
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
      // Each icon is served, is a PNG, and has the size it claims.
      for (const size of [192, 512]) {
        const icon = manifest.icons.find(
          (candidate) => candidate.sizes === `${size}x${size}` && candidate.purpose !== 'maskable',
        )
        expect(icon, `${size} icon`).toBeDefined()
        const bytes = await (await context.request.get(new URL(icon!.src, baseUrl).href)).body()
        expect(pngSize(bytes)).toEqual({ width: size, height: size })
      }
      const maskable = manifest.icons.find((icon) => icon.purpose === 'maskable')
      expect(maskable?.sizes).toBe('512x512')
      const maskableBytes = await (
        await context.request.get(new URL(maskable!.src, baseUrl).href)
      ).body()
      expect(pngSize(maskableBytes)).toEqual({ width: 512, height: 512 })
      // The "Mon commerce" shortcut opens this territory's page (the last one shown).
      const shortcut = manifest.shortcuts.find((candidate) => candidate.name === 'Mon commerce')
      expect(shortcut).toBeDefined()

      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: READY_TIMEOUT,
      })
      await waitForEmbeddedDatabase(page, READY_TIMEOUT)
      const page2 = await context.newPage()
      await page2.goto(shortcut!.url, { waitUntil: 'domcontentloaded' })
      await page2.waitForURL('**/t/niort-agglo/mon-commerce')
      expect(await page2.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
      await page2.close()
    })
  })

  it('reopens Mon commerce offline after one visit: the shop, a tap queued, sent once back online', async () => {
    await withTestPage(browser, 'phone', async ({ page, context }) => {
      // The one online visit: the merchant signs in on their phone.
      await page.goto('/t/grand-poitiers/mon-commerce', { waitUntil: 'domcontentloaded' })
      await page.getByRole('button', { name: 'Se connecter' }).click()
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Camille/ })
        .click()
      await page.getByRole('heading', { name: SHOP }).waitFor({ timeout: READY_TIMEOUT })
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: READY_TIMEOUT,
      })
      await expect
        .poll(
          async () => {
            const cached = await cachedFiles(page)
            return NEEDED_OFFLINE.filter((file) => !cached.some((name) => file.test(name))).map(
              String,
            )
          },
          { timeout: READY_TIMEOUT, interval: 500 },
        )
        .toEqual([])

      // The subway: no network at all, and the app is opened again from the home screen.
      await context.setOffline(true)
      await page.reload({ waitUntil: 'domcontentloaded' })
      // Chromium's offline emulation cuts the reloaded document's network but leaves its
      // `navigator.onLine` true; said again, the page hears it as a real phone would.
      await context.setOffline(false)
      await context.setOffline(true)
      await page.waitForFunction(() => navigator.onLine === false)
      await page.getByRole('heading', { name: SHOP }).waitFor({ timeout: READY_TIMEOUT })
      const toggle = page.getByRole('switch')
      await expect
        .poll(() => toggle.getAttribute('aria-checked'), { timeout: READY_TIMEOUT })
        .toBe('true')
      const history = page.getByRole('region', { name: 'Historique' })
      await history.getByRole('listitem').first().waitFor({ timeout: READY_TIMEOUT })
      const closedBefore = await history
        .getByRole('listitem')
        .filter({ hasText: /— Fermé/ })
        .count()

      await toggle.click()
      expect(await toggle.getAttribute('aria-checked')).toBe('false')
      await page.getByText('En attente d’envoi…').waitFor()
      await screenshot(page, 'installable-offline-pending-phone')
      // Still waiting: nothing was sent while offline.
      await page.waitForTimeout(1_000)
      await page.getByText('En attente d’envoi…').waitFor()

      // Out of the tunnel: sent once, and the shoppers see it.
      await context.setOffline(false)
      await page.getByText(/En attente d’envoi/).waitFor({ state: 'hidden', timeout: 30_000 })
      await expect
        .poll(
          () =>
            history
              .getByRole('listitem')
              .filter({ hasText: /— Fermé/ })
              .count(),
          {
            timeout: 10_000,
          },
        )
        .toBe(closedBefore + 1)
      await page.waitForTimeout(1_500)
      expect(
        await history
          .getByRole('listitem')
          .filter({ hasText: /— Fermé/ })
          .count(),
      ).toBe(closedBefore + 1)

      const shopper = await context.newPage()
      await shopper.goto('/t/grand-poitiers', { waitUntil: 'domcontentloaded' })
      await waitForEmbeddedDatabase(shopper, READY_TIMEOUT)
      const item = shopper
        .getByRole('list', { name: 'Résultats' })
        .getByRole('listitem')
        .filter({ hasText: SHOP })
      await expect
        .poll(async () => (await item.locator('.place-list__status').innerText()).trim(), {
          timeout: 10_000,
        })
        .toMatch(/Fermé/)
      await shopper.close()
    })
  })
})
