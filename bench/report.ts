/**
 * The benchmark's output: `bench/results.json` (everything measured, for comparisons between
 * runs) and the tables printed at the end of `npm run bench`. Verdicts say PASS or MISS with
 * the margin; a miss is reported, never turned into a failing exit code.
 */
import { writeFileSync } from 'node:fs'
import * as prettier from 'prettier'
import type { BundleReport, ChunkReport } from './bundle-size.ts'
import { KB } from './bundle-size.ts'
import type { ColdStartResult, MarkName, MetricSummary } from './cold-start.ts'
import type { LighthouseResult } from './lighthouse.ts'
import type { InstallabilityResult, PageSwitchResult } from './page-switch.ts'

export interface Verdict {
  name: string
  pass: boolean
  value?: number
  limit?: number
  unit?: string
  detail: string
}

/** Median latency of each benchmark task, by suite (e.g. "1000 places") and task name. */
export type FilteringMedians = Record<string, Record<string, { medianMs: number; samples: number }>>

export interface ColdStartScenario {
  label: string
  mode: 'embedded' | 'production'
  throttled: boolean
  result: ColdStartResult
}

export interface BenchResults {
  generatedAt: string
  environment: Record<string, unknown>
  settings: Record<string, unknown>
  bundle: Partial<Record<'production' | 'embedded', BundleReport>>
  coldStart: ColdStartScenario[]
  lighthouse: LighthouseResult | null
  /** Moving between pages without a reload (embedded build). */
  pageSwitch?: PageSwitchResult | null
  /** Chromium's installability verdict on the production build (bench/page-switch.ts). */
  installability?: InstallabilityResult | null
  filtering: FilteringMedians | null
  /** Every combination of the shopper's filters, per size (filter-combinations.bench.ts). */
  filterCombinations: Record<string, FilterCombinations> | null
  database: unknown
  verdicts: Verdict[]
  errors: { step: string; message: string }[]
}

export interface FilterCombinations {
  combinations: number
  runsPerCombination: number
  medianMs: number
  p95Ms: number
  worst: { name: string; medianMs: number; results: number }
}

/** Cold-start aims of the issue, in ms, for the median of the first-places mark. */
export const AIMS = {
  productionUnthrottledMs: 1500,
  productionThrottledMs: 4000,
  embeddedFirstVisitMs: 2500,
  /** Issue 14: moving to a page already visited once. */
  pageSwitchMs: 100,
  lighthouseScore: 90,
} as const

export function aimVerdict(name: string, median: number | null, limitMs: number): Verdict {
  if (median === null) {
    return { name, pass: false, limit: limitMs, unit: 'ms', detail: 'the mark never came' }
  }
  const margin = limitMs - median
  return {
    name,
    pass: margin >= 0,
    value: Math.round(median),
    limit: limitMs,
    unit: 'ms',
    detail: `median ${Math.round(median)} ms for ${limitMs} ms (${margin >= 0 ? `${Math.round(margin)} ms to spare` : `${Math.round(-margin)} ms over`})`,
  }
}

export function scoreVerdict(name: string, score: number | null): Verdict {
  if (score === null) return { name, pass: false, limit: AIMS.lighthouseScore, detail: 'no score' }
  const margin = score - AIMS.lighthouseScore
  return {
    name,
    pass: margin >= 0,
    value: score,
    limit: AIMS.lighthouseScore,
    detail: `${score} for ${AIMS.lighthouseScore}+ (${margin >= 0 ? `${margin} to spare` : `${-margin} short`})`,
  }
}

/** Written as the project's Prettier would, so that `npm run format:check` stays clean. */
export async function writeResults(file: string, results: BenchResults): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {}
  writeFileSync(
    file,
    await prettier.format(JSON.stringify(results), { ...options, parser: 'json' }),
  )
}

