import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newPage, type Viewport } from './browser'

// axe-core in the real page: no serious or critical violation on the shopper's page and sheet,
// the merchant's page (demo merchant Camille) and the curators' page (demo curator Claire).

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    )
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const READY_TIMEOUT = 60_000

/** Signs in with a demonstration account from the page's own "Se connecter" button. */
async function signInAs(page: Page, path: string, account: RegExp) {
  await page.goto(path, { waitUntil: 'domcontentloaded' })
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByRole('dialog').getByRole('button', { name: account }).click()
}

describe.each<Viewport>(['phone', 'desktop'])('accessibility (%s)', (viewport) => {
  it('the shopper page and the place sheet have no serious axe violation', async () => {
    const { page, close } = await newPage(browser, viewport)
    try {
      await page.goto('/', { waitUntil: 'domcontentloaded' })
      await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, {
        timeout: 60_000,
      })
      await page.getByRole('list', { name: 'Résultats' }).waitFor()
      expect(await seriousViolations(page)).toEqual([])

      await page.getByRole('list', { name: 'Résultats' }).getByRole('button').first().click()
      await page.getByRole('dialog').waitFor()
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await close()
    }
  })

  it("the merchant's page, signed in as Camille, has no serious axe violation", async () => {
    const { page, close } = await newPage(browser, viewport)
    try {
      await signInAs(page, '/mon-commerce', /Camille/)
      await page.getByRole('switch').waitFor({ timeout: READY_TIMEOUT })
      await page.getByRole('heading', { name: 'Démo — Boulangerie des Halles' }).waitFor()
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await close()
    }
  })

  it("the curators' page, signed in as Claire, has no serious axe violation", async () => {
    const { page, close } = await newPage(browser, viewport)
    try {
      await signInAs(page, '/curation', /Claire/)
      await page
        .getByRole('heading', { name: 'Importer des commerces' })
        .waitFor({ timeout: READY_TIMEOUT })
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await close()
    }
  })
})
