import { chromium, type Browser, type Frame } from 'playwright-core'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { screenshot, withTestPage } from './browser'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium'

// A commune's website shows Vitrine's map in an <iframe>. Chromium refuses such a third-party
// frame under a plain-http page its storage (localStorage throws SecurityError, IndexedDB fails,
// no Web Locks): the embed must still show the territory's places, say what it shows, and throw
// nothing.

const COMMUNE_HOST = 'commune.example'

let browser: Browser
let communeSite: Server
let communeUrl: string
beforeAll(async () => {
  // The commune's page, on its own site: a local server that Chromium reaches by the commune's
  // name (nothing resolves to the internet; a page fulfilled by the test instead would not be a
  // local address, and Chromium's private network rules would block the local frame in it).
  const appUrl = `${inject('baseUrl')}t/grand-poitiers/embed?services=click_and_collect`
  communeSite = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    response.end(`<!doctype html><html lang="fr"><head><title>Mairie</title></head><body>
      <h1>Commerces ouverts de la commune</h1>
      <iframe title="Vitrine" src="${appUrl}" style="width: 100%; height: 640px; border: 0"></iframe>
      </body></html>`)
  })
  await new Promise<void>((resolve) => communeSite.listen(0, '127.0.0.1', resolve))
  communeUrl = `http://${COMMUNE_HOST}:${(communeSite.address() as AddressInfo).port}/`
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS.map((flag) =>
      flag.startsWith('--host-resolver-rules=')
        ? flag.replace('=', `=MAP ${COMMUNE_HOST} 127.0.0.1, `)
        : flag,
    ),
  })
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => communeSite?.close(resolve))
})

describe('the embed in a third-party page', () => {
  it('shows the published places, read-only, and throws nothing where storage is refused', async () => {
    await withTestPage(browser, 'desktop', async ({ page, context }) => {
      // Every frame records what would otherwise only reach the console.
      await context.addInitScript(() => {
        const errors: string[] = []
        Object.assign(window, { __uncaught: errors })
        window.addEventListener('error', (event) => errors.push(String(event.message)))
        window.addEventListener('unhandledrejection', (event) =>
          errors.push(String((event.reason as Error)?.stack ?? event.reason)),
        )
      })
      await context.route(`${communeUrl}**`, (route) => route.continue())
      await page.goto(communeUrl)
      const frameElement = await page.waitForSelector('iframe[title="Vitrine"]')
      const frame = (await frameElement.contentFrame()) as Frame
      expect(frame).not.toBeNull()
      await expect.poll(() => frame.url()).toContain('/t/grand-poitiers/embed')

      // The condition under test holds: this frame has no storage.
      const storage = await frame.evaluate(() => {
        try {
          localStorage.getItem('x')
          return 'allowed'
        } catch (error) {
          return (error as DOMException).name
        }
      })
      expect(storage).toBe('SecurityError')

      const embed = page.frameLocator('iframe[title="Vitrine"]')
      await embed
        .getByRole('note')
        .filter({ hasText: 'Lieux tels que publiés, en lecture seule' })
        .waitFor({ timeout: 30_000 })
      const results = embed.getByRole('list', { name: 'Résultats' })
      await results.getByRole('listitem').first().waitFor({ timeout: 30_000 })
      expect(await results.getByRole('listitem').count()).toBeGreaterThan(0)
      // The filters of the commune's link apply.
      await expect
        .poll(() => frame.evaluate(() => window.location.search))
        .toContain('services=click_and_collect')
      // Credits the data's licence requires stay visible.
      await embed
        .getByRole('contentinfo')
        .getByText(/OpenStreetMap/)
        .first()
        .waitFor()
      // The map too (the territory's communes and the places), before the screenshot.
      await frame.waitForFunction(
        () => performance.getEntriesByName('vitrine:map-interactive').length > 0,
        null,
        { timeout: 30_000 },
      )
      await screenshot(page, 'embed-storage-refused-desktop')

      expect(
        await frame.evaluate(() => (window as unknown as { __uncaught: string[] }).__uncaught),
      ).toEqual([])
    })
  })
})
