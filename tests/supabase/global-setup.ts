import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { databaseSetupSql } from '../../supabase/tooling/sql-files'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDataDir: string
    postgresTemplate: string
  }
}

/**
 * Builds the migrated and seeded database once; each test file then starts from a copy
 * (a PGlite data-dir tarball, or a PostgreSQL template database when DATABASE_URL is set).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL
  if (url) {
    const template = `vitrine_template_${process.pid}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`drop database if exists ${template}`)
    await admin.query(`create database ${template}`)
    const client = new pg.Client({ connectionString: withDatabase(url, template) })
    await client.connect()
    for (const { name, sql } of databaseSetupSql()) {
      try {
        await client.query(sql)
      } catch (error) {
        throw new Error(`PostgreSQL: ${name} failed: ${(error as Error).message}`, { cause: error })
      }
    }
    await client.end()
    project.provide('postgresTemplate', template)
    project.provide('pgliteDataDir', '')
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`)
      await admin.end()
    }
  }

  const db = await PGlite.create()
  for (const { name, sql } of databaseSetupSql()) {
    try {
      await db.exec(sql)
    } catch (error) {
      throw new Error(`PGlite: ${name} failed: ${(error as Error).message}`, { cause: error })
    }
  }
  const dump = await db.dumpDataDir('gzip')
  await db.close()
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-db-'))
  const file = join(dir, 'pgdata.tar.gz')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteDataDir', file)
  project.provide('postgresTemplate', '')
  return () => rmSync(dir, { recursive: true, force: true })
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
