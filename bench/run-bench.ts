/**
 * `npm run bench`: builds the app fresh in both modes, then measures bundle sizes, the shopper
 * page's cold start and its Lighthouse scores in Debian's headless Chromium, runs the filtering
 * benchmark (vitest bench) and the database benchmark (bench/db) if present, prints a table and
 * writes bench/results.json. A benchmark reports: a missed budget never fails the run, and a
 * step that cannot run is recorded in results.json and the others go on.
 *
 * Options: --runs <n> (cold-start runs per scenario, default 5),
 *          --skip <step,…> among build, throttled, lighthouse, pages, installability,
 *          filtering, database.
 *          (--skip build reuses the previous builds in node_modules/.cache/vitrine-bench.)
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { analyseBundle } from './bundle-size.ts'
import { signalGroup, startPreview, stopProcessGroup } from '../tests/e2e/preview-server.ts'
import {
  CHROMIUM_PATH,
  SLOW_4G,
  launchBenchBrowser,
  listsWithout,
  measureColdStart,
  type ColdStartResult,
} from './cold-start.ts'
import { medianLighthouseRun, runLighthouse, type LighthouseResult } from './lighthouse.ts'
import { checkInstallability, measurePageSwitches } from './page-switch.ts'
import {
  AIMS,
  aimVerdict,
  formatReport,
  scoreVerdict,
  writeResults,
  type BenchResults,
  type FilterCombinations,
  type FilteringMedians,
} from './report.ts'
import { checkStubAgainstSnapshots } from './supabase-stub/fidelity.ts'
import { startSupabaseStub, type SupabaseStub } from './supabase-stub/server.ts'

const ROOT = resolve(import.meta.dirname, '..')
/** Ignored by git (.gitignore): logs and raw outputs of the last run. */
const WORK = join(ROOT, 'bench', 'results.tmp')
/** The builds: out of the linted tree (eslint reads no .gitignore) and out of git. */
const BUILDS = join(ROOT, 'node_modules', '.cache', 'vitrine-bench')
const RESULTS = join(ROOT, 'bench', 'results.json')
const SHOPPER_PATH = '/'
/** Any non-empty value: the stub does not check it. */
const FAKE_ANON_KEY = 'bench-fake-anon-key'

const args = process.argv.slice(2)
const option = (name: string) => {
  const index = args.indexOf(`--${name}`)
  return index >= 0 ? args[index + 1] : undefined
}
const RUNS = Number(option('runs') ?? 5)
/** Lighthouse's own advice: the median of several runs, its scores vary from run to run. */
const LIGHTHOUSE_RUNS = 3
const SKIP = new Set((option('skip') ?? '').split(',').filter(Boolean))

const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  environment: environment(),
  settings: {
    runs: RUNS,
    shopperPath: SHOPPER_PATH,
    viewport: 'Lighthouse mobile screen: 412x823 at DPR 1.75, touch',
    throttled: {
      ...SLOW_4G,
      how: 'CDP Network.emulateNetworkConditions + Emulation.setCPUThrottlingRate on the page',
    },
    builds:
      'vite build --manifest; VITE_MAP_STYLE_URL and VITE_ADDRESS_SEARCH_URL empty (offline map style, no address service)',
    server: 'vite preview (gzip, Cache-Control: no-cache with ETags)',
    kB: 1000,
  },
  bundle: {},
  coldStart: [],
  lighthouse: null,
  pageSwitch: null,
  installability: null,
  filtering: null,
  filterCombinations: null,
  database: null,
  verdicts: [],
  errors: [],
}

const started = performance.now()
const cleanups: (() => Promise<void>)[] = []

function log(message: string) {
  console.log(`bench [${((performance.now() - started) / 1000).toFixed(0)} s] ${message}`)
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  const start = performance.now()
  log(`${name}…`)
  try {
    const value = await fn()
    log(`${name}: done in ${((performance.now() - start) / 1000).toFixed(1)} s`)
    return value
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    results.errors.push({ step: name, message })
    log(`${name}: FAILED (${message.split('\n')[0]})`)
    return null
  }
}

