import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const supabaseDir = join(import.meta.dirname, '..')

/** The SQL a fresh database runs, in order: Supabase stand-in, migrations, then the seed. */
export function databaseSetupSql(
  options: { seed?: boolean } = {},
): { name: string; sql: string }[] {
  const local = readdirSync(join(supabaseDir, 'local'))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join('local', f))
  const migrations = readdirSync(join(supabaseDir, 'migrations'))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join('migrations', f))
  const files = [...local, ...migrations]
  if (options.seed !== false && existsSync(join(supabaseDir, 'seed.sql'))) files.push('seed.sql')
  return files.map((name) => ({ name, sql: readFileSync(join(supabaseDir, name), 'utf8') }))
}
