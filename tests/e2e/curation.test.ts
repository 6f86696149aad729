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

// The curators' space in the built app: a merchant's request goes through the queue to the
// shoppers' map, and a questionnaire CSV is checked line by line before an all-or-nothing import.

const READY_TIMEOUT = 60_000
// Each journey boots the embedded database, signs in several times and reloads pages.
const JOURNEY_TIMEOUT = 300_000

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Names no seed shop and no earlier run in the same context can have. */
const stamp = `${Date.now()}`

function withPage(viewport: Viewport, fn: (t: TestPage) => Promise<void>) {
  return withTestPage(browser, viewport, fn)
}

async function open(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'domcontentloaded' })
  // Pages first show the build-time snapshot; what is asserted here comes from the live database.
  await waitForEmbeddedDatabase(page, READY_TIMEOUT)
}

/** Signs in with a demo account from the header (pages may show a second sign-in button). */
async function signIn(page: Page, displayName: string) {
  await page.getByRole('button', { name: 'Se connecter', exact: true }).first().click()
  await page
    .getByRole('dialog', { name: 'Comptes de démonstration' })
    .getByRole('button', { name: new RegExp(`^${displayName}\\b`) })
    .click()
  await page.getByRole('button', { name: 'Compte' }).waitFor({ timeout: READY_TIMEOUT })
  // The "Connecté·e : …" label is hidden on a phone, but still says who is signed in.
  expect(await page.locator('.account-menu__user').textContent()).toBe(
    `Connecté·e : ${displayName}`,
  )
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Compte' }).click()
  await page
    .getByRole('dialog', { name: 'Mon compte' })
    .getByRole('button', { name: 'Se déconnecter' })
    .click()
  await page.getByRole('button', { name: 'Se connecter', exact: true }).first().waitFor()
}

/** Finds a shop on the shoppers' page by its name and opens its sheet. */
async function findOnShoppersMap(page: Page, name: string) {
  await open(page, '/')
  await page.getByRole('searchbox', { name: 'Rechercher un lieu par son nom' }).fill(name)
  const item = page
    .getByRole('list', { name: 'Résultats' })
    .getByRole('listitem')
    .filter({ hasText: name })
  await item.waitFor({ timeout: 20_000 })
  await item.getByRole('button').click()
  const sheet = page.getByRole('dialog', { name })
  await sheet.waitFor()
  return sheet
}

/** The number shown next to a figure of the curators' dashboard. */
async function dashboardFigure(page: Page, label: string): Promise<number> {
  const figure = page.locator('.dashboard-figure').filter({
    has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }),
  })
  return Number(await figure.locator('dd').innerText())
}

