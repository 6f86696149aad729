import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { curationPageMessages } from '@/app/curation-page-messages'
import { dashboardMessages } from '@/features/dashboard/i18n/dashboard-messages'
import { importExportMessages } from '@/features/import-export/i18n/import-export-messages'
import { reviewMessages } from '@/features/review/i18n/review-messages'
import { membersMessages } from '@/features/members/i18n/members-messages'
import { referencingMessages } from '@/features/referencing/i18n/referencing-messages'
import { MAP_CONTROL_LOCALE, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locale-store'
import { SHOP_RULE_MESSAGES } from '@/shop/shop-rules'
import { launchBrowser, screenshot, waitForEmbeddedDatabase, withTestPage } from './browser'

// An English sweep: every page in English shows no French word from the French dictionaries'
// own values, in its text or in its accessible strings (MapLibre's controls and the map's
// cluster labels included), and every page in French none of the English ones. The language is
// switched with the header's button, as a visitor would, on pages already showing.

const READY_TIMEOUT = 60_000
const SWEEP_TIMEOUT = 10_000
const JOURNEY_TIMEOUT = 240_000

// ---------------------------------------------------------------------------------------------
// The words to look for, read from the real dictionaries.

/** Every dictionary of the app, both languages side by side. */
const DICTIONARIES: Record<Locale, unknown>[] = [
  messages,
  curationPageMessages,
  dashboardMessages,
  reviewMessages,
  importExportMessages,
  membersMessages,
  referencingMessages,
  SHOP_RULE_MESSAGES,
  MAP_CONTROL_LOCALE,
]

/** Stands for an argument: a private-use character, in no message. */
const ARGUMENT = '\uE000'

/** The fixed parts of a dictionary value; a message with arguments gives the text around them. */
function fixedParts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'function') {
    const parts: string[] = []
    // Called with a marker, then with numbers (plurals): what is not an argument is the message's.
    for (const argument of [ARGUMENT, 1, 2]) {
      let text: unknown
      try {
        text = (value as (...args: unknown[]) => unknown)(
          ...Array<unknown>(value.length).fill(argument),
        )
      } catch {
        continue // e.g. a string method on a number
      }
      if (typeof text === 'string') parts.push(...text.split(/\uE000|\d+|NaN/))
    }
    return parts
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(fixedParts)
  return []
}

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim()

function allParts(locale: Locale): Set<string> {
  return new Set(
    DICTIONARIES.flatMap((dictionary) => fixedParts(dictionary[locale]))
      .map(normalise)
      .filter(Boolean),
  )
}

/** Long enough to mean something: two words, or one of eight characters or more. */
function telling(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? []
  return (words.length >= 2 && text.length >= 5) || words.some((word) => word.length >= 8)
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `text` as a whole phrase, not inside a longer word, and in its own case: the data the pages
 * show (a merchant's message, a shop's name in capitals) may use the same words in running text.
 */
function phrase(text: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, 'u')
}

/**
 * The phrases of `locale` that must not show in the other language: those the other language
 * does not also use (same word, a proper name, a credit), long enough to tell.
 */
function foreignPhrases(locale: Locale): { text: string; pattern: RegExp }[] {
  const other = [...allParts(locale === 'fr' ? 'en' : 'fr')]
  return [...allParts(locale)]
    .filter(telling)
    .map((text) => ({ text, pattern: phrase(text) }))
    .filter(({ pattern }) => !other.some((value) => pattern.test(value)))
}

const FOREIGN: Record<Locale, { text: string; pattern: RegExp }[]> = {
  fr: foreignPhrases('fr'),
  en: foreignPhrases('en'),
}

// ---------------------------------------------------------------------------------------------
// What a page says.

/**
 * The page's visible text, line by line, and its accessible strings in the whole document (hidden
 * parts too), each with where it was found.
 */
function pageStrings(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']
    const strings = [
      { where: 'title', text: document.title },
      ...document.body.innerText.split('\n').map((line) => ({ where: 'text', text: line })),
    ]
    for (const element of document.querySelectorAll('*')) {
      const name = [element.tagName.toLowerCase(), ...element.classList].join('.')
      for (const attribute of attributes) {
        const value = element.getAttribute(attribute)
        if (value) strings.push({ where: `${name}[${attribute}]`, text: value })
      }
    }
    return strings
  })
}

