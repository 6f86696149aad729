/**
 * Moving between pages without a reload, and whether Chromium finds the app installable.
 *
 * Page switch: on the embedded build, a signed-in user on a phone goes from the map to "Mon
 * commerce", back to the map, to "Référencer mon commerce" and back, several rounds, by clicking
 * the app's own links. Each switch is timed in the page, from the click to the first frame painted after
 * the new page's heading (or the map's list) is shown. The first visit of a page downloads its
 * code; the figure that counts is the median of the later visits.
 *
 * Installability: Lighthouse 12 dropped its PWA category and its `installable-manifest` audit,
 * which read Chromium's own verdict (DevTools' `Page.getInstallabilityErrors`); that verdict is
 * read here directly, once the service worker controls the page, with the parsed manifest.
 */
import { chromium, type Browser, type Page } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_FLAGS, CHROMIUM_PATH, median } from './cold-start.ts'

export interface PageSwitch {
  to: 'merchant' | 'places' | 'referencing'
  /** The first visit of this page in the round trip (its code downloaded). */
  firstVisit: boolean
  ms: number
}

export interface PageSwitchResult {
  switches: PageSwitch[]
  /** Median of the switches to a page already visited once. */
  medianAfterFirstVisitMs: number | null
  firstVisitMs: Partial<Record<PageSwitch['to'], number>>
  /** Documents loaded during the whole run: 1 when no switch reloaded the page. */
  documentsLoaded: number
}

export interface InstallabilityResult {
  installable: boolean
  errors: { errorId: string; errorArguments: { name: string; value: string }[] }[]
  manifestUrl: string | null
  manifestParseErrors: string[]
  serviceWorkerControls: boolean
}

const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
} as const

/**
 * Clicks the element the page finds with `clickTarget`, then resolves with the time until the
 * frame after `arrived` holds (a MutationObserver watches; a timer backs it up).
 */
async function timedSwitch(
  page: Page,
  clickTarget: string,
  arrived: string,
  timeoutMs = 30_000,
): Promise<number> {
  // A string, not a function: tsx's helpers (`__name`) would not exist in the page.
  return page.evaluate(`new Promise((resolve, reject) => {
    const target = (${clickTarget})()
    if (!target) return reject(new Error('nothing to click: ' + ${JSON.stringify(clickTarget)}))
    const done = ${arrived}
    let finished = false
    const start = performance.now()
    const observer = new MutationObserver(() => check())
    function check() {
      if (finished || !done()) return
      finished = true
      observer.disconnect()
      requestAnimationFrame(() => resolve(performance.now() - start))
    }
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
    setTimeout(() => {
      if (finished) return
      finished = true
      observer.disconnect()
      reject(new Error('page switch not done within ${timeoutMs} ms: ' + ${JSON.stringify(arrived)}))
    }, ${timeoutMs})
    target.click()
    check()
  })`)
}

// Written as functions' source: they run in the page.
const LINK = (text: string) =>
  `() => [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === ${JSON.stringify(text)})`
const MAP_SHOWN = `() => { const page = document.querySelector('.app-page'); return !!page && !page.hidden && !!document.querySelector('[aria-label="Résultats"] li') }`
const HEADING = (pattern: string) =>
  `() => [...document.querySelectorAll('h1, h2')].some((h) => new RegExp(${JSON.stringify(pattern)}).test(h.textContent))`

export async function measurePageSwitches(
  browser: Browser,
  baseUrl: string,
  rounds = 5,
): Promise<PageSwitchResult> {
  const context = await browser.newContext({ ...PHONE, baseURL: baseUrl, locale: 'fr-FR' })
  try {
    const page = await context.newPage()
    await page.goto('/t/grand-poitiers', { waitUntil: 'domcontentloaded' })
    await page.waitForFunction(
      "performance.getEntriesByName('vitrine:embedded-database-ready').length > 0",
      null,
      { timeout: 60_000 },
    )
    await page.waitForFunction(`(${MAP_SHOWN})()`)
    // A signed-in user (a demo curator), whose account dialog links to every page.
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Nicolas/ })
      .click()
    await page.getByRole('button', { name: 'Compte' }).waitFor({ timeout: 30_000 })
    const switches: PageSwitch[] = []
    const visited = new Set<string>()
    const go = async (to: PageSwitch['to'], click: string, arrived: string) => {
      const ms = await timedSwitch(page, click, arrived)
      switches.push({ to, firstVisit: !visited.has(to), ms })
      visited.add(to)
    }
    for (let round = 0; round < rounds; round++) {
      await go('merchant', LINK('Mon commerce'), HEADING('^Mon commerce$'))
      await go('places', LINK('La carte'), MAP_SHOWN)
      // "Référencer mon commerce" is in the account dialog: opening it is not the switch.
      await page.getByRole('button', { name: 'Compte' }).click()
      await go('referencing', LINK('Référencer mon commerce'), HEADING('Référencer'))
      await go('places', LINK('La carte'), MAP_SHOWN)
    }
    const later = switches.filter((s) => !s.firstVisit).map((s) => s.ms)
    const firstVisitMs: PageSwitchResult['firstVisitMs'] = {}
    for (const s of switches) if (s.firstVisit && s.to !== 'places') firstVisitMs[s.to] = s.ms
    return {
      switches: switches.map((s) => ({ ...s, ms: Math.round(s.ms * 10) / 10 })),
      medianAfterFirstVisitMs: median(later),
      firstVisitMs,
      documentsLoaded: await page.evaluate<number>(
        "performance.getEntriesByType('navigation').length",
      ),
    }
  } finally {
    await context.close()
  }
}

/** Chromium says "in-incognito" of a throwaway context: this check uses a real profile. */
export async function checkInstallability(baseUrl: string): Promise<InstallabilityResult> {
  const profile = mkdtempSync(join(tmpdir(), 'vitrine-install-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    ...PHONE,
    baseURL: baseUrl,
    locale: 'fr-FR',
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto('/t/grand-poitiers', { waitUntil: 'load' })
    const serviceWorkerControls = await page
      .waitForFunction('navigator.serviceWorker?.controller !== null', null, {
        timeout: 60_000,
      })
      .then(
        () => true,
        () => false,
      )
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: InstallabilityResult['errors']
    }
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string
      errors: { message: string }[]
    }
    return {
      installable: installabilityErrors.length === 0,
      errors: installabilityErrors,
      manifestUrl: manifest.url || null,
      manifestParseErrors: manifest.errors.map((error) => error.message),
      serviceWorkerControls,
    }
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