async function main() {
  mkdirSync(WORK, { recursive: true })
  mkdirSync(BUILDS, { recursive: true })
  // The production build has the stub's URL baked in: reusing a build means reusing its port.
  const stubUrlFile = join(BUILDS, 'stub-url.txt')
  const reusedPort =
    SKIP.has('build') && existsSync(stubUrlFile)
      ? Number(new URL(readFileSync(stubUrlFile, 'utf8').trim()).port)
      : 0
  const stub = await step('Supabase stub (migrations + seed in PGlite)', () =>
    startSupabaseStub({ port: reusedPort }),
  )
  if (stub) {
    cleanups.push(stub.close)
    writeFileSync(stubUrlFile, stub.url)
  }

  const dists = {
    embedded: join(BUILDS, 'dist-embedded'),
    production: join(BUILDS, 'dist-production'),
  }
  if (!SKIP.has('build')) {
    await step('build, embedded mode', () => build(dists.embedded, { VITE_SUPABASE_URL: '' }))
    if (stub) {
      await step('build, production mode (Supabase = the stub)', () =>
        build(dists.production, {
          VITE_SUPABASE_URL: stub.url,
          VITE_SUPABASE_ANON_KEY: FAKE_ANON_KEY,
        }),
      )
    }
  } else {
    log(`--skip build: reusing the builds in ${BUILDS}`)
  }

  if (stub && existsSync(join(dists.embedded, 'embedded'))) {
    const checks = await step('check: the stub answers as the seeded database', () =>
      checkStubAgainstSnapshots(stub.url, dists.embedded),
    )
    if (checks) {
      results.settings.stubFidelity = checks
      const mismatches = checks.flatMap((c) => c.mismatches.map((m) => `${c.territory}: ${m}`))
      results.verdicts.push({
        name: "check: the stub's shops equal the embedded build's visitor snapshots",
        pass: mismatches.length === 0,
        detail: mismatches.length
          ? mismatches.slice(0, 3).join('; ')
          : checks.map((c) => `${c.territory} ${c.stubRows} rows`).join(', '),
      })
    }
  }

  const servers: Partial<Record<'embedded' | 'production', string>> = {}
  for (const mode of ['embedded', 'production'] as const) {
    if (!existsSync(join(dists[mode], 'index.html'))) continue
    if (mode === 'production' && !stub) continue
    const url = await step(`vite preview, ${mode}`, () => preview(dists[mode]))
    if (url) servers[mode] = url
  }

  await coldStarts(servers, stub)
  await pagesAndInstallability(servers)

  // A browser for the "does the list need this file?" loads of the bundle analysis.
  let listBrowser: Awaited<ReturnType<typeof launchBenchBrowser>> | null = null
  cleanups.push(async () => {
    await listBrowser?.close()
  })
  for (const mode of ['production', 'embedded'] as const) {
    const scenario = results.coldStart.find((s) => s.mode === mode && !s.throttled)
    const firstRun = scenario?.result.runs[0]?.first
    if (!firstRun || !servers[mode]) continue
    const report = await step(`bundle sizes, ${mode}`, async () =>
      analyseBundle({
        mode,
        root: ROOT,
        distDir: dists[mode],
        requests: firstRun.requests,
        firstPlacesListedMs: firstRun.marks.firstPlacesListed,
        mapInteractiveMs: firstRun.marks.mapInteractive,
        listsWithout: async (file) => {
          listBrowser ??= await launchBenchBrowser()
          return listsWithout(listBrowser, servers[mode]!, SHOPPER_PATH, file)
        },
      }),
    )
    if (report) {
      results.bundle[mode] = report
      results.verdicts.push(...report.verdicts)
    }
  }

  if (!SKIP.has('lighthouse') && servers.production) {
    const lh = await step(`Lighthouse, production mode (${LIGHTHOUSE_RUNS} runs)`, async () => {
      const url = new URL(SHOPPER_PATH, servers.production).toString()
      const runs: LighthouseResult[] = []
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(url))
      return medianLighthouseRun(runs)
    })
    if (lh) {
      results.lighthouse = lh
      results.verdicts.push(
        scoreVerdict('Lighthouse performance (mobile, production)', lh.performance),
        scoreVerdict('Lighthouse accessibility (mobile, production)', lh.accessibility),
      )
    }
  }

  // Browser and servers are done: the CPU-bound benchmarks run alone.
  await runCleanups()

  if (!SKIP.has('filtering')) {
    results.filtering = await step('filtering benchmark (vitest bench)', filteringBench)
    // Written by filter-combinations.bench.ts during the same vitest run.
    const combinations = join(WORK, 'filter-combinations.json')
    if (existsSync(combinations)) {
      const all = JSON.parse(readFileSync(combinations, 'utf8')) as Record<
        string,
        FilterCombinations & { perCombination?: unknown }
      >
      results.filterCombinations = Object.fromEntries(
        Object.entries(all).map(([size, { perCombination: _detail, ...summary }]) => [
          size,
          summary,
        ]),
      )
    }
  }
  if (!SKIP.has('database')) {
    results.database = await step('database benchmark (bench/db)', databaseBench)
    if (results.database === null) {
      results.database = { error: results.errors.at(-1)?.message ?? 'unknown' }
    }
  }

  await writeResults(RESULTS, results)
  console.log(formatReport(results))
  console.log(
    `\nbench: wrote ${RESULTS} in ${((performance.now() - started) / 1000).toFixed(0)} s` +
      ` (reports only: misses never fail the run)`,
  )
}

