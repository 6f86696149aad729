import { PGlite } from '@electric-sql/pglite'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { join } from 'node:path'
import { databaseSetupSql } from './sql-files.ts'
import {
  LIST_CATEGORIES_SQL,
  LIST_SHOPS_SQL,
  LIST_TERRITORIES_SQL,
} from '../../src/backend/embedded/embedded-queries.ts'
import { impersonate, ANON } from '../../src/backend/embedded/impersonation.ts'
import {
  dataDirName,
  MANIFEST_FILE,
  type EmbeddedManifest,
} from '../../src/backend/embedded/embedded-manifest.ts'

const rootDir = join(import.meta.dirname, '..', '..')

export interface EmbeddedAssets {
  manifest: EmbeddedManifest
  /** File name (relative to the embedded/ folder) → contents */
  files: Map<string, Buffer>
}

function pgliteVersion(): string {
  const pkg = JSON.parse(
    readFileSync(join(rootDir, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  )
  return String(pkg.version)
}

/** Everything that shapes the prepared database; a change gives a new browser copy. */
export function embeddedVersion(): string {
  const hash = createHash('sha256')
  hash.update(pgliteVersion())
  for (const { name, sql } of databaseSetupSql()) hash.update(name).update('\0').update(sql)
  for (const file of [
    'src/backend/embedded/embedded-queries.ts',
    'src/backend/embedded/embedded-manifest.ts',
    'supabase/tooling/build-embedded-database.ts',
  ]) {
    hash.update(readFileSync(join(rootDir, file)))
  }
  return hash.digest('hex').slice(0, 16)
}

async function build(version: string): Promise<EmbeddedAssets> {
  const db = await PGlite.create()
  for (const { name, sql } of databaseSetupSql()) {
    try {
      await db.exec(sql)
    } catch (error) {
      throw new Error(`Embedded database: ${name} failed: ${(error as Error).message}`, {
        cause: error,
      })
    }
  }
  const files = new Map<string, Buffer>()
  const snapshots: Record<string, string> = {}
  await db.exec('begin')
  await impersonate(db, ANON)
  const territories = (
    await db.query<EmbeddedManifest['territories'][number]>(LIST_TERRITORIES_SQL)
  ).rows
  const categories = (await db.query<EmbeddedManifest['categories'][number]>(LIST_CATEGORIES_SQL))
    .rows
  await db.exec('rollback')
  for (const { slug } of territories) {
    // The same query the embedded backend runs for a visitor, as `anon`, so RLS shapes it.
    await db.exec('begin')
    await impersonate(db, ANON)
    const rows = (await db.query(LIST_SHOPS_SQL, [slug, null])).rows
    await db.exec('rollback')
    const file = `snapshot-${slug}-${version}.json`
    files.set(file, Buffer.from(JSON.stringify(rows)))
    snapshots[slug] = `embedded/${file}`
  }
  const accounts = await db.query<{
    id: string
    email: string
    display_name: string | null
    curates: string[]
    shops: string[]
  }>(`
    select u.id, u.email, u.raw_user_meta_data ->> 'display_name' as display_name,
      array(select t.name
              from public.territory_curators c join public.territories t on t.slug = c.territory_slug
             where c.user_id = u.id order by t.name) as curates,
      array(select s.name
              from public.shop_members m join public.shops s on s.id = m.shop_id
             where m.user_id = u.id order by s.name) as shops
    from auth.users u where u.email like '%@demo.vitrine.test' order by u.email`)
  const dump = await db.dumpDataDir('gzip')
  await db.close()
  const pgdataFile = `pgdata-${version}.tar.gz`
  files.set(pgdataFile, Buffer.from(await dump.arrayBuffer()))
  const seedFile = `seed-${version}.sql`
  const seedPath = join(rootDir, 'supabase/seed.sql')
  files.set(seedFile, existsSync(seedPath) ? readFileSync(seedPath) : Buffer.from(''))
  const manifest: EmbeddedManifest = {
    version,
    pgdataUrl: `embedded/${pgdataFile}`,
    seedUrl: `embedded/${seedFile}`,
    snapshots,
    territories,
    categories,
    demoAccounts: accounts.rows.map((a) => ({
      userId: a.id,
      email: a.email,
      displayName: a.display_name ?? a.email,
      // Names only: the sign-in dialog words them in the page's language.
      curates: a.curates,
      shops: a.shops,
    })),
  }
  files.set(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2)))
  return { manifest, files }
}

/**
 * Builds the embedded database assets, cached under node_modules/.cache by version so that
 * `npm run dev` restarts in a blink when neither the SQL nor PGlite changed.
 */
export async function buildEmbeddedAssets(): Promise<EmbeddedAssets> {
  const version = embeddedVersion()
  const cacheDir = join(rootDir, 'node_modules/.cache/vitrine-embedded', dataDirName(version))
  if (existsSync(join(cacheDir, MANIFEST_FILE))) {
    const files = new Map<string, Buffer>()
    for (const name of readdirSync(cacheDir)) files.set(name, readFileSync(join(cacheDir, name)))
    const manifest = JSON.parse(files.get(MANIFEST_FILE)!.toString('utf8')) as EmbeddedManifest
    return { manifest, files }
  }
  const assets = await build(version)
  const tmp = `${cacheDir}.tmp-${process.pid}`
  mkdirSync(tmp, { recursive: true })
  for (const [name, content] of assets.files) writeFileSync(join(tmp, name), content)
  rmSync(cacheDir, { recursive: true, force: true })
  renameSync(tmp, cacheDir)
  return assets
}
