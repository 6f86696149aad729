/// <reference lib="webworker" />
import { PGlite } from '@electric-sql/pglite'
import { worker } from '@electric-sql/pglite/worker'

export interface EmbeddedWorkerMeta {
  dataDirName: string
  pgdataUrl: string
}

/** PGlite's IndexedDB file system names its database after the `idb://` path. */
async function browserCopyExists(name: string): Promise<boolean> {
  const databases = await indexedDB.databases()
  return databases.some((db) => db.name === name || db.name?.endsWith(`/${name}`))
}

// One worker leads across tabs (PGliteWorker's election), so IndexedDB has a single writer.
void worker({
  async init(options) {
    const meta = options.meta as EmbeddedWorkerMeta
    // A first visit starts from the data directory prepared at build time instead of running
    // initdb, the migrations and the seed in the browser.
    let loadDataDir: Blob | undefined
    if (!(await browserCopyExists(meta.dataDirName))) {
      const response = await fetch(meta.pgdataUrl)
      if (!response.ok)
        throw new Error(`Cannot load the demonstration database (${response.status})`)
      loadDataDir = await response.blob()
    }
    return PGlite.create({
      dataDir: `idb://${meta.dataDirName}`,
      relaxedDurability: true,
      ...(loadDataDir ? { loadDataDir } : {}),
    })
  },
})