/** Plain-text table with aligned columns (numbers right-aligned). */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)))
  const numeric = headers.map((_, i) =>
    rows.every((row) => typeof row[i] === 'number' || /^[\d.,–\s-]+$|^-$/.test(String(row[i]))),
  )
  const line = (row: string[]) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [
    line(cells[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n')
}

const kb = (bytes: number) => (bytes / KB).toFixed(1)
const ms = (value: number | null) => (value === null ? '-' : String(Math.round(value)))

function contentsSummary(chunk: ChunkReport): string {
  const total = chunk.contents.reduce((sum, g) => sum + g.rawBytes, 0)
  if (!total) return ''
  return chunk.contents
    .slice(0, 4)
    .map((g) => `${g.group} ${Math.round((g.rawBytes / total) * 100)}%`)
    .join(', ')
}

function bundleTable(report: BundleReport): string {
  const rows = report.chunks.map((c) => [
    c.file.replace(/^assets\//, ''),
    c.path,
    ms(c.requestedAtMs),
    kb(c.rawBytes),
    kb(c.gzipBytes),
    kb(c.brotliBytes),
    contentsSummary(c),
  ])
  for (const [label, totals] of [
    ['TOTAL list path', report.totals.list],
    ['  of which CSS', report.totals.cssOnList],
    ['TOTAL up to interactive map', report.totals.upToMap],
    ['TOTAL all JS + CSS', report.totals.all],
  ] as const) {
    rows.push([
      label,
      '',
      '',
      kb(totals.rawBytes),
      kb(totals.gzipBytes),
      kb(totals.brotliBytes),
      '',
    ])
  }
  return table(['file', 'path', 'req ms', 'raw kB', 'gzip kB', 'br kB', 'made of (raw)'], rows)
}

function span(summary: MetricSummary | undefined): string {
  if (!summary || summary.median === null) return '-'
  return `${ms(summary.median)} (${ms(summary.min)}–${ms(summary.max)})`
}

function coldStartTable(scenarios: ColdStartScenario[]): string {
  const rows: string[][] = []
  for (const scenario of scenarios) {
    const visits: [string, Record<MarkName, MetricSummary> | null][] = [
      ['first', scenario.result.first],
      ['repeat', scenario.result.repeat],
    ]
    for (const [visit, summary] of visits) {
      if (!summary) continue
      rows.push([
        scenario.label,
        visit,
        String(summary.firstPlacesListed.samples),
        span(summary.firstPlacesListed),
        span(summary.mapInteractive),
        span(summary.embeddedDatabaseReady),
      ])
    }
  }
  return table(
    ['scenario', 'visit', 'n', 'first places ms', 'map interactive ms', 'database ready ms'],
    rows,
  )
}

function filteringTable(filtering: FilteringMedians): string {
  const suites = Object.keys(filtering)
  const tasks = [...new Set(suites.flatMap((suite) => Object.keys(filtering[suite]!)))]
  return table(
    ['task (median ms)', ...suites],
    tasks.map((task) => [
      task,
      ...suites.map((suite) => {
        const value = filtering[suite]![task]?.medianMs
        return value === undefined ? '-' : value < 1 ? value.toFixed(4) : value.toFixed(2)
      }),
    ]),
  )
}

/** Details (query plans, samples, inputs) stay in results.json, out of the printed summary. */
const DATABASE_DETAILS = /plan|slowest|sample|query|data|error/i
const MAX_DATABASE_LINES = 40

/**
 * The database benchmark's figures, whatever the shape of its JSON: numeric leaves (and an
 * `error` if any), a line each, details left out.
 */
function flatten(value: unknown, prefix = '', out: string[] = []): string[] {
  if (out.length >= MAX_DATABASE_LINES) return out
  if (typeof value === 'number') {
    out.push(`${prefix}: ${+value.toFixed(3)}`)
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out))
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (DATABASE_DETAILS.test(key)) continue
      flatten(item, prefix ? `${prefix}.${key}` : key, out)
    }
  }
  return out
}

function databaseSummary(database: unknown): string {
  if (database && typeof database === 'object' && 'error' in database) {
    return `not run: ${String((database as { error: unknown }).error).split('\n')[0]}`
  }
  const lines = flatten(database)
  if (lines.length >= MAX_DATABASE_LINES) lines.push('… (the rest in results.json, `database`)')
  return lines.join('\n')
}

