import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot, withTestPage, waitForEmbeddedDatabase } from './browser'
import {
  pharmaciesQuestionnaire,
  questionnaireFile,
} from '../fixtures/curation/real-questionnaires'
import { GRAND_POITIERS_COMMUNE_NAMES } from '../fixtures/curation/catalog'

// A curator imports, offline, the questionnaire export of real places with addresses and no
// coordinates (the FINESS pharmacies of Grand Poitiers, saved by Excel as Windows-1252 with ";"),
// plus one merchant's answer in the words of the 2020 questionnaires. The pharmacies and the post
// office are on the map already (the seed has the register and La Poste): their lines update
// those places, which keep their positions; only the merchant's workshop is new.

const READY_TIMEOUT = 60_000
const JOURNEY_TIMEOUT = 300_000

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const stamp = `${Date.now()}`
const merchant = `Atelier e2e ${stamp}`
/** A place the seed already has (La Poste's 2016 file), as a merchants' association listed it. */
const postOffice = 'Bureau de poste POITIERS HOTEL DE VILLE'

async function open(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'domcontentloaded' })
  await waitForEmbeddedDatabase(page, READY_TIMEOUT)
}

async function signIn(page: Page, displayName: string) {
  await page.getByRole('button', { name: 'Se connecter', exact: true }).first().click()
  await page
    .getByRole('dialog', { name: 'Comptes de démonstration' })
    .getByRole('button', { name: new RegExp(`^${displayName}\\b`) })
    .click()
  await page.getByRole('button', { name: 'Compte' }).waitFor({ timeout: READY_TIMEOUT })
}

function questionnaire(): { bytes: Uint8Array; pharmacies: string[] } {
  const real = pharmaciesQuestionnaire(GRAND_POITIERS_COMMUNE_NAMES)
  const pharmacies = real.rows.slice(0, 4)
  const extra = [
    'Sous-catégorie',
    'Services proposés pendant le confinement',
    'Comment commander ?',
    'Horaires',
  ]
  const file = {
    ...real,
    header: [...real.header, ...extra],
    rows: [
      ...pharmacies.map((row) => [...row, 'Pharmacie', '', '', '']),
      // What La Poste published of it, and nothing more.
      [
        postOffice,
        'Service public',
        'Services',
        '21 RUE DES ECOSSAIS',
        '86000',
        'Poitiers',
        '',
      ].concat(['Bureau de poste', '', '', '']),
      // A made-up workshop: what its merchant answered (no real business is given a service).
      [
        merchant,
        'Artisan',
        'Maison',
        '12 rue de la Cathédrale',
        '86000',
        'Poitiers',
        '05 49 00 00 00',
      ].concat([
        '',
        'Click & collect, Livraison à domicile',
        'Appelez la veille avant 18 h.',
        'Lu-Sa 9h-12h, 14h-18h30',
      ]),
    ],
  }
  return {
    bytes: questionnaireFile(file, { encoding: 'windows-1252', delimiter: ';' }),
    pharmacies: pharmacies.map((row) => row[0]!.replace(/\s+/g, ' ')),
  }
}