describe('referencing then publishing (phone)', () => {
  it(
    'a visitor asks for their shop, the curator publishes it, shoppers find it and it becomes theirs',
    async () => {
      await withPage('phone', async ({ page }) => {
        const shop = `Épicerie e2e ${stamp}`

        await open(page, '/referencer')
        await page.getByRole('heading', { name: 'Référencer mon commerce' }).waitFor()
        await signIn(page, 'Victor')
        const form = page.getByRole('form', { name: 'Questionnaire de référencement' })
        await form.waitFor()
        await page.getByRole('heading', { name: 'Mes demandes' }).waitFor()
        await page.getByText('Vous n’avez encore envoyé aucune demande.').waitFor()

        // Everything but the name: the form refuses, says why in French, and keeps the rest.
        await form.getByRole('radio', { name: 'Commerçant' }).check()
        const category = form.getByRole('combobox', { name: 'Catégorie', exact: true })
        await expect
          .poll(() => category.locator('option').count(), { timeout: 20_000 })
          .toBeGreaterThan(1)
        await category.selectOption({ label: 'Alimentation' })
        const search = form.getByRole('searchbox', { name: 'Chercher l’adresse ou la commune' })
        await search.fill('Poitiers')
        // Offline, the territory's bundled communes answer the search.
        await form
          .getByRole('list', { name: 'Adresses et communes trouvées' })
          .getByRole('button', { name: /^Poitiers\b/ })
          .click()
        await form.getByText('Position choisie :').waitFor()
        await form.getByRole('textbox', { name: 'Adresse (numéro et rue)' }).fill('3 rue e2e')
        await form.getByRole('textbox', { name: 'Téléphone' }).fill('05 49 00 00 01')
        await form.getByRole('button', { name: 'Envoyer ma demande' }).click()

        await page.getByRole('alert').filter({ hasText: 'Corrigez les champs signalés' }).waitFor()
        await form.getByText('Indiquez le nom du commerce.').waitFor()
        const name = form.getByRole('textbox', { name: 'Nom du commerce' })
        expect(await name.getAttribute('aria-invalid')).toBe('true')
        // The focus goes to the first field to fix.
        await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true)
        expect(await category.inputValue()).toBe('alimentation')
        expect(
          await form.getByRole('textbox', { name: 'Adresse (numéro et rue)' }).inputValue(),
        ).toBe('3 rue e2e')
        expect(await form.getByRole('textbox', { name: 'Téléphone' }).inputValue()).toBe(
          '05 49 00 00 01',
        )
        expect(await form.getByRole('textbox', { name: 'Commune' }).inputValue()).toBe('Poitiers')
        await form.getByText('Position choisie :').waitFor()
        await screenshot(page, 'curation-referencing-invalid-phone')

        await name.fill(shop)
        await form.getByRole('button', { name: 'Envoyer ma demande' }).click()
        await page
          .getByRole('status')
          .filter({ hasText: 'Votre demande a été envoyée' })
          .waitFor({ timeout: 20_000 })
        const request = page
          .getByRole('list', { name: 'Mes demandes' })
          .getByRole('listitem', { name: shop })
        await request.getByText('En attente', { exact: true }).waitFor()
        await request.scrollIntoViewIfNeeded()
        await screenshot(page, 'curation-referencing-pending-phone')

        // The curator, on the same phone.
        await signOut(page)
        await signIn(page, 'Claire')
        await open(page, '/curation')
        await page.getByRole('heading', { name: 'Espace curateurs' }).waitFor()
        const card = page
          .getByRole('list', { name: 'Demandes de référencement' })
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { name: shop }) })
        await card.getByText('Envoyée le', { exact: false }).waitFor()
        await card.getByText(/En attente/).waitFor()
        await card.getByRole('heading', { name: 'Doublons possibles' }).waitFor()
        await card.scrollIntoViewIfNeeded()
        await screenshot(page, 'curation-queue-phone')
        await card.getByRole('button', { name: 'Publier' }).click()
        await card.getByText(/Publiée/).waitFor({ timeout: 20_000 })
        expect(await card.getByRole('button', { name: 'Publier' }).count()).toBe(0)
        await screenshot(page, 'curation-queue-published-phone')

        // Shoppers see it.
        const sheet = await findOnShoppersMap(page, shop)
        await sheet.getByText('Poitiers').first().waitFor()
        await screenshot(page, 'curation-published-shop-sheet-phone')
        await page.keyboard.press('Escape')
        await sheet.waitFor({ state: 'hidden' })

        // And it is now Victor's.
        await signOut(page)
        await signIn(page, 'Victor')
        await open(page, '/referencer')
        const published = page
          .getByRole('list', { name: 'Mes demandes' })
          .getByRole('listitem', { name: shop })
        await published.getByText('Publié', { exact: true }).waitFor({ timeout: 20_000 })
        await published.getByRole('link', { name: 'Voir sur la carte' }).waitFor()
        expect(await published.getByRole('button', { name: 'Retirer la demande' }).count()).toBe(0)
        await published.scrollIntoViewIfNeeded()
        await screenshot(page, 'curation-referencing-published-phone')

        await open(page, '/mon-commerce')
        await page.getByRole('heading', { name: shop }).waitFor({ timeout: READY_TIMEOUT })
        // A new shop has no status yet: the merchant is asked, neither answer preselected.
        const choice = page.getByRole('group', {
          name: 'Votre commerce est-il ouvert en ce moment ?',
        })
        await choice.waitFor()
        await screenshot(page, 'curation-merchant-own-shop-phone')
        await choice.getByRole('button', { name: 'Ouvert' }).click()
        await page.getByRole('switch', { name: /Ouvert/ }).waitFor()
      })
    },
    JOURNEY_TIMEOUT,
  )
})

// Grand Poitiers: the centre of Poitiers, and Paris (outside the territory).
const HEADER = 'Nom;Type;Catégorie;Adresse;Code postal;Commune;Latitude;Longitude;Horaires;Services'
const valid = [
  `Fromagerie e2e ${stamp};Commerçant;Alimentation;1 rue e2e;86000;Poitiers;46.5810;0.3400;Tu-Sa 09:00-19:00;Livraison`,
  `Atelier e2e ${stamp};Artisan;Alimentation;2 rue e2e;86000;Poitiers;46.5790;0.3420;;Click and collect`,
  `Primeur e2e ${stamp};;Alimentation;;86000;Poitiers;46.5830;0.3380;;`,
]
const noteHours = `Cave e2e ${stamp};;Alimentation;4 rue e2e;86000;Poitiers;46.5770;0.3440;quand le patron est là;`
const broken = [
  `;;Alimentation;5 rue e2e;86000;Poitiers;46.5800;0.3410;;`,
  `Astrologue e2e ${stamp};;Astrologie;6 rue e2e;86000;Poitiers;46.5805;0.3415;;`,
  `Boutique parisienne e2e ${stamp};;Alimentation;7 rue e2e;75001;;48.8566;2.3522;;`,
]
// Lines 2-4 valid, 5 the hours kept as a note, 6-8 each with one error.
const firstCsv = [HEADER, ...valid, noteHours, ...broken].join('\n') + '\n'
const fixedCsv = [HEADER, ...valid, noteHours].join('\n') + '\n'

