/// <reference lib="webworker" />
import { IdbFs, PGlite } from '@electric-sql/pglite'
import { worker } from '@electric-sql/pglite/worker'
import { coalescedFlush } from './coalesced-flush'
import { databaseForTabs } from './worker-database'

export interface EmbeddedWorkerMeta {
  dataDirName: string
  pgdataUrl: string
  /**
   * PGlite's own files, by the URLs the page knows (instead of PGlite finding them next to its
   * module): the page keeps them for offline use (src/lib/offline-files.ts).
   */
  pgliteWasmUrl: string
  initdbWasmUrl: string
  fsBundleUrl: string
}

async function download(url: string): Promise<Response> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`Cannot load ${url} (${response.status})`)
  return response
}

async function compileWasm(url: string): Promise<WebAssembly.Module> {
  const response = await download(url)
  if (response.headers.get('Content-Type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response)
  }
  return WebAssembly.compile(await response.arrayBuffer())
}

async function postgresFiles(meta: EmbeddedWorkerMeta) {
  const [pgliteWasmModule, initdbWasmModule, fsBundle] = await Promise.all([
    compileWasm(meta.pgliteWasmUrl),
    compileWasm(meta.initdbWasmUrl),
    download(meta.fsBundleUrl).then((response) => response.blob()),
  ])
  return { pgliteWasmModule, initdbWasmModule, fsBundle }
}

const META_DB = 'vitrine-embedded-meta'
const META_STORE = 'copies'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

async function openMeta(): Promise<IDBDatabase> {
  const open = indexedDB.open(META_DB, 1)
  open.onupgradeneeded = () => open.result.createObjectStore(META_STORE)
  return request(open)
}

/** A copy is complete only once all of it reached IndexedDB; a reload mid-write leaves none. */
async function isComplete(name: string): Promise<boolean> {
  const db = await openMeta()
  try {
    return (await request(db.transaction(META_STORE).objectStore(META_STORE).get(name))) === true
  } finally {
    db.close()
  }
}

async function markComplete(name: string): Promise<void> {
  const db = await openMeta()
  try {
    const tx = db.transaction(META_STORE, 'readwrite')
    tx.objectStore(META_STORE).put(true, name)
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

/** PGlite's IndexedDB file system names its database after the `idb://` path. */
async function deleteCopy(name: string): Promise<void> {
  const databases = await indexedDB.databases()
  for (const db of databases) {
    if (db.name && (db.name === name || db.name.endsWith(`/${name}`))) {
      await request(indexedDB.deleteDatabase(db.name))
    }
  }
}

/**
 * PGlite writes the whole changed files to IndexedDB after every statement, which means the
 * 16 MB WAL segment after every commit: about two seconds per request, during which every tab
 * waited. Instead, statements never write to IndexedDB, and the client asks for one durable flush
 * after each write it makes (`syncToFs` over the worker's RPC), once the change is already visible
 * to every tab. A read never needs one: what it dirties (hint bits) is safe to lose.
 */
async function openDatabase(meta: EmbeddedWorkerMeta, loadDataDir?: Blob): Promise<PGlite> {
  const fs = new IdbFs(meta.dataDirName)
  const db = await PGlite.create({
    fs,
    ...(await postgresFiles(meta)),
    ...(loadDataDir ? { loadDataDir } : {}),
  })
  const flush = coalescedFlush(() => fs.syncToFs())
  // PGlite calls `this.syncToFs()` after each statement: on this instance, that does nothing.
  db.syncToFs = () => Promise.resolve()
  if (loadDataDir) await flush()
  return databaseForTabs(db, flush)
}

// One worker leads across tabs (PGliteWorker's election), so IndexedDB has a single writer.
void worker({
  async init(options) {
    const meta = options.meta as EmbeddedWorkerMeta
    if (await isComplete(meta.dataDirName)) return openDatabase(meta)
    // First visit (or an interrupted one): start from the data directory prepared at build time
    // instead of running initdb, the migrations and the seed in the browser.
    await deleteCopy(meta.dataDirName)
    const response = await download(meta.pgdataUrl)
    const db = await openDatabase(meta, await response.blob())
    await markComplete(meta.dataDirName)
    return db
  },
})
