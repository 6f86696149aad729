import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { colourStats, launchBrowser, newPage, screenshot, type Viewport } from './browser'

// The embedded database starts in the browser: loading can take a while on a slow CI machine.
const APP_READY_TIMEOUT = 60_000
const MIN_SEEDED_PLACES = 50

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe.each<Viewport>(['phone', 'desktop'])('shopper map (%s)', (viewport) => {
  it('a visitor opens the app and sees the Grand Poitiers map with the seeded places', async () => {
    const { page, consoleErrors, pageErrors, blockedRequests, close } = await newPage(
      browser,
      viewport,
    )
    try {
      await page.goto('/', { waitUntil: 'domcontentloaded' })
      expect(await page.title()).toContain('Vitrine')

      const map = page.getByRole('region', { name: 'Carte des commerces' })
      const canvas = map.locator('canvas').first()
      await canvas.waitFor({ state: 'visible', timeout: APP_READY_TIMEOUT })

      // Set by the app once MapLibre has loaded and drawn the places layer.
      await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, {
        timeout: APP_READY_TIMEOUT,
      })

      // On a phone the list may sit in a collapsed sheet: count its items even if hidden.
      const items = page
        .getByRole('list', { name: 'Résultats', includeHidden: true })
        .getByRole('listitem', { includeHidden: true })
      await expect
        .poll(() => items.count(), { timeout: APP_READY_TIMEOUT, interval: 250 })
        .toBeGreaterThanOrEqual(MIN_SEEDED_PLACES)

      const status = page.getByRole('status').filter({ hasText: /\d+\s+lieux?/ })
      await status.first().waitFor({ state: 'visible', timeout: 10_000 })
      const count = Number((await status.first().innerText()).match(/(\d+)\s+lieux?/)?.[1])
      expect(count).toBeGreaterThanOrEqual(MIN_SEEDED_PLACES)

      await page
        .getByText('© OpenStreetMap contributors')
        .filter({ visible: true })
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 })

      await screenshot(page, `shopper-map-${viewport}`)

      // The map really drew something: a blank WebGL canvas is one flat colour. The map's
      // controls (attribution, zoom buttons) are hidden so that their text cannot pass for it.
      await page.addStyleTag({ content: '.maplibregl-control-container { visibility: hidden }' })
      const stats = colourStats(await canvas.screenshot({ animations: 'disabled' }))
      expect(stats.distinct, `map canvas colours: ${JSON.stringify(stats)}`).toBeGreaterThan(10)
      expect(stats.dominantShare, `map canvas colours: ${JSON.stringify(stats)}`).toBeLessThan(
        0.995,
      )

      expect(pageErrors).toEqual([])
      if (consoleErrors.length) console.warn(`[${viewport}] console errors:`, consoleErrors)
      if (blockedRequests.length) console.warn(`[${viewport}] blocked requests:`, blockedRequests)
    } catch (error) {
      await screenshot(page, `shopper-map-${viewport}-failure`).catch(() => undefined)
      if (pageErrors.length) console.error(`[${viewport}] page errors:`, pageErrors)
      if (consoleErrors.length) console.error(`[${viewport}] console errors:`, consoleErrors)
      throw error
    } finally {
      await close()
    }
  })
})

describe('a territory without bundled outlines (Niort Agglo)', () => {
  it('shows its markers on a plain background framed by its bounds, and says the basemap is missing', async () => {
    const { page, pageErrors, consoleErrors, close } = await newPage(browser, 'phone')
    try {
      // Every request off the preview server is blocked: the remote basemap cannot load, as
      // offline. Niort has no communes file: the host's index.html must not reach MapLibre.
      await page.goto('/t/niort-agglo', { waitUntil: 'domcontentloaded' })
      const map = page.getByRole('region', { name: 'Carte des commerces' })
      await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, {
        timeout: APP_READY_TIMEOUT,
      })
      await map.getByText('Fond de carte hors ligne indisponible').waitFor()
      await screenshot(page, 'shopper-map-niort-offline-phone')
      await page.addStyleTag({ content: '.maplibregl-control-container { visibility: hidden }' })
      const stats = colourStats(
        await map.locator('canvas').first().screenshot({ animations: 'disabled' }),
      )
      // The background, the territory's frame and the markers: more than one flat colour.
      expect(stats.distinct, `map canvas colours: ${JSON.stringify(stats)}`).toBeGreaterThan(10)
      expect(pageErrors).toEqual([])
      expect(
        consoleErrors.filter((error) => /communes\.geojson|Unexpected token/.test(error)),
      ).toEqual([])
    } finally {
      await close()
    }
  })
})
