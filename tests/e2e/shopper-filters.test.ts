import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  screenshot,
  withTestPage,
  type TestPage,
  type Viewport,
  waitForEmbeddedDatabase,
} from './browser'

// The shopper's journeys on the built app: filters, distance, the shared URL.

const READY_TIMEOUT = 60_000
const POITIERS_CENTRE = { latitude: 46.5802, longitude: 0.3404 }

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function openApp(page: Page, path = '/') {
  await page.goto(path, { waitUntil: 'domcontentloaded' })
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, {
    timeout: READY_TIMEOUT,
  })
  // The first places come from the build-time snapshot; wait for the live database too.
  await waitForEmbeddedDatabase(page, READY_TIMEOUT)
}

async function placeCount(page: Page): Promise<number> {
  const text = await page
    .getByRole('status')
    .filter({ hasText: /\d+\s+lieux?/ })
    .first()
    .innerText()
  return Number(text.match(/(\d+)\s+lieux?/)?.[1])
}

const mapPlaces = (page: Page) =>
  page.evaluate(() => Number(document.documentElement.dataset.mapPlaces))
const mapRadius = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset.mapRadiusKm ?? '')

/** Distances shown in the list, in km, in list order. */
async function listedDistancesKm(page: Page): Promise<number[]> {
  const metas = await page
    .getByRole('list', { name: 'Résultats' })
    .locator('.place-list__meta')
    .allInnerTexts()
  return metas.map((text) => {
    const match = text.match(/([\d\s,]+)\s*(m|km)$/)
    if (!match) return NaN
    const value = Number(match[1]!.replace(/\s/g, '').replace(',', '.'))
    return match[2] === 'm' ? value / 1000 : value
  })
}

function withPage(viewport: Viewport, fn: (t: TestPage) => Promise<void>, permissions?: string[]) {
  return withTestPage(browser, viewport, fn, async ({ context }) => {
    if (!permissions) return
    await context.grantPermissions(permissions)
    await context.setGeolocation(POITIERS_CENTRE)
  })
}

