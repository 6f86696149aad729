// `npm run test:e2e`: the browser tests, on Debian's Chromium only (never a downloaded browser).
// Without /usr/bin/chromium they are skipped locally, and fail in CI (CI never skips).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const CHROMIUM = '/usr/bin/chromium'
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const ci = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI.toLowerCase())

if (!existsSync(CHROMIUM)) {
  if (ci) {
    console.error(
      `Browser tests FAILED: ${CHROMIUM} not found, and CI never skips them ` +
        "(install Debian's chromium: apt-get install -y chromium).",
    )
    process.exit(1)
  }
  console.log(
    `Browser tests SKIPPED: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium).`,
  )
  process.exit(0)
}

// Extra arguments are passed on, e.g. `npm run test:e2e -- -t phone`.
const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('error', (error) => {
  console.error(`Browser tests: could not start vitest: ${error.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0))
})