export function formatReport(results: BenchResults): string {
  const sections: string[] = []
  const heading = (title: string) => `\n== ${title} ==`
  for (const mode of ['production', 'embedded'] as const) {
    const report = results.bundle[mode]
    if (!report) continue
    sections.push(
      heading(
        `Bundle, ${mode} build (kB = 1,000 bytes; gzip -9, brotli q11; paths from the first visit)`,
      ),
      bundleTable(report),
    )
  }
  if (results.coldStart.length) {
    sections.push(
      heading('Cold start of the shopper page: median (min–max) ms after navigation start'),
      coldStartTable(results.coldStart),
    )
  }
  if (results.lighthouse) {
    const lh = results.lighthouse
    sections.push(
      heading(
        `Lighthouse ${lh.lighthouseVersion}, ${lh.formFactor}, ${lh.throttlingMethod} throttling` +
          (lh.performanceScores
            ? `, median of ${lh.performanceScores.length} runs (performance ${lh.performanceScores.join(', ')})`
            : ''),
      ),
      table(
        ['performance', 'accessibility', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'SI ms', 'TTI ms'],
        [
          [
            lh.performance ?? '-',
            lh.accessibility ?? '-',
            ms(lh.metricsMs['first-contentful-paint'] ?? null),
            ms(lh.metricsMs['largest-contentful-paint'] ?? null),
            ms(lh.metricsMs['total-blocking-time'] ?? null),
            (lh.metricsMs['cumulative-layout-shift'] ?? 0).toFixed(3),
            ms(lh.metricsMs['speed-index'] ?? null),
            ms(lh.metricsMs['interactive'] ?? null),
          ],
        ],
      ),
    )
  }
  if (results.pageSwitch) {
    const ps = results.pageSwitch
    sections.push(
      heading(
        `Page switches (embedded build, phone, ${ps.switches.length} switches, ${ps.documentsLoaded} document loaded)`,
      ),
      table(
        ['median after first visit', 'first Mon commerce', 'first Référencer'],
        [
          [
            ms(ps.medianAfterFirstVisitMs),
            ms(ps.firstVisitMs.merchant ?? null),
            ms(ps.firstVisitMs.referencing ?? null),
          ],
        ],
      ),
    )
  }
  if (results.installability) {
    const inst = results.installability
    sections.push(
      heading('Installability (Chromium, production build)'),
      inst.installable
        ? `installable; manifest ${inst.manifestUrl}; service worker controls the page: ${inst.serviceWorkerControls}`
        : `NOT installable: ${inst.errors.map((e) => e.errorId).join(', ')}`,
    )
  }
  if (results.filtering) {
    sections.push(
      heading('Filtering (vitest bench), median ms per call'),
      filteringTable(results.filtering),
    )
  }
  if (results.filterCombinations) {
    const sizes = Object.entries(results.filterCombinations)
    sections.push(
      heading('Filtering, every combination of the filters (median ms per call, per combination)'),
      table(
        ['places', 'combinations', 'median', 'p95', 'worst combination'],
        sizes.map(([size, c]) => [
          Number(size).toLocaleString('en'),
          String(c.combinations),
          c.medianMs.toFixed(3),
          c.p95Ms.toFixed(3),
          `${c.worst.name}: ${c.worst.medianMs.toFixed(3)}`,
        ]),
      ),
    )
  }
  if (results.database !== null && results.database !== undefined) {
    sections.push(heading('Database (bench/db)'), databaseSummary(results.database))
  }
  sections.push(
    heading('Budgets and aims'),
    results.verdicts.map((v) => `${v.pass ? 'PASS' : 'MISS'}  ${v.name}: ${v.detail}`).join('\n'),
  )
  if (results.errors.length) {
    sections.push(
      heading('Steps that could not run'),
      results.errors.map((e) => `${e.step}: ${e.message.split('\n')[0]}`).join('\n'),
    )
  }
  return sections.join('\n')
}
