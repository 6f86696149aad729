/**
 * Lighthouse (the npm package) on Debian's Chromium, offline, with its default mobile preset
 * (Moto G Power screen, simulated slow 4G and 4x CPU slowdown): performance and accessibility
 * scores of the shopper page, plus the metrics behind the performance score.
 */
import lighthouse from 'lighthouse'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './cold-start.ts'

export interface LighthouseResult {
  url: string
  lighthouseVersion: string
  formFactor: string
  throttlingMethod: string
  /** 0..100 */
  performance: number | null
  accessibility: number | null
  metricsMs: Record<string, number | null>
  /** Accessibility audits that failed, by id with their title. */
  failedAccessibilityAudits: { id: string; title: string }[]
  /** Performance opportunities and diagnostics that scored below 0.9. */
  performanceFindings: { id: string; title: string; displayValue: string | null }[]
  runWarnings: string[]
  runtimeError: string | null
  /** With several runs: every run's performance score (this result is the median run). */
  performanceScores?: (number | null)[]
}

/** The run with the median performance score, carrying every run's score. */
export function medianLighthouseRun(runs: LighthouseResult[]): LighthouseResult {
  if (runs.length === 0) throw new Error('no Lighthouse run')
  const sorted = [...runs].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1))
  return {
    ...sorted[Math.floor((sorted.length - 1) / 2)]!,
    performanceScores: runs.map((run) => run.performance),
  }
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'interactive',
] as const

export async function runLighthouse(url: string): Promise<LighthouseResult> {
  const profile = mkdtempSync(join(tmpdir(), 'vitrine-lighthouse-'))
  const chrome = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  try {
    const port = await devToolsPort(chrome)
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      locale: 'en-US',
    })
    if (!result) throw new Error('Lighthouse returned no result')
    const lhr = result.lhr
    const score = (id: string) => {
      const value = lhr.categories[id]?.score
      return typeof value === 'number' ? Math.round(value * 100) : null
    }
    const auditsOf = (category: string) =>
      (lhr.categories[category]?.auditRefs ?? []).map((ref) => lhr.audits[ref.id]!)
    return {
      url,
      lighthouseVersion: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      throttlingMethod: lhr.configSettings.throttlingMethod,
      performance: score('performance'),
      accessibility: score('accessibility'),
      metricsMs: Object.fromEntries(
        METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? null]),
      ),
      failedAccessibilityAudits: auditsOf('accessibility')
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => ({ id: audit.id, title: audit.title })),
      performanceFindings: auditsOf('performance')
        .filter(
          (audit) =>
            audit.score !== null &&
            audit.score < 0.9 &&
            !(METRICS as readonly string[]).includes(audit.id),
        )
        .map((audit) => ({
          id: audit.id,
          title: audit.title,
          displayValue: audit.displayValue ?? null,
        })),
      runWarnings: lhr.runWarnings,
      runtimeError: lhr.runtimeError?.message ?? null,
    }
  } finally {
    chrome.kill('SIGKILL')
    await new Promise((resolve) =>
      chrome.exitCode !== null ? resolve(null) : chrome.once('exit', resolve),
    )
    rmSync(profile, { recursive: true, force: true })
  }
}

/** Chromium prints `DevTools listening on ws://127.0.0.1:<port>/…` on stderr once ready. */
function devToolsPort(chrome: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not open DevTools within 20 s:\n${output}`)),
      20_000,
    )
    chrome.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    chrome.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Chromium exited (${code}) before DevTools was ready:\n${output}`))
    })
  })
}
