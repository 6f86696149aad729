import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  colourStats,
  decodePng,
  launchBrowser,
  newPage,
  screenshot,
  type Viewport,
} from './browser'

// The embedded database starts in the browser: loading can take a while on a slow CI machine.
const APP_READY_TIMEOUT = 60_000
const MIN_SEEDED_PLACES = 50

let browser: Browser

/**
 * Cluster counts whose bubble is not under them: for each label, the pixels at its centre with
 * the labels hidden must be the bubble's violet (its colour at 85 % over the pale map).
 */
async function floatingClusterLabels(page: Page): Promise<string[]> {
  const labels = await page.locator('.cluster-label').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect()
      return {
        text: element.textContent ?? '',
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
      }
    }),
  )
  const hide = await page.addStyleTag({ content: '.cluster-label { visibility: hidden }' })
  const floating: string[] = []
  // A label whose centre is off the map's canvas is clipped with it (MapLibre's container hides
  // its overflow): only those on the canvas can be seen, so only those are checked.
  const canvas = (await page.locator('.maplibregl-canvas').first().boundingBox())!
  for (const label of labels) {
    if (
      label.x < canvas.x + 3 ||
      label.y < canvas.y + 3 ||
      label.x > canvas.x + canvas.width - 3 ||
      label.y > canvas.y + canvas.height - 3
    )
      continue
    const { pixels, channels } = decodePng(
      await page.screenshot({
        clip: { x: label.x - 2, y: label.y - 2, width: 4, height: 4 },
        animations: 'disabled',
      }),
    )
    let violet = 0
    for (let i = 0; i < pixels.length; i += channels) {
      const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!]
      if (b > r + 30 && b > g + 30) violet += 1
    }
    if (violet * channels < pixels.length / 2)
      floating.push(`${label.text} at ${label.x},${label.y}`)
  }
  await hide.evaluate((element) => (element as Element).remove())
  return floating
}

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

      // Every count sits on its bubble, here and after zooming in (the zoom level just left
      // kept its tiles, and their counts floated).
      await page.addStyleTag({ content: '.maplibregl-control-container { visibility: visible }' })
      expect(await page.locator('.cluster-label').count()).toBeGreaterThan(0)
      expect(await floatingClusterLabels(page)).toEqual([])
      for (let step = 0; step < 2; step += 1) {
        await map.getByRole('button', { name: 'Zoomer', exact: true }).click()
        await page.waitForTimeout(1_500)
        expect(await floatingClusterLabels(page), `after zooming in ${step + 1}×`).toEqual([])
      }

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