describe.each<Viewport>(['phone', 'desktop'])('shopper filters (%s)', (viewport) => {
  it('ticking a service narrows the list, the markers and the URL together', async () => {
    await withPage(viewport, async ({ page }) => {
      await openApp(page)
      const before = await placeCount(page)
      await expect.poll(() => mapPlaces(page)).toBe(before)

      await page.getByRole('checkbox', { name: 'Livraison' }).check()
      await expect.poll(() => placeCount(page)).toBeLessThan(before)
      const after = await placeCount(page)
      expect(after).toBeGreaterThan(0)
      await expect.poll(() => mapPlaces(page)).toBe(after)
      expect(new URL(page.url()).searchParams.get('services')).toBe('delivery')
      await screenshot(page, `shopper-service-filter-${viewport}`)

      // Back undoes the filter.
      await page.goBack()
      await expect.poll(() => placeCount(page)).toBe(before)
      await expect(page.getByRole('checkbox', { name: 'Livraison' }).isChecked()).resolves.toBe(
        false,
      )
    })
  })

  it('"Autour de moi" with a granted position sorts by distance and draws the circle', async () => {
    await withPage(
      viewport,
      async ({ page }) => {
        await openApp(page)
        await page.getByRole('button', { name: 'Autour de moi' }).click()
        await page.locator('.origin-chip').filter({ hasText: 'Près de Autour de moi' }).waitFor()
        await expect.poll(() => mapRadius(page)).toBe('5')
        const url = new URL(page.url())
        expect(url.searchParams.get('near')).toBe('0.3404,46.5802')
        expect(url.searchParams.get('r')).toBe('5')
        await expect.poll(() => placeCount(page)).toBeGreaterThan(0)
        const distances = await listedDistancesKm(page)
        expect(distances.length).toBe(await placeCount(page))
        expect(distances.every((d) => Number.isFinite(d) && d <= 5)).toBe(true)
        expect([...distances].sort((a, b) => a - b)).toEqual(distances)
        await screenshot(page, `shopper-around-me-${viewport}`)
      },
      ['geolocation'],
    )
  })

  it('a refused position says so and offers the address search', async () => {
    await withPage(viewport, async ({ page }) => {
      await openApp(page)
      await page.getByRole('button', { name: 'Autour de moi' }).click()
      const alert = page.getByRole('alert')
      await alert.waitFor()
      expect(await alert.innerText()).toMatch(
        /refusé la géolocalisation.*Cherchez plutôt une adresse ou une commune/s,
      )
      await expect(
        page.getByRole('searchbox', { name: 'Adresse ou commune' }).isVisible(),
      ).resolves.toBe(true)
      await screenshot(page, `shopper-geolocation-refused-${viewport}`)
    })
  })

  it('a shared link restores the same view', async () => {
    await withPage(viewport, async ({ page }) => {
      const path = '/?services=delivery&open=1&near=0.3404,46.5802&from=Poitiers%20centre&r=20'
      await openApp(page, path)
      await expect(page.getByRole('checkbox', { name: 'Livraison' }).isChecked()).resolves.toBe(
        true,
      )
      await expect(
        page.getByRole('checkbox', { name: 'Ouvert maintenant' }).isChecked(),
      ).resolves.toBe(true)
      await page.locator('.origin-chip').filter({ hasText: 'Poitiers centre' }).waitFor()
      await expect.poll(() => mapRadius(page)).toBe('20')
      const shared = await placeCount(page)
      await expect.poll(() => mapPlaces(page)).toBe(shared)
      expect(page.url()).toContain('services=delivery')
    })
  })

  it('finds open places with a service within 5 km of a commune in three taps', async () => {
    await withPage(viewport, async ({ page }) => {
      await openApp(page)
      await page.getByRole('searchbox', { name: 'Adresse ou commune' }).fill('Poitiers')
      // Tap 1: the commune, found offline from the bundled boundaries.
      await page
        .getByRole('list', { name: 'Adresses et communes trouvées' })
        .getByRole('button', { name: /^Poitiers/ })
        .click()
      await expect.poll(() => mapRadius(page)).toBe('5')
      // Taps 2 and 3.
      await page.getByRole('checkbox', { name: 'Retrait en magasin' }).check()
      await page.getByRole('checkbox', { name: 'Ouvert maintenant' }).check()
      const count = await placeCount(page)
      await expect.poll(() => mapPlaces(page)).toBe(count)
      const url = new URL(page.url())
      expect(url.searchParams.get('services')).toBe('click_and_collect')
      expect(url.searchParams.get('open')).toBe('1')
      expect(url.searchParams.get('r')).toBe('5')
      const distances = await listedDistancesKm(page)
      expect(distances.every((d) => d <= 5)).toBe(true)
      await screenshot(page, `shopper-three-taps-${viewport}`)
      if (viewport === 'phone') {
        // Under the map, one tap leads to the results below the filters.
        await page.getByRole('button', { name: `Voir les ${count} lieux ↓` }).click()
        const list = page.getByRole('list', { name: 'Résultats' })
        await expect
          .poll(() => list.evaluate((el) => el.getBoundingClientRect().top < innerHeight))
          .toBe(true)
        await screenshot(page, 'shopper-three-taps-results-phone')
      }
    })
  })

  it('selecting a place in the list opens its sheet', async () => {
    await withPage(viewport, async ({ page }) => {
      await openApp(page)
      const first = page.getByRole('list', { name: 'Résultats' }).getByRole('button').first()
      const name = (await first.locator('.place-list__name').innerText()).trim()
      await first.click()
      const sheet = page.getByRole('dialog', { name })
      await sheet.waitFor()
      expect(new URL(page.url()).searchParams.get('place')).toBeTruthy()
      await screenshot(page, `shopper-place-sheet-${viewport}`)
      await page.keyboard.press('Escape')
      await sheet.waitFor({ state: 'hidden' })
      expect(new URL(page.url()).searchParams.get('place')).toBeNull()
    })
  })
})

describe('the register’s pharmacies', () => {
  it('"Santé" lists the pharmacies of the territory, with their phones (phone)', async () => {
    await withTestPage(browser, 'phone', async ({ page }) => {
      await openApp(page)
      await page.getByText('Plus de filtres').click()
      await page.getByRole('checkbox', { name: 'Santé' }).check()
      // The FINESS register lists 59 pharmacies in the 40 communes of Grand Poitiers.
      await expect.poll(() => placeCount(page), { timeout: 20_000 }).toBe(59)
      const results = page.getByRole('list', { name: 'Résultats', includeHidden: true })
      const names = await results.locator('.place-list__name').allInnerTexts()
      expect(
        names.every((name) => /pharmacie/i.test(name)),
        names.join(' | '),
      ).toBe(true)
      const item = results
        .getByRole('listitem', { includeHidden: true })
        .filter({ hasText: 'Pharmacie Anatole France' })
      await item.scrollIntoViewIfNeeded()
      await item.getByRole('button').click()
      const sheet = page.getByRole('dialog', { name: 'Pharmacie Anatole France' })
      await sheet.waitFor()
      await sheet.getByRole('link', { name: '05 49 41 22 38' }).waitFor()
      await sheet.getByText(/FINESS \(DREES\), extrait du 05\/10\/2026/).waitFor()
      await screenshot(page, 'shopper-sante-pharmacy-sheet-phone')
    })
  })
})