describe('questionnaire without coordinates (desktop, offline)', () => {
  it(
    'goes in at the communes, flagged approximate, and the sheets show what was answered',
    async () => {
      await withTestPage(browser, 'desktop', async ({ page, context }) => {
        await open(page, '/curation')
        await signIn(page, 'Claire')
        const importSection = page.getByRole('region', { name: 'Importer des commerces' })
        await importSection.waitFor({ timeout: READY_TIMEOUT })

        await context.setOffline(true)
        const { bytes, pharmacies } = questionnaire()
        await importSection.getByLabel('Fichier CSV ou GeoJSON').setInputFiles({
          name: 'questionnaire-association.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(bytes),
        })
        await importSection.getByRole('button', { name: 'Vérifier le fichier' }).click()
        const report = importSection.getByRole('table', { name: 'Rapport ligne par ligne' })
        await report.waitFor({ timeout: 20_000 })
        await importSection.getByText('Encodage windows-1252, séparateur « ; »').waitFor()
        await importSection
          .getByText(/^Hors ligne : les commerces sans coordonnées sont placés au centre/)
          .waitFor()
        await importSection
          .getByRole('status')
          .getByText(/^1 création\(s\), 0 mise\(s\) à jour, 5 inchangée\(s\), 0 erreur\(s\)\.$/)
          .waitFor({ timeout: 20_000 })
        // The workshop is new: placed at its commune's centre, and said so.
        await report
          .getByRole('cell', {
            name: /^Position approximative \(commune\) : placé au centre de Poitiers/,
          })
          .waitFor()
        // The register's pharmacies are on the map already: found, left as they are.
        for (const name of pharmacies) {
          await report
            .getByRole('cell', {
              name: new RegExp(
                `^Doublon possible de « ${name} » \\(open_data\\) : fiche existante, inchangée`,
              ),
            })
            .waitFor()
        }
        expect(
          await report
            .getByRole('cell', {
              name: /^Adresse non placée : la fiche existante garde sa position/,
            })
            .count(),
        ).toBe(5)
        expect(await report.getByRole('cell', { name: 'Erreur', exact: true }).count()).toBe(0)
        // No column silently dropped.
        expect(await report.getByText(/Colonnes ignorées/).count()).toBe(0)
        // The post office is already on the map: the line updates it (the default), with nothing
        // to change; its position is not moved to the commune's centre, and no distance from a
        // guessed position is given.
        const choice = report.getByRole('combobox', {
          name: 'Que faire du doublon possible de la ligne 6 ?',
        })
        expect(await choice.inputValue()).toBe('update')
        await report
          .getByRole('cell', {
            name: /^Doublon possible de « Bureau de poste POITIERS HOTEL DE VILLE » \(open_data\) : fiche existante, inchangée/,
          })
          .waitFor()
        await choice.selectOption({ label: 'Mettre à jour la fiche existante' })
        await report.scrollIntoViewIfNeeded()
        await screenshot(page, 'import-offline-report-desktop')

        await importSection.getByRole('button', { name: 'Importer 1 ligne' }).click()
        await importSection
          .getByRole('status')
          .getByText('Import terminé : 1 créé, 0 mis à jour.')
          .waitFor({ timeout: 20_000 })
        await screenshot(page, 'import-offline-committed-desktop')

        // Still offline, the curator places the workshop: its row says the position is a guess.
        const shops = page.getByRole('region', { name: 'Commerces du territoire' })
        const row = shops.getByRole('row').filter({ hasText: merchant })
        await row.getByText('Approximative (commune)').waitFor({ timeout: 20_000 })
        // The register's approximate pharmacies are listed too: the filter finds them all.
        await page
          .getByRole('checkbox', { name: /^Seulement les positions approximatives \(\d+\)$/ })
          .check()
        await row.getByRole('button', { name: `Placer « ${merchant} » sur la carte` }).click()
        const editor = page.getByRole('region', { name: `Position de « ${merchant} »` })
        await editor.getByText('Position actuelle : centre de la commune, à préciser.').waitFor()
        const pin = editor.getByRole('button', { name: `Repère de « ${merchant} »` })
        await pin.waitFor({ timeout: READY_TIMEOUT })
        const coordinates = editor.getByText(/^Latitude [\d,]+, longitude [\d,]+$/)
        const before = await coordinates.textContent()
        // Dragged by the pointer, as on a computer.
        const box = (await pin.boundingBox())!
        await page.mouse.move(box.x + box.width / 2, box.y + box.height - 4)
        await page.mouse.down()
        await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height - 34, { steps: 8 })
        await page.mouse.up()
        await expect.poll(() => coordinates.textContent()).not.toBe(before)
        await screenshot(page, 'import-offline-place-pin-desktop')
        await editor.getByRole('button', { name: 'Enregistrer la position' }).click()
        await page
          .getByText(`Position de « ${merchant} » enregistrée.`)
          .waitFor({ timeout: 20_000 })
        // The filter's row is gone: its position is exact now.
        await page
          .getByRole('checkbox', { name: /^Seulement les positions approximatives/ })
          .uncheck()
        await row.getByText('Exacte').waitFor()
        await context.setOffline(false)

        // Shoppers find them, with what the merchant answered.
        await open(page, '/')
        const search = page.getByRole('searchbox', { name: 'Rechercher un lieu par son nom' })
        await search.fill(merchant)
        const item = page.getByRole('list', { name: 'Résultats' }).getByRole('listitem')
        await item.filter({ hasText: merchant }).getByRole('button').click()
        const sheet = page.getByRole('dialog', { name: merchant })
        await sheet.waitFor()
        await sheet.getByText(/^Artisan/).waitFor()
        await sheet.getByText('Retrait en magasin').waitFor()
        await sheet.getByText('Livraison').waitFor()
        await sheet.getByText('Appelez la veille avant 18 h.').waitFor()
        await sheet.getByText('09:00–12:00, 14:00–18:30').first().waitFor()
        await screenshot(page, 'import-offline-merchant-sheet-desktop')
        await page.keyboard.press('Escape')

        for (const name of pharmacies) {
          await search.fill(name)
          await item.filter({ hasText: name }).first().waitFor({ timeout: 20_000 })
        }
        // The post office is on the map once.
        await search.fill(postOffice)
        await page
          .getByRole('status')
          .filter({ hasText: /^1 lieu$/ })
          .waitFor()
      })
    },
    JOURNEY_TIMEOUT,
  )
})
