import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot, waitForEmbeddedDatabase, withTestPage } from './browser'

// Moving between the pages of a territory never reloads the document, never restarts the
// embedded database, and never leaves the territory.

const READY_TIMEOUT = 60_000

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Documents loaded in this tab, and times the embedded database started, since it opened. */
async function loads(page: Page): Promise<{ documents: number; databaseStarts: number }> {
  return page.evaluate(() => ({
    documents: performance.getEntriesByType('navigation').length,
    databaseStarts: performance.getEntriesByName('vitrine:embedded-database-ready').length,
  }))
}

async function pathname(page: Page): Promise<string> {
  return page.evaluate(() => window.location.pathname)
}

describe('moving between pages', () => {
  it('from Niort: my shop, referencing, the curators’ space and back, by links and by Back, without a reload', async () => {
    await withTestPage(browser, 'desktop', async ({ page }) => {
      await page.goto('/t/niort-agglo', { waitUntil: 'domcontentloaded' })
      await waitForEmbeddedDatabase(page, READY_TIMEOUT)
      await page.getByRole('heading', { name: /Niort Agglo/ }).waitFor()
      await page.getByRole('searchbox', { name: /Rechercher un lieu/ }).fill('pharmacie')
      const filtered = await page.evaluate(() => window.location.search)
      expect(filtered).toContain('q=pharmacie')

      await page.getByRole('link', { name: 'Mon commerce' }).click()
      await page.getByRole('heading', { name: 'Mon commerce' }).waitFor()
      expect(await pathname(page)).toBe('/t/niort-agglo/mon-commerce')
      await page
        .getByRole('main')
        .getByRole('button', { name: /Nicolas/ })
        .click()

      await page.getByRole('button', { name: 'Compte' }).click()
      await page.getByRole('dialog').getByRole('link', { name: 'Référencer mon commerce' }).click()
      await page.waitForURL('**/t/niort-agglo/referencer')
      await page
        .getByRole('heading', { name: /Référencer/ })
        .first()
        .waitFor()

      await page.getByRole('button', { name: 'Compte' }).click()
      await page.getByRole('dialog').getByRole('link', { name: 'Espace curateurs' }).click()
      await page.waitForURL('**/t/niort-agglo/curation')
      await page
        .getByRole('heading', { name: 'Espace curateurs' })
        .waitFor({ timeout: READY_TIMEOUT })
      await screenshot(page, 'navigation-curation-niort-desktop')

      // Back to the map by the header's link: the same territory, its filters kept.
      await page.getByRole('link', { name: 'La carte' }).click()
      await page.waitForURL('**/t/niort-agglo?q=pharmacie')
      expect(await page.getByRole('searchbox', { name: /Rechercher un lieu/ }).inputValue()).toBe(
        'pharmacie',
      )

      // And by Back, one page at a time.
      await page.goBack()
      await page.waitForURL('**/t/niort-agglo/curation')
      await page.goBack()
      await page.waitForURL('**/t/niort-agglo/referencer')
      await page.goBack()
      await page.waitForURL('**/t/niort-agglo/mon-commerce')
      await page.goBack()
      await page.waitForURL('**/t/niort-agglo?q=pharmacie')
      await page.getByRole('list', { name: 'Résultats' }).waitFor()

      expect(await loads(page)).toEqual({ documents: 1, databaseStarts: 1 })
    })
  })

  it('/t/nowhere says the territory does not exist and offers the real ones', async () => {
    await withTestPage(browser, 'phone', async ({ page }) => {
      await page.goto('/t/nowhere', { waitUntil: 'domcontentloaded' })
      await page.getByRole('heading', { name: 'Ce territoire n’existe pas' }).waitFor({
        timeout: READY_TIMEOUT,
      })
      await screenshot(page, 'navigation-unknown-territory-phone')
      await page.getByRole('link', { name: 'Niort Agglo' }).click()
      await page.waitForURL('**/t/niort-agglo')
      expect((await loads(page)).documents).toBe(1)
    })
  })

  it('a URL full of unknown values opens on the plain map and drops them from the URL', async () => {
    await withTestPage(browser, 'phone', async ({ page }) => {
      await page.goto('/?services=xyz&r=-5&cat=zzz', { waitUntil: 'domcontentloaded' })
      await waitForEmbeddedDatabase(page, READY_TIMEOUT)
      await page.getByRole('list', { name: 'Résultats' }).waitFor({ timeout: READY_TIMEOUT })
      await expect
        .poll(() => page.evaluate(() => window.location.href))
        .toMatch(/\/t\/grand-poitiers$/)
    })
  })
})