async function coldStarts(
  servers: Partial<Record<'embedded' | 'production', string>>,
  stub: SupabaseStub | null,
) {
  if (!existsSync(CHROMIUM_PATH)) {
    results.errors.push({ step: 'browser', message: `${CHROMIUM_PATH} not found` })
    return
  }
  const browser = await step('launch Chromium', launchBenchBrowser)
  if (!browser) return
  cleanups.push(() => browser.close())
  const scenarios: { mode: 'embedded' | 'production'; throttled: boolean }[] = [
    { mode: 'production', throttled: false },
    { mode: 'production', throttled: true },
    { mode: 'embedded', throttled: false },
    { mode: 'embedded', throttled: true },
  ]
  for (const { mode, throttled } of scenarios) {
    const baseUrl = servers[mode]
    if (!baseUrl || (throttled && SKIP.has('throttled'))) continue
    const label = `${mode}, ${throttled ? 'slow 4G + 4x CPU' : 'unthrottled'}`
    const stubBefore = stub?.requests.length ?? 0
    const result = await step(`cold start, ${label} (${RUNS} runs)`, () =>
      measureColdStart(browser, {
        baseUrl,
        path: SHOPPER_PATH,
        throttled,
        runs: RUNS,
        // Throttled, the embedded database takes over a minute to download and start: the
        // repeat visit (which needs it stored) and its ready mark would double the run.
        repeatVisit: !(throttled && mode === 'embedded'),
        waitForDatabase: mode === 'embedded' && !throttled,
        timeoutMs: throttled ? 90_000 : 30_000,
      }),
    )
    if (!result) continue
    results.coldStart.push({ label, mode, throttled, result: withoutBulk(result) })
    if (mode === 'production' && stub && !throttled) {
      results.settings.stubRequestsPerRun = describeStubRequests(
        stub.requests.slice(stubBefore),
        RUNS,
      )
    }
    const firstPlaces = result.first.firstPlacesListed.median
    if (mode === 'production') {
      results.verdicts.push(
        aimVerdict(
          `cold start, production ${throttled ? 'throttled' : 'unthrottled'}: first places listed (first visit)`,
          firstPlaces,
          throttled ? AIMS.productionThrottledMs : AIMS.productionUnthrottledMs,
        ),
      )
    } else if (!throttled) {
      results.verdicts.push(
        aimVerdict(
          'cold start, embedded unthrottled: first places listed (first visit)',
          firstPlaces,
          AIMS.embeddedFirstVisitMs,
        ),
      )
    }
  }
}

async function pagesAndInstallability(servers: Partial<Record<'embedded' | 'production', string>>) {
  if (!existsSync(CHROMIUM_PATH) || (SKIP.has('pages') && SKIP.has('installability'))) return
  const browser = await step('launch Chromium (pages)', launchBenchBrowser)
  if (!browser) return
  try {
    if (servers.embedded && !SKIP.has('pages')) {
      const switches = await step('page switches, embedded', () =>
        measurePageSwitches(browser, servers.embedded!),
      )
      if (switches) {
        results.pageSwitch = switches
        results.verdicts.push(
          aimVerdict(
            'page switch, embedded: median after the first visit',
            switches.medianAfterFirstVisitMs,
            AIMS.pageSwitchMs,
          ),
          {
            name: 'page switches never reload the document',
            pass: switches.documentsLoaded === 1,
            detail: `${switches.documentsLoaded} document(s) loaded for ${switches.switches.length} switches`,
          },
        )
      }
    }
    const target = servers.production ?? servers.embedded
    if (target && !SKIP.has('installability')) {
      const installability = await step('installability (Chromium)', () =>
        checkInstallability(target),
      )
      if (installability) {
        results.installability = installability
        results.verdicts.push({
          name: `installable (Chromium's check, the one Lighthouse <= 11 reported), ${servers.production ? 'production' : 'embedded'}`,
          pass: installability.installable && installability.serviceWorkerControls,
          detail: installability.installable
            ? `no installability error; service worker controls the page: ${installability.serviceWorkerControls}`
            : installability.errors.map((error) => error.errorId).join(', '),
        })
      }
    }
  } finally {
    await browser.close()
  }
}

/** Runs keep their marks and errors; the requests of the first run only (for the bundle). */
function withoutBulk(result: ColdStartResult): ColdStartResult {
  return {
    ...result,
    runs: result.runs.map((run, i) => ({
      first: { ...run.first, requests: i === 0 ? run.first.requests : [] },
      repeat: run.repeat ? { ...run.repeat, requests: [] } : null,
    })),
  }
}