describe('questionnaire import (desktop)', () => {
  it(
    'a dry run reports each line, refuses to import a file with errors, then imports the fixed one',
    async () => {
      await withPage('desktop', async ({ page }) => {
        await open(page, '/curation')
        await signIn(page, 'Claire')
        await page.getByRole('heading', { name: 'Espace curateurs' }).waitFor()
        await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor()
        const importSection = page.getByRole('region', { name: 'Importer des commerces' })
        await importSection.waitFor()
        const publishedBefore = await dashboardFigure(page, 'Publiés')
        expect(publishedBefore).toBeGreaterThan(0)

        const fileInput = importSection.getByLabel('Fichier CSV ou GeoJSON')
        await fileInput.setInputFiles({
          name: 'questionnaire.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(firstCsv, 'utf8'),
        })
        await importSection.getByRole('button', { name: 'Vérifier le fichier' }).click()
        const report = importSection.getByRole('table', { name: 'Rapport ligne par ligne' })
        await report.waitFor({ timeout: 20_000 })
        await importSection
          .getByRole('status')
          .getByText(
            '3 lignes en erreur (3 problèmes) : corrigez le fichier, rien n’a été importé.',
          )
          .waitFor()
        await importSection.getByText('Encodage utf-8, séparateur « ; »').waitFor()

        const cells = await report
          .locator('tbody tr')
          .evaluateAll((rows) =>
            rows.map((row) =>
              [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
            ),
          )
        const at = (line: number) => cells.filter(([l]) => l === String(line))
        for (const line of [2, 3, 4]) expect(at(line)).toEqual([[String(line), 'Création', '']])
        expect(at(5).map(([, result]) => result)).toEqual(
          expect.arrayContaining(['Avertissement', 'Création']),
        )
        expect(at(5).find(([, result]) => result === 'Avertissement')?.[2]).toMatch(
          /Horaires gardés en note, non convertis/,
        )
        expect(at(6)).toEqual([['6', 'Erreur', expect.stringMatching(/Le nom est obligatoire\./)]])
        expect(at(7)).toEqual([
          ['7', 'Erreur', expect.stringMatching(/Catégorie inconnue « Astrologie »\./)],
        ])
        expect(at(8)).toEqual([
          [
            '8',
            'Erreur',
            expect.stringMatching(/Adresse hors du territoire Grand Poitiers \(latitude 48.8566/),
          ],
        ])
        await report.scrollIntoViewIfNeeded()
        await screenshot(page, 'curation-import-report-errors-desktop')

        // A file with errors cannot be imported: no import button, and nothing was written.
        expect(await importSection.getByRole('button', { name: /^Importer/ }).count()).toBe(0)
        expect(await dashboardFigure(page, 'Publiés')).toBe(publishedBefore)
        const shopsTable = page
          .getByRole('table')
          .filter({ has: page.getByRole('columnheader', { name: 'Dernière nouvelle' }) })
        expect(await shopsTable.getByText(`Fromagerie e2e ${stamp}`).count()).toBe(0)

        // The fixed file: the errors gone, the note kept (a warning does not block).
        await fileInput.setInputFiles({
          name: 'questionnaire-corrige.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(fixedCsv, 'utf8'),
        })
        await report.waitFor({ state: 'hidden' })
        await importSection.getByRole('button', { name: 'Vérifier le fichier' }).click()
        await importSection
          .getByRole('status')
          .getByText(/^4 création\(s\), 0 mise\(s\) à jour, 0 inchangée\(s\), 0 erreur\(s\)\.$/)
          .waitFor({ timeout: 20_000 })
        expect(await report.getByRole('cell', { name: 'Erreur', exact: true }).count()).toBe(0)
        expect(await dashboardFigure(page, 'Publiés')).toBe(publishedBefore)
        await screenshot(page, 'curation-import-report-ok-desktop')

        await importSection.getByRole('button', { name: 'Importer 4 lignes' }).click()
        await importSection
          .getByRole('status')
          .getByText('Import terminé : 4 créés, 0 mis à jour.')
          .waitFor({ timeout: 20_000 })
        await expect
          .poll(() => dashboardFigure(page, 'Publiés'), { timeout: 20_000 })
          .toBe(publishedBefore + 4)
        await shopsTable.getByText(`Fromagerie e2e ${stamp}`).waitFor()
        await screenshot(page, 'curation-import-committed-desktop')

        // Shoppers see the imported shops.
        for (const line of [...valid, noteHours]) {
          const name = line.split(';')[0]!
          const sheet = await findOnShoppersMap(page, name)
          await sheet.getByText('Poitiers').first().waitFor()
          if (line === noteHours) {
            await sheet.getByText('quand le patron est là').waitFor()
            await screenshot(page, 'curation-imported-shop-sheet-desktop')
          }
          await page.keyboard.press('Escape')
          await sheet.waitFor({ state: 'hidden' })
        }
        for (const line of broken.slice(1)) {
          await page
            .getByRole('searchbox', { name: 'Rechercher un lieu par son nom' })
            .fill(line.split(';')[0]!)
          await page
            .getByRole('status')
            .filter({ hasText: /^0 lieu$/ })
            .waitFor()
        }
      })
    },
    JOURNEY_TIMEOUT,
  )
})
