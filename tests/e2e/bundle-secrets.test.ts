import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

// The client bundle holds the Supabase anon key and nothing more secret: no service-role JWT,
// no secret API key, no server-side variable name. Checked on dist/ (the embedded build of the
// global setup) and on a production build with Supabase settings and a service key planted in
// the build's environment.

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const DIST = join(ROOT, 'dist')

/** Files a browser may download that are not text (their bytes are still searched as latin1). */
const BINARY = new Set(['.wasm', '.gz', '.tar', '.png', '.jpg', '.webp', '.ico', '.data', '.pbf'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

interface Finding {
  file: string
  what: string
}

const JWT = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g

function jwtPayload(token: string): Record<string, unknown> | null {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >
  } catch {
    return null
  }
}

/** Every secret-looking thing in the built files, and every JWT with its role. */
function scan(dir: string): { findings: Finding[]; jwtRoles: string[] } {
  const findings: Finding[] = []
  const jwtRoles: string[] = []
  for (const path of filesUnder(dir)) {
    const file = relative(dir, path)
    const text = readFileSync(path).toString(BINARY.has(extname(path)) ? 'latin1' : 'utf8')
    for (const [token] of text.matchAll(JWT)) {
      const role = String(jwtPayload(token)?.role ?? '?')
      jwtRoles.push(role)
      if (role !== 'anon') findings.push({ file, what: `a JWT with role ${role}` })
    }
    // Supabase's newer secret API keys, and the names server-side settings go by.
    for (const [match] of text.matchAll(/sb_secret_[A-Za-z0-9_-]+/g)) {
      findings.push({ file, what: `a secret key ${match.slice(0, 14)}…` })
    }
    for (const [match] of text.matchAll(/[A-Z_]*SUPABASE_SERVICE[A-Z_]*|SERVICE_ROLE_KEY/g)) {
      findings.push({ file, what: `the variable name ${match}` })
    }
    // Variables Vite inlines are VITE_*; any key-like one other than the anon key is suspect.
    for (const [match] of text.matchAll(/VITE_[A-Z0-9_]*(?:KEY|SECRET|TOKEN|PASSWORD)\b/g)) {
      if (match !== 'VITE_SUPABASE_ANON_KEY') findings.push({ file, what: `the variable ${match}` })
    }
  }
  return { findings, jwtRoles }
}

/** An unsigned-looking JWT with the given role (the signature is junk: it is never checked). */
function fakeJwt(role: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return [
    part({ alg: 'HS256', typ: 'JWT' }),
    part({ iss: 'supabase', ref: 'fakeprojectref', role, iat: 1700000000, exp: 2000000000 }),
    'c2lnbmF0dXJlLW5vdC1yZWFs',
  ].join('.')
}

function build(outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      'npx',
      ['--no-install', 'vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`vite build failed (${code}):\n${output}`)),
    )
  })
}

const temp = mkdtempSync(join(tmpdir(), 'vitrine-bundle-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

describe('secrets in the client bundle', () => {
  it('the embedded build (dist/) holds no key at all', () => {
    const { findings, jwtRoles } = scan(DIST)
    expect(findings).toEqual([])
    expect(jwtRoles).toEqual([])
  })

  it('a Supabase build holds the anon key and none of the secrets in its environment', async () => {
    const anonKey = fakeJwt('anon')
    const serviceKey = fakeJwt('service_role')
    const secretKey = 'sb_secret_fAkEsEcReTkEy0123456789'
    const outDir = join(temp, 'dist-supabase')
    await build(outDir, {
      ...process.env,
      NODE_ENV: 'production',
      VITE_SUPABASE_URL: 'https://fakeprojectref.supabase.co',
      VITE_SUPABASE_ANON_KEY: anonKey,
      // What a developer's shell or CI may hold: none of it may reach the browser.
      SUPABASE_SERVICE_ROLE_KEY: serviceKey,
      SUPABASE_SECRET_KEY: secretKey,
      SERVICE_ROLE_KEY: serviceKey,
    })
    const { findings, jwtRoles } = scan(outDir)
    expect(findings).toEqual([])
    // The scan sees the anon key (so it would see another), and it is the only key.
    expect(jwtRoles.length).toBeGreaterThan(0)
    expect(new Set(jwtRoles)).toEqual(new Set(['anon']))
    const everything = filesUnder(outDir)
      .map((path) => readFileSync(path, 'latin1'))
      .join('\n')
    expect(everything).toContain(anonKey)
    expect(everything).not.toContain(serviceKey)
    expect(everything).not.toContain(secretKey)
    expect(everything).toContain('fakeprojectref.supabase.co')
  }, 300_000)
})