/** What the shopper page asked the stub for, per run (first and repeat visit together). */
function describeStubRequests(requests: SupabaseStub['requests'], runs: number) {
  const counts = new Map<string, { count: number; statuses: Set<number> }>()
  for (const request of requests) {
    const key = `${request.method} ${request.path.split('?')[0]}`
    const entry = counts.get(key) ?? { count: 0, statuses: new Set<number>() }
    entry.count++
    entry.statuses.add(request.status)
    counts.set(key, entry)
  }
  return [...counts].map(([request, { count, statuses }]) => ({
    request,
    perRun: Math.round((count / runs) * 10) / 10,
    statuses: [...statuses],
  }))
}

function buildEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // npm run sets NODE_ENV for some setups; a development build would skew every figure.
    NODE_ENV: 'production',
    // Vite lets the process environment win over .env files: empty values switch them off.
    VITE_SUPABASE_URL: '',
    VITE_SUPABASE_ANON_KEY: '',
    VITE_MAP_STYLE_URL: '',
    VITE_ADDRESS_SEARCH_URL: '',
    VITE_GEOCODER_URL: '',
    ...overrides,
  }
  return env
}

function build(outDir: string, overrides: Record<string, string>): Promise<void> {
  return run(
    'npx',
    ['--no-install', 'vite', 'build', '--manifest', '--outDir', outDir, '--emptyOutDir'],
    buildEnv(overrides),
    join(WORK, `build-${outDir.split('/').pop()}.log`),
  )
}

function run(
  command: string,
  commandArgs: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  timeoutMs = 300_000,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      writeFileSync(logFile, output)
      if (code === 0) return resolvePromise()
      reject(
        new Error(
          `\`${command} ${commandArgs.join(' ')}\` failed (${signal ?? `exit ${code}`}), see ${logFile}:\n${output.slice(-2000)}`,
        ),
      )
    })
  })
}

async function preview(outDir: string): Promise<string> {
  const { server, baseUrl } = await startPreview({ cwd: ROOT, env: buildEnv({}), outDir })
  cleanups.push(() => stopProcessGroup(server))
  return baseUrl
}

async function runCleanups() {
  while (cleanups.length) {
    const cleanup = cleanups.pop()!
    await cleanup().catch((error: unknown) => log(`cleanup failed: ${String(error)}`))
  }
}

interface VitestJson {
  testResults: {
    assertionResults: {
      ancestorTitles: string[]
      benchmarks?: {
        name: string
        tasks: { name: string; latency: { p50: number; samplesCount: number } }[]
      }[]
    }[]
  }[]
}

async function filteringBench(): Promise<FilteringMedians> {
  const output = join(WORK, 'filtering.json')
  await run(
    'npx',
    [
      '--no-install',
      'vitest',
      'bench',
      '--run',
      '--project',
      'unit (bench)',
      'bench/',
      '--reporter',
      'default',
      '--reporter',
      'json',
      '--outputFile.json',
      output,
    ],
    { ...process.env },
    join(WORK, 'filtering.log'),
  )
  const json = JSON.parse(readFileSync(output, 'utf8')) as VitestJson
  const medians: FilteringMedians = {}
  for (const file of json.testResults) {
    for (const test of file.assertionResults) {
      const suite = test.ancestorTitles.join(' > ') || 'benchmarks'
      for (const benchmark of test.benchmarks ?? []) {
        for (const task of benchmark.tasks) {
          medians[suite] ??= {}
          medians[suite][task.name] = {
            medianMs: task.latency.p50,
            samples: task.latency.samplesCount,
          }
        }
      }
    }
  }
  if (!Object.keys(medians).length) throw new Error('vitest bench reported no benchmark')
  return medians
}

async function databaseBench(): Promise<unknown> {
  const script = join(ROOT, 'bench', 'db', 'run-db-bench.ts')
  if (!existsSync(script)) throw new Error('bench/db/run-db-bench.ts not found')
  const output = join(WORK, 'database.json')
  await run(
    'npx',
    ['--no-install', 'tsx', script, '--json', output],
    { ...process.env },
    join(WORK, 'database.log'),
    360_000,
  )
  return JSON.parse(readFileSync(output, 'utf8')) as unknown
}

function environment(): Record<string, unknown> {
  let chromium: string | null
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      // Debian's wrapper script prints shell noise on stderr.
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    chromium = null
  }
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium,
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void runCleanups().finally(() => process.exit(130))
  })
}

try {
  await main()
} catch (error) {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  results.errors.push({ step: 'bench', message: String(error) })
  await writeResults(RESULTS, results)
} finally {
  await runCleanups()
}
