import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot, withTestPage, waitForEmbeddedDatabase } from './browser'
import { laPosteQuestionnaire, questionnaireFile } from '../fixtures/curation/real-questionnaires'
import { GRAND_POITIERS_COMMUNE_NAMES } from '../fixtures/curation/catalog'

// A curator on a phone, in English, with the curators' space open in two tabs, imports offline a
// merchants' association export (UTF-8, ","): La Poste's relay at Biard as La Poste labels it
// ("BIARD BOURG RP", on the map as "Relais poste BIARD BOURG"), and a made-up workshop. The other tab
// sees the import and the pin placed, without reloading.

const READY_TIMEOUT = 60_000
const JOURNEY_TIMEOUT = 300_000

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const merchant = `Phone workshop ${Date.now()}`

async function openCuration(page: Page) {
  await page.goto('/curation', { waitUntil: 'domcontentloaded' })
  await waitForEmbeddedDatabase(page, READY_TIMEOUT)
}

function questionnaire(): Uint8Array {
  const real = laPosteQuestionnaire(GRAND_POITIERS_COMMUNE_NAMES)
  const avanton = real.rows.find((row) => row[0] === 'BIARD BOURG RP')
  if (!avanton) throw new Error('La Poste’s 2016 file no longer lists BIARD BOURG RP')
  return questionnaireFile(
    {
      ...real,
      header: [...real.header, 'Services proposés pendant le confinement'],
      rows: [
        [...avanton, ''],
        // A made-up workshop: what its merchant answered.
        [
          merchant,
          'Artisan',
          'Maison',
          '3 rue des Cordeliers',
          '86000',
          'POITIERS',
          '',
          'Retrait en magasin',
        ],
      ],
    },
    { encoding: 'utf-8', delimiter: ',' },
  )
}

describe('questionnaire on a phone, in English, two tabs (offline)', () => {
  it(
    'reports in English, finds La Poste’s RP as its relay, and the other tab follows the pin',
    async () => {
      await withTestPage(browser, 'phone', async ({ page, context }) => {
        await openCuration(page)
        await page.getByRole('button', { name: /^EN\b/ }).click()
        await page.getByRole('button', { name: 'Sign in', exact: true }).first().click()
        await page
          .getByRole('dialog', { name: 'Demonstration accounts' })
          .getByRole('button', { name: /^Claire\b/ })
          .click()
        const importSection = page.getByRole('region', { name: 'Import shops' })
        await importSection.waitFor({ timeout: READY_TIMEOUT })

        // The same space in a second tab: signed in, in English (both kept on the device).
        const other = await context.newPage()
        await openCuration(other)
        const otherShops = other.getByRole('region', { name: 'The territory’s shops' })
        await otherShops.waitFor({ timeout: READY_TIMEOUT })

        await context.setOffline(true)
        await importSection.getByLabel('CSV or GeoJSON file').setInputFiles({
          name: 'association-export.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(questionnaire()),
        })
        await importSection.getByRole('button', { name: 'Check the file' }).click()
        const report = importSection.getByRole('table', { name: 'Line by line report' })
        await report.waitFor({ timeout: 20_000 })
        await importSection.getByText('Encoding utf-8, delimiter “,”').waitFor()
        // "BIARD BOURG RP" is La Poste's "Relais poste BIARD BOURG", at the same address.
        await report
          .getByRole('cell', {
            name: /^Possible duplicate of “Relais poste BIARD BOURG” \(open_data\): existing place updated/,
          })
          .waitFor({ timeout: 20_000 })
        await report
          .getByRole('cell', {
            name: /^Approximate position \(commune\): placed at the centre of Poitiers/,
          })
          .waitFor()
        expect(
          await report.getByText(/Doublon|Position approximative|placé au centre/).count(),
        ).toBe(0)
        // The relay keeps La Poste's description and name: the curator skips the line.
        await report
          .getByRole('combobox', { name: 'What to do with the possible duplicate of line 2?' })
          .selectOption({ label: 'Skip the line' })
        await report
          .getByRole('cell', {
            name: /^Possible duplicate of “Relais poste BIARD BOURG”.*: line ignored/,
          })
          .waitFor({ timeout: 20_000 })
        await screenshot(page, 'import-english-report-phone')
        await importSection.getByRole('button', { name: 'Import 1 line' }).click()
        await importSection
          .getByRole('status')
          .getByText('Import done: 1 created, 0 updated.')
          .waitFor({ timeout: 20_000 })

        // The other tab hears of it: the workshop is listed, its position a guess.
        const otherRow = otherShops.getByRole('row').filter({ hasText: merchant })
        await otherRow.getByText('Approximate (commune)').waitFor({ timeout: 20_000 })

        // On the phone, the curator taps the map where the shop is, then nudges the pin.
        const shops = page.getByRole('region', { name: 'The territory’s shops' })
        const row = shops.getByRole('row').filter({ hasText: merchant })
        await row.getByRole('button', { name: `Place “${merchant}” on the map` }).click()
        const editor = page.getByRole('region', { name: `Position of “${merchant}”` })
        const map = editor.getByRole('region', { name: `Map to place “${merchant}”` })
        const pin = editor.getByRole('button', { name: `Pin of “${merchant}”` })
        await pin.waitFor({ timeout: READY_TIMEOUT })
        const coordinates = editor.getByText(/^Latitude [\d.]+, longitude [\d.]+$/)
        const guessed = await coordinates.textContent()
        const box = (await map.boundingBox())!
        await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height * 0.35)
        await expect.poll(() => coordinates.textContent()).not.toBe(guessed)
        const tapped = await coordinates.textContent()
        await pin.focus()
        await page.keyboard.press('Shift+ArrowRight')
        await expect.poll(() => coordinates.textContent()).not.toBe(tapped)
        await editor.scrollIntoViewIfNeeded()
        await screenshot(page, 'import-english-place-pin-phone')
        await editor.getByRole('button', { name: 'Save the position' }).click()
        await page.getByText(`Position of “${merchant}” saved.`).waitFor({ timeout: 20_000 })
        await row.getByText('Exact').waitFor()

        // The other tab follows, still without a reload.
        await otherRow.getByText('Exact').waitFor({ timeout: 20_000 })
        await context.setOffline(false)
      })
    },
    JOURNEY_TIMEOUT,
  )
})
