import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EmbeddedManifest } from '@/backend/embedded/embedded-manifest'
import { BackendError } from '@/backend/errors'

/**
 * The embedded adapter refuses arguments beyond the database's bounds before PGlite sees them
 * (PGlite cannot interrupt a statement: a 8 KiB search word froze it for minutes). PGlite's
 * worker is replaced by a stand-in that records transactions: a refused call opens none.
 */

const transactions = vi.hoisted(() => ({ count: 0 }))

vi.mock('@electric-sql/pglite/worker', () => ({
  PGliteWorker: class {
    waitReady = Promise.resolve()
    async transaction<T>(fn: (tx: { query: () => Promise<{ rows: [] }> }) => Promise<T>) {
      transactions.count++
      return fn({ query: async () => ({ rows: [] }) })
    }
    async syncToFs() {}
    async exec() {}
  },
}))

const MANIFEST: EmbeddedManifest = {
  version: 'test',
  pgdataUrl: 'embedded/pgdata.tar.gz',
  seedUrl: 'embedded/seed.sql',
  snapshots: {},
  categories: [],
  territories: [],
  demoAccounts: [],
}

/** A browser that lets the page keep a database (jsdom has no IndexedDB nor Web Locks). */
function allowDeviceStorage() {
  vi.stubGlobal('indexedDB', {
    open() {
      const request: { result: { close(): void }; onsuccess?: () => void } = {
        result: { close() {} },
      }
      queueMicrotask(() => request.onsuccess?.())
      return request
    },
  })
  vi.stubGlobal('navigator', { ...navigator, locks: { request: async () => undefined } })
}

beforeEach(() => {
  transactions.count = 0
  allowDeviceStorage()
  vi.stubGlobal(
    'Worker',
    class {
      postMessage() {}
      addEventListener() {}
      removeEventListener() {}
      terminate() {}
    },
  )
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(MANIFEST), { status: 200 })),
  )
})
afterEach(() => {
  vi.unstubAllGlobals()
})

async function backend() {
  const { createEmbeddedBackend } = await import('@/backend/embedded/embedded-backend')
  const created = await createEmbeddedBackend()
  // Let the stand-in database become ready.
  await new Promise((resolve) => setTimeout(resolve, 0))
  transactions.count = 0
  return created
}

async function expectRefusedBeforePglite(call: Promise<unknown>, message: RegExp) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(BackendError)
  expect(error).toMatchObject({ kind: 'invalid', code: '22023' })
  expect((error as BackendError).message).toMatch(message)
  expect(transactions.count, 'no transaction was opened').toBe(0)
}

describe('the embedded adapter checks the arguments before PGlite', () => {
  it('listShopsInViewport: a 64 KiB search, 11 words, too many categories', async () => {
    const db = await backend()
    const bounds: [number, number, number, number] = [0, 44, 5, 49]
    await expectRefusedBeforePglite(
      db.listShopsInViewport({ bounds, query: 'x'.repeat(64 * 1024) }),
      /^search is too long: at most 100 characters \(got 65536\)$/,
    )
    await expectRefusedBeforePglite(
      db.listShopsInViewport({ bounds, query: 'a b c d e f g h i j k' }),
      /^search has too many words: at most 10 \(got 11\)$/,
    )
    await expectRefusedBeforePglite(
      db.listShopsInViewport({ bounds, categories: Array(21).fill('c') }),
      /^categories has too many elements/,
    )
    // Within the bounds, the query runs.
    await db.listShopsInViewport({ bounds, query: 'boulangerie' })
    expect(transactions.count).toBe(1)
  })

  it('importShops: a row too long', async () => {
    const db = await backend()
    const row = {
      line: 2,
      sourceRef: 'a',
      kind: 'commercant' as const,
      name: 'A',
      categorySlug: 'alimentation',
      subcategorySlug: null,
      description: 'd'.repeat(40_000),
      address: null,
      postcode: null,
      communeInsee: null,
      communeName: null,
      phone: null,
      email: null,
      website: null,
      socialLinks: [],
      openingHours: null,
      openingHoursNote: null,
      orderingInstructions: null,
      services: [],
      lon: 1,
      lat: 45,
    }
    await expectRefusedBeforePglite(
      db.importShops('t', 'import', [row], true),
      /^rows\[1\] is too long: at most 32768 characters of JSON/,
    )
  })

  it('setShopStatus, updateShopDetails, refuseSubmission: texts far beyond the columns', async () => {
    const db = await backend()
    await expectRefusedBeforePglite(
      db.setShopStatus({
        shopId: '00000000-0000-4000-8000-000000000000',
        status: 'closed',
        message: 'x'.repeat(100_000),
        closedUntil: null,
        services: null,
        expectedUpdatedAt: '2026-01-01T00:00:00Z',
      }),
      /^message is too long/,
    )
    await expectRefusedBeforePglite(
      db.updateShopDetails({
        shopId: '00000000-0000-4000-8000-000000000000',
        openingHours: null,
        orderingInstructions: null,
        description: 'x'.repeat(100_000),
        phone: null,
        email: null,
        website: null,
        socialLinks: [],
        expectedUpdatedAt: '2026-01-01T00:00:00Z',
      }),
      /^description is too long/,
    )
    await expectRefusedBeforePglite(
      db.refuseSubmission(
        '00000000-0000-4000-8000-000000000000',
        'x'.repeat(100_000),
        '2026-01-01T00:00:00Z',
      ),
      /^reason is too long/,
    )
  })
})

describe('the embedded adapter where the browser refuses storage (a third-party frame)', () => {
  it('starts no database, answers visitors from the snapshot, and refuses the rest', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const { createEmbeddedBackend } = await import('@/backend/embedded/embedded-backend')
    const db = await createEmbeddedBackend()
    expect(db.publishedSnapshotOnly).toBe(true)
    expect(await db.listTerritories()).toEqual([])
    expect(await db.listShops('grand-poitiers')).toEqual([])
    expect(await db.getSessionUser()).toBeNull()
    const refused = await db.listStatusEvents('00000000-0000-0000-0000-000000000001').then(
      () => null,
      (e: unknown) => e,
    )
    expect(refused).toMatchObject({ kind: 'unavailable' })
    expect(transactions.count, 'no transaction was opened').toBe(0)
  })

  it('says nothing of the kind where storage is allowed', async () => {
    expect((await backend()).publishedSnapshotOnly).toBe(false)
  })
})