/** The other language's phrases found in the page, as "phrase ← where: text". */
async function leaks(page: Page, shown: Locale): Promise<string[]> {
  const foreign = FOREIGN[shown === 'fr' ? 'en' : 'fr']
  const found = new Set<string>()
  for (const { where, text } of await pageStrings(page)) {
    const normalised = text.replace(/\s+/gu, ' ')
    for (const { text: foreignText, pattern } of foreign) {
      if (pattern.test(normalised)) found.add(`«${foreignText}» ← ${where}: ${normalised.trim()}`)
    }
  }
  return [...found]
}

/** The page in `locale` shows none of the other language's phrases (waits for it to settle). */
async function expectOnly(page: Page, locale: Locale) {
  await expect.poll(() => leaks(page, locale), { timeout: SWEEP_TIMEOUT }).toEqual([])
}

/** The header's language button, as a visitor uses it. */
async function switchTo(page: Page, locale: Locale) {
  await page.getByRole('button', { name: locale === 'en' ? /^EN\b/ : /^FR\b/ }).click()
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale)
}

async function signInWithDialog(page: Page, account: RegExp) {
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: account }).click()
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('language sweep', () => {
  it('reads the real dictionaries', () => {
    const french = FOREIGN.fr.map(({ text }) => text)
    const english = FOREIGN.en.map(({ text }) => text)
    // From the app-wide dictionary, a feature's, the form rules and MapLibre's labels.
    expect(french).toEqual(expect.arrayContaining(['Les commerces ouverts près de chez vous']))
    expect(french).toEqual(expect.arrayContaining(['Importer des commerces']))
    expect(french).toEqual(expect.arrayContaining(['Numéro de téléphone invalide.']))
    expect(french).toEqual(expect.arrayContaining(['Afficher les crédits']))
    expect(french).toEqual(expect.arrayContaining(['lieux regroupés : touchez pour zoomer']))
    expect(english).toEqual(expect.arrayContaining(['Show the credits', 'Zoom out']))
    // What both languages say alike is never a leak.
    expect(french).not.toContain('Description')
    expect(french).not.toContain('© OpenStreetMap contributors')
    expect(french.length).toBeGreaterThan(300)
    expect(english.length).toBeGreaterThan(300)
  })

  it(
    'the map, its controls and cluster labels, and a place’s sheet follow the language both ways',
    async () => {
      await withTestPage(browser, 'desktop', async ({ page }) => {
        await page.goto('/t/grand-poitiers', { waitUntil: 'domcontentloaded' })
        await waitForEmbeddedDatabase(page, READY_TIMEOUT)
        await page.waitForFunction(
          () => document.documentElement.dataset.mapReady === 'true',
          null,
          { timeout: READY_TIMEOUT },
        )
        const clusters = page.locator('.cluster-label')
        await expect.poll(() => clusters.count(), { timeout: SWEEP_TIMEOUT }).toBeGreaterThan(0)
        await expectOnly(page, 'fr')

        // The map was built in French: its controls and labels change with the page.
        await switchTo(page, 'en')
        expect(await page.evaluate(() => localStorage.getItem('vitrine.locale'))).toContain('"en"')
        await expectOnly(page, 'en')
        await page.getByRole('button', { name: 'Zoom in' }).waitFor()
        await page.getByRole('button', { name: 'Zoom out' }).waitFor()
        expect(await page.locator('.maplibregl-ctrl-attrib-button').getAttribute('title')).toBe(
          'Show the credits',
        )
        expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Map')
        const titles = await clusters.evaluateAll((labels) =>
          labels.map((label) => label.getAttribute('title')),
        )
        for (const title of titles) {
          expect(title).toMatch(/^\d+ places grouped: tap to zoom in$/)
        }
        await screenshot(page, 'language-sweep-map-en-desktop')

        await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click()
        await page.getByRole('dialog').waitFor()
        await expectOnly(page, 'en')
        await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

        // And back: French again, MapLibre's own labels included.
        await switchTo(page, 'fr')
        await expectOnly(page, 'fr')
        await page.getByRole('button', { name: 'Zoomer', exact: true }).waitFor()
        expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Carte')
        await page.getByRole('list', { name: 'Résultats' }).getByRole('button').first().click()
        await page.getByRole('dialog').waitFor()
        await expectOnly(page, 'fr')
      })
    },
    JOURNEY_TIMEOUT,
  )

  it(
    'a merchant’s page, the account dialog, form messages and the referencing form, in English',
    async () => {
      await withTestPage(browser, 'phone', async ({ page }) => {
        await page.goto('/t/grand-poitiers/mon-commerce', { waitUntil: 'domcontentloaded' })
        await waitForEmbeddedDatabase(page, READY_TIMEOUT)

        // The sign-in dialog and its demonstration accounts, in both languages.
        await page.getByRole('button', { name: 'Se connecter' }).click()
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /Camille/ })
          .waitFor()
        await expectOnly(page, 'fr')
        await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
        await switchTo(page, 'en')
        await page.getByRole('button', { name: 'Sign in' }).click()
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /Camille/ })
          .waitFor()
        await expectOnly(page, 'en')
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /Camille/ })
          .click()

        await page.getByRole('switch').waitFor({ timeout: READY_TIMEOUT })
        await page.getByRole('heading', { name: 'Démo — Boulangerie des Halles' }).waitFor()
        await expectOnly(page, 'en')

        // A refused value: the form's messages, in English, then in French once switched.
        await page.getByRole('textbox', { name: 'Phone' }).fill('abc')
        await page.getByRole('textbox', { name: 'Website (https://…)' }).fill('www.example.fr')
        await page.getByRole('button', { name: 'Save my information' }).click()
        await page.getByText('Invalid phone number.').waitFor()
        await page.getByText('The website must start with http:// or https://.').waitFor()
        await expectOnly(page, 'en')
        await switchTo(page, 'fr')
        await page.getByText('Numéro de téléphone invalide.').waitFor()
        await expectOnly(page, 'fr')
        await switchTo(page, 'en')
        await page.getByText('Invalid phone number.').waitFor()
        await screenshot(page, 'language-sweep-merchant-en-phone')

        // The account dialog.
        await page.getByRole('button', { name: 'Account' }).click()
        const dialog = page.getByRole('dialog')
        await dialog.getByRole('heading', { name: 'My account' }).waitFor()
        await expectOnly(page, 'en')

        // The referencing form, sent empty.
        await dialog.getByRole('link', { name: 'List my shop' }).click()
        await page.waitForURL('**/t/grand-poitiers/referencer')
        await page.getByRole('button', { name: 'Send my request' }).waitFor({
          timeout: READY_TIMEOUT,
        })
        await expectOnly(page, 'en')
        await page.getByRole('button', { name: 'Send my request' }).click()
        await page.getByText('Give the shop’s name.').waitFor()
        await expectOnly(page, 'en')
        await screenshot(page, 'language-sweep-referencing-en-phone')
      })
    },
    JOURNEY_TIMEOUT,
  )

  it(
    'the curators’ space, signed in as a demo curator, in both languages',
    async () => {
      await withTestPage(browser, 'desktop', async ({ page }) => {
        await page.goto('/t/grand-poitiers/curation', { waitUntil: 'domcontentloaded' })
        await waitForEmbeddedDatabase(page, READY_TIMEOUT)
        await signInWithDialog(page, /Claire/)
        await page
          .getByRole('heading', { name: 'Importer des commerces' })
          .waitFor({ timeout: READY_TIMEOUT })
        await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor()
        await expectOnly(page, 'fr')

        await switchTo(page, 'en')
        await page.getByRole('heading', { name: 'Import shops' }).waitFor()
        await expectOnly(page, 'en')
        await screenshot(page, 'language-sweep-curation-en-desktop')
      })
    },
    JOURNEY_TIMEOUT,
  )

  it(
    'the not-found page in both languages',
    async () => {
      await withTestPage(browser, 'phone', async ({ page }) => {
        await page.goto('/t/nowhere', { waitUntil: 'domcontentloaded' })
        await page
          .getByRole('heading', { name: 'Ce territoire n’existe pas' })
          .waitFor({ timeout: READY_TIMEOUT })
        await expectOnly(page, 'fr')
        await switchTo(page, 'en')
        await page.getByRole('heading', { name: 'This territory does not exist' }).waitFor()
        await expectOnly(page, 'en')
        await screenshot(page, 'language-sweep-not-found-en-phone')
      })
    },
    JOURNEY_TIMEOUT,
  )
})
