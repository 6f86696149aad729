import { PGliteWorker } from '@electric-sql/pglite/worker'
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url'
import initdbWasmUrl from '@electric-sql/pglite/initdb.wasm?url'
import fsBundleUrl from '@electric-sql/pglite/pglite.data?url'
import embeddedWorkerUrl from './embedded-worker.ts?worker&url'
import { keepForOffline } from '@/lib/offline-files'
import { localStorageIfAllowed } from '@/lib/device-storage'
import type { VitrineBackend } from '../port'
import { SQL_FUNCTIONS, shopDetailsArgs, viewportArgs } from '../sql-objects'
import { BackendError, toBackendError } from '../errors'
import {
  checkImportShopsArgs,
  checkLength,
  checkRefusalReason,
  checkSetShopStatusArgs,
  checkShopDetailsArgs,
  checkShopsInViewportArgs,
} from '../rpc-bounds'
import {
  toMyShop,
  toShop,
  toTerritory,
  type MyShopRow,
  type ShopRow,
  type TerritoryRow,
  type CategoryRow,
  toCategory,
  toStatusEvent,
  type StatusEventRow,
  fromShopDraft,
  toSubcategory,
  toSubmission,
  toPossibleDuplicate,
  toShopMember,
  toInvitation,
  toImportReportLine,
  type SubcategoryRow,
  type SubmissionRow,
  type PossibleDuplicateRow,
  type ShopMemberRow,
  type InvitationRow,
  type ImportReportRow,
} from '../rows'
import { SHOP_DRAFT_COLUMNS } from '../sql-objects'
import {
  createChangeHub,
  isDuplicateRefusal,
  isGoneRefusal,
  refusalMeansChanged,
} from '../change-hub'
import type { BackendChange, SessionUser, Shop, ShopDraft, SignInMethod } from '../types'
import {
  GET_SHOP_SQL,
  LIST_CATEGORIES_SQL,
  LIST_SHOPS_SQL,
  LIST_TERRITORIES_SQL,
  MY_SHOPS_SQL,
  RESET_TRUNCATE_SQL,
  SET_SHOP_STATUS_SQL,
  CONFIRM_SHOP_STATUS_SQL,
  MOVE_SHOP_SQL,
  TERRITORY_CREDITS_SQL,
  LIST_STATUS_EVENTS_SQL,
  UPDATE_SHOP_DETAILS_SQL,
  LIST_SUBCATEGORIES_SQL,
  CURATOR_TERRITORIES_SQL,
  INSERT_SUBMISSION_SQL,
  LIST_MY_SUBMISSIONS_SQL,
  LIST_SUBMISSIONS_SQL,
  GET_SUBMISSION_SQL,
  UPDATE_SUBMISSION_SQL,
  DELETE_SUBMISSION_SQL,
  PUBLISH_SUBMISSION_SQL,
  REFUSE_SUBMISSION_SQL,
  POSSIBLE_DUPLICATES_SQL,
  SHOP_MEMBER_LIST_SQL,
  DELETE_SHOP_MEMBER_SQL,
  LIST_INVITATIONS_SQL,
  INSERT_INVITATION_SQL,
  DELETE_INVITATION_SQL,
  ACCEPT_INVITATIONS_SQL,
  IMPORT_SHOPS_SQL,
  SHOPS_IN_VIEWPORT_SQL,
} from './embedded-queries'
import {
  dataDirName,
  EMBEDDED_DIR,
  MANIFEST_FILE,
  type EmbeddedManifest,
} from './embedded-manifest'
import type { EmbeddedWorkerMeta } from './embedded-worker'
import { unpackDatabaseError } from './worker-errors'
import { ANON, impersonate, type Actor, type SqlConnection } from './impersonation'

const SESSION_KEY = 'vitrine.embedded.session'
const CHANNEL = 'vitrine-embedded-changes'

interface StoredSession {
  user: SessionUser
}

function assetUrl(path: string): string {
  return `${import.meta.env.BASE_URL}${path.replace(/^\//, '')}`
}

async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, signal ? { signal } : {})
  if (!response.ok) throw new BackendError('unavailable', `${url}: HTTP ${response.status}`)
  return (await response.json()) as T
}

function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY)
    return raw ? (JSON.parse(raw) as StoredSession) : null
  } catch {
    return null
  }
}

/**
 * Whether the browser lets this page keep a database: a third-party frame gets no localStorage
 * (SecurityError), no IndexedDB and, under an insecure page, no Web Locks (which elect the
 * worker shared by the tabs).
 */
async function deviceStorageAllowed(): Promise<boolean> {
  try {
    if (typeof navigator.locks?.request !== 'function' || !localStorageIfAllowed()) return false
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('vitrine-storage-check')
      open.onsuccess = () => {
        open.result.close()
        resolve()
      }
      open.onerror = () => reject(open.error ?? new Error('IndexedDB refused'))
      open.onblocked = () => resolve()
    })
    return true
  } catch {
    return false
  }
}

/**
 * The default backend: the project's own migrations and seed in PGlite, in a Web Worker shared by
 * the tabs, kept in IndexedDB. Every query runs as `anon` or `authenticated` with the signed-in
 * user's claims, so the same row-level security as on Supabase decides.
 */
export async function createEmbeddedBackend(): Promise<VitrineBackend> {
  const [manifest, storageAllowed] = await Promise.all([
    fetchJson<EmbeddedManifest>(assetUrl(`${EMBEDDED_DIR}/${MANIFEST_FILE}`)),
    deviceStorageAllowed(),
  ])
  const changes = createChangeHub(storageAllowed ? CHANNEL : null)

  const meta: EmbeddedWorkerMeta = {
    dataDirName: dataDirName(manifest.version),
    pgdataUrl: assetUrl(manifest.pgdataUrl),
    pgliteWasmUrl,
    initdbWasmUrl,
    fsBundleUrl,
  }
  let db: PGliteWorker | null = null
  let readyPromise: Promise<void>
  let ready = false
  if (storageAllowed) {
    for (const url of [
      embeddedWorkerUrl,
      meta.pgdataUrl,
      pgliteWasmUrl,
      initdbWasmUrl,
      fsBundleUrl,
    ]) {
      keepForOffline(url)
    }
    const started = new PGliteWorker(new Worker(embeddedWorkerUrl, { type: 'module' }), {
      meta,
      id: meta.dataDirName,
    })
    db = started
    readyPromise = started.waitReady.then(() => {
      ready = true
      performance.mark('vitrine:embedded-database-ready')
      // Whatever was shown from the snapshot is refreshed from the real database.
      changes.heard({ kind: 'shops', territorySlug: null, shopId: null })
    })
  } else {
    // Visitors are answered from the snapshot (as before any database starts); anything else
    // says that it is unavailable here.
    readyPromise = Promise.reject(
      new BackendError('unavailable', 'storage refused here: the published snapshot only'),
    )
  }
  readyPromise.catch(() => undefined)

  function database(): PGliteWorker {
    if (!db) throw new BackendError('unavailable', 'storage refused here: no database')
    return db
  }

  function currentActor(): Actor {
    const session = readSession()
    return session
      ? { role: 'authenticated', userId: session.user.id, email: session.user.email }
      : ANON
  }

  async function run<T>(
    fn: (tx: SqlConnection) => Promise<T>,
    actor: Actor = currentActor(),
  ): Promise<T> {
    await readyPromise
    try {
      return await database().transaction(async (tx) => {
        const conn: SqlConnection = {
          query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] }),
        }
        await impersonate(conn, actor)
        return fn(conn)
      })
    } catch (error) {
      throw toBackendError(unpackDatabaseError(error))
    }
  }

  /**
   * A write is announced as soon as it is committed, so every tab shows it at once, and is
   * acknowledged only once it is in IndexedDB (see the worker), so a closed tab never loses a
   * write its merchant was told had been saved.
   */
  /** Reports a write made here, then keeps it on the device (a failure to keep it is thrown). */
  async function persisted(change: BackendChange): Promise<void> {
    changes.report(change)
    try {
      await database().syncToFs()
    } catch (error) {
      throw new BackendError(
        'unavailable',
        `the change could not be stored on this device: ${String(error)}`,
      )
    }
  }

  /** A write of a shop at a given version: a stale refusal tells that the shop changed. */
  const shopWrite = <T>(shopId: string, write: () => Promise<T>) =>
    refusalMeansChanged(changes, { kind: 'shops', territorySlug: null, shopId }, write)
  /** A decision on a request at a given version: a stale refusal tells that the queue changed. */
  const submissionWrite = <T>(write: () => Promise<T>) =>
    refusalMeansChanged(changes, { kind: 'submissions', territorySlug: null }, write)

  /** Rows of a query wrapped by `asJsonRows`, shaped as PostgREST sends them. */
  async function jsonRows<T>(sql: string, params: unknown[] = [], actor?: Actor): Promise<T[]> {
    const result = await run((tx) => tx.query<{ rows: T[] }>(sql, params), actor)
    return result.rows[0]?.rows ?? []
  }

  /** The questionnaire's values in the column order of `draftPlaceholders`. */
  function draftValues(draft: ShopDraft): unknown[] {
    const row = fromShopDraft(draft)
    return SHOP_DRAFT_COLUMNS.map((column) => {
      const value = row[column]
      return Array.isArray(value) ? JSON.stringify(value) : value
    })
  }

  /**
   * A write that matched no row: the row is hidden from this user (forbidden), or it changed
   * since it was read (stale), which the row's current token tells.
   */
  async function refusal(sql: string, id: string, expectedUpdatedAt?: string): Promise<never> {
    const [current] = await jsonRows<{ updated_at: string }>(sql, [id])
    if (current && expectedUpdatedAt !== undefined && current.updated_at !== expectedUpdatedAt) {
      throw new BackendError('stale-update', 'the row changed since it was loaded')
    }
    throw new BackendError('forbidden', 'the row is not writable by this user')
  }

  // One fetch per territory, shared by every caller; it takes no caller's abort signal, or one
  // cancelled query (React's StrictMode remount, a quick navigation) would poison the cache.
  const snapshotCache = new Map<string, Promise<Shop[]>>()
  function snapshot(territorySlug: string): Promise<Shop[]> {
    const url = manifest.snapshots[territorySlug]
    if (!url) return Promise.resolve([])
    let cached = snapshotCache.get(territorySlug)
    if (!cached) {
      cached = fetchJson<ShopRow[]>(assetUrl(url)).then((rows) => rows.map(toShop))
      cached.catch(() => snapshotCache.delete(territorySlug))
      snapshotCache.set(territorySlug, cached)
    }
    return cached
  }

  return {
    mode: 'embedded',
    publishedSnapshotOnly: !storageAllowed,

    async listTerritories() {
      if (!ready) return manifest.territories.map(toTerritory)
      const rows = await run((tx) => tx.query<TerritoryRow>(LIST_TERRITORIES_SQL), ANON)
      return rows.rows.map(toTerritory)
    },

    async listCategories() {
      if (!ready) return manifest.categories.map(toCategory)
      const rows = await run((tx) => tx.query<CategoryRow>(LIST_CATEGORIES_SQL), ANON)
      return rows.rows.map(toCategory)
    },

    async listShops(territorySlug, _signal, limit) {
      // Until the database has started, visitors get the build-time snapshot of the same query.
      if (!ready && currentActor().role === 'anon')
        return (await snapshot(territorySlug)).slice(0, limit)
      // LIMIT NULL is no limit.
      const result = await run((tx) =>
        tx.query<ShopRow>(LIST_SHOPS_SQL, [territorySlug, limit ?? null]),
      )
      return result.rows.map(toShop)
    },

    async listTerritoryCredits(territorySlug) {
      // The database's bound, before PGlite sees it (as for the other functions).
      checkLength('territory_slug', territorySlug, 'slugLength')
      // Until the database has started, visitors' credits are those of the snapshot they see.
      if (!ready && currentActor().role === 'anon') {
        const counts = new Map<string, number>()
        for (const shop of await snapshot(territorySlug)) {
          const credit = shop.sourceAttribution?.trim()
          if (credit) counts.set(credit, (counts.get(credit) ?? 0) + 1)
        }
        return [...counts]
          .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
          .map(([credit]) => credit)
      }
      const result = await run((tx) =>
        tx.query<{ credit: string }>(TERRITORY_CREDITS_SQL, [territorySlug]),
      )
      return result.rows.map((row) => row.credit)
    },

    async getShop(shopId) {
      if (!storageAllowed) {
        for (const slug of Object.keys(manifest.snapshots)) {
          const found = (await snapshot(slug)).find((shop) => shop.id === shopId)
          if (found) return found
        }
        return null
      }
      const result = await run((tx) => tx.query<ShopRow>(GET_SHOP_SQL, [shopId]))
      return result.rows[0] ? toShop(result.rows[0]) : null
    },

    async listShopsInViewport(query) {
      const args = viewportArgs(query)
      // The database's bounds, before PGlite (which cannot interrupt a statement) sees them.
      checkShopsInViewportArgs(args)
      const values = SQL_FUNCTIONS.shopsInViewport.args.map((name) => args[name])
      const result = await run((tx) => tx.query<ShopRow>(SHOPS_IN_VIEWPORT_SQL, values))
      return result.rows.map(toShop)
    },

    async getSessionUser() {
      return readSession()?.user ?? null
    },

    signInMethods() {
      return {
        demoAccounts: manifest.demoAccounts.map(({ email, displayName, curates, shops }) => ({
          email,
          displayName,
          curates,
          shops,
        })),
        email: false,
      }
    },

    async signIn(method: SignInMethod) {
      if (method.kind !== 'demo') {
        throw new BackendError(
          'invalid',
          'La démonstration se connecte avec les comptes de démonstration uniquement.',
        )
      }
      const account = manifest.demoAccounts.find((a) => a.email === method.email)
      if (!account)
        throw new BackendError('not-found', `Compte de démonstration inconnu : ${method.email}`)
      const user: SessionUser = {
        id: account.userId,
        email: account.email,
        displayName: account.displayName,
      }
      localStorage.setItem(SESSION_KEY, JSON.stringify({ user } satisfies StoredSession))
      changes.report({ kind: 'session', user })
      return { kind: 'signed-in', user }
    },

    async signOut() {
      localStorage.removeItem(SESSION_KEY)
      changes.report({ kind: 'session', user: null })
    },

    async listMyShops() {
      if (currentActor().role === 'anon') return []
      const result = await run((tx) => tx.query<MyShopRow>(MY_SHOPS_SQL))
      return result.rows.map(toMyShop)
    },

    async setShopStatus(input) {
      checkSetShopStatusArgs(input.status, input.message, input.services)
      const result = await shopWrite(input.shopId, () =>
        run((tx) =>
          tx.query<ShopRow>(SET_SHOP_STATUS_SQL, [
            input.shopId,
            input.status,
            input.message,
            input.closedUntil,
            input.services,
            input.expectedUpdatedAt,
          ]),
        ),
      )
      const row = result.rows[0]
      if (!row) throw new BackendError('unknown', 'set_shop_status returned no row')
      const shop = toShop(row)
      await persisted({ kind: 'shops', territorySlug: shop.territorySlug, shopId: shop.id, shop })
      return shop
    },

    async updateShopDetails(input) {
      const args = shopDetailsArgs(input)
      checkShopDetailsArgs(args)
      const values = SQL_FUNCTIONS.updateShopDetails.args.map((name) => args[name])
      const result = await shopWrite(input.shopId, () =>
        run((tx) => tx.query<ShopRow>(UPDATE_SHOP_DETAILS_SQL, values)),
      )
      const row = result.rows[0]
      if (!row) throw new BackendError('unknown', 'update_shop_details returned no row')
      const shop = toShop(row)
      await persisted({ kind: 'shops', territorySlug: shop.territorySlug, shopId: shop.id, shop })
      return shop
    },

    async confirmShopStatus(shopId, expectedUpdatedAt) {
      const result = await shopWrite(shopId, () =>
        run((tx) => tx.query<ShopRow>(CONFIRM_SHOP_STATUS_SQL, [shopId, expectedUpdatedAt])),
      )
      const row = result.rows[0]
      if (!row) throw new BackendError('unknown', 'confirm_shop_status returned no row')
      const shop = toShop(row)
      await persisted({ kind: 'shops', territorySlug: shop.territorySlug, shopId: shop.id, shop })
      return shop
    },

    async moveShop(shopId, location, expectedUpdatedAt) {
      const result = await shopWrite(shopId, () =>
        run((tx) =>
          tx.query<ShopRow>(MOVE_SHOP_SQL, [shopId, location.lon, location.lat, expectedUpdatedAt]),
        ),
      )
      const row = result.rows[0]
      if (!row) throw new BackendError('unknown', 'move_shop returned no row')
      const shop = toShop(row)
      await persisted({ kind: 'shops', territorySlug: shop.territorySlug, shopId: shop.id, shop })
      return shop
    },

    async listStatusEvents(shopId) {
      const result = await run((tx) => tx.query<StatusEventRow>(LIST_STATUS_EVENTS_SQL, [shopId]))
      return result.rows.map(toStatusEvent)
    },

    async listSubcategories() {
      return (await jsonRows<SubcategoryRow>(LIST_SUBCATEGORIES_SQL, [], ANON)).map(toSubcategory)
    },

    async listCuratedTerritories() {
      if (currentActor().role === 'anon') return []
      return (await jsonRows<TerritoryRow>(CURATOR_TERRITORIES_SQL)).map(toTerritory)
    },

    async submitShop(territorySlug, draft) {
      const [row] = await jsonRows<SubmissionRow>(INSERT_SUBMISSION_SQL, [
        territorySlug,
        ...draftValues(draft),
      ])
      if (!row) throw new BackendError('unknown', 'The submission was not returned')
      await persisted({ kind: 'submissions', territorySlug })
      return toSubmission(row)
    },

    async listMySubmissions() {
      if (currentActor().role === 'anon') return []
      return (await jsonRows<SubmissionRow>(LIST_MY_SUBMISSIONS_SQL)).map(toSubmission)
    },

    async withdrawSubmission(submissionId) {
      return refusalMeansChanged(
        changes,
        { kind: 'submissions', territorySlug: null },
        async () => {
          const deleted = await jsonRows<{ id: string }>(DELETE_SUBMISSION_SQL, [submissionId])
          if (deleted.length === 0) await refusal(GET_SUBMISSION_SQL, submissionId)
          await persisted({ kind: 'submissions', territorySlug: null })
        },
        isGoneRefusal,
      )
    },

    async listSubmissions(territorySlug) {
      return (await jsonRows<SubmissionRow>(LIST_SUBMISSIONS_SQL, [territorySlug])).map(
        toSubmission,
      )
    },

    async updateSubmission(submissionId, draft, expectedUpdatedAt) {
      const [row] = await submissionWrite(async () => {
        const rows = await jsonRows<SubmissionRow>(UPDATE_SUBMISSION_SQL, [
          submissionId,
          expectedUpdatedAt,
          ...draftValues(draft),
        ])
        return rows.length > 0 ? rows : refusal(GET_SUBMISSION_SQL, submissionId, expectedUpdatedAt)
      })
      if (!row) throw new BackendError('unknown', 'update_submission returned no row')
      await persisted({ kind: 'submissions', territorySlug: row.territory_slug })
      return toSubmission(row)
    },

    async publishSubmission(submissionId, expectedUpdatedAt) {
      const result = await submissionWrite(() =>
        run((tx) => tx.query<ShopRow>(PUBLISH_SUBMISSION_SQL, [submissionId, expectedUpdatedAt])),
      )
      const row = result.rows[0]
      if (!row) throw new BackendError('unknown', 'publish_submission returned no row')
      const shop = toShop(row)
      changes.report({ kind: 'submissions', territorySlug: shop.territorySlug })
      await persisted({ kind: 'shops', territorySlug: shop.territorySlug, shopId: shop.id, shop })
      return shop
    },

    async refuseSubmission(submissionId, reason, expectedUpdatedAt) {
      checkRefusalReason(reason)
      const [row] = await submissionWrite(() =>
        jsonRows<SubmissionRow>(REFUSE_SUBMISSION_SQL, [submissionId, reason, expectedUpdatedAt]),
      )
      if (!row) throw new BackendError('unknown', 'refuse_submission returned no row')
      await persisted({ kind: 'submissions', territorySlug: row.territory_slug })
      return toSubmission(row)
    },

    async listPossibleDuplicates(submissionId) {
      return (await jsonRows<PossibleDuplicateRow>(POSSIBLE_DUPLICATES_SQL, [submissionId])).map(
        toPossibleDuplicate,
      )
    },

    async listShopMembers(shopId) {
      return (await jsonRows<ShopMemberRow>(SHOP_MEMBER_LIST_SQL, [shopId])).map(toShopMember)
    },

    async removeShopMember(shopId, userId) {
      return refusalMeansChanged(
        changes,
        { kind: 'members', shopIds: [shopId] },
        async () => {
          const deleted = await jsonRows<{ user_id: string }>(DELETE_SHOP_MEMBER_SQL, [
            shopId,
            userId,
          ])
          if (deleted.length === 0)
            throw new BackendError('forbidden', 'the member is not removable by this user')
          await persisted({ kind: 'members', shopIds: [shopId], userIds: [userId] })
        },
        isGoneRefusal,
      )
    },

    async listInvitations(shopId) {
      return (await jsonRows<InvitationRow>(LIST_INVITATIONS_SQL, [shopId])).map(toInvitation)
    },

    async inviteToShop(shopId, email, role) {
      return refusalMeansChanged(
        changes,
        { kind: 'members', shopIds: [shopId] },
        async () => {
          const [row] = await jsonRows<InvitationRow>(INSERT_INVITATION_SQL, [
            shopId,
            email.trim().toLowerCase(),
            role,
          ])
          if (!row) throw new BackendError('unknown', 'The invitation was not returned')
          await persisted({ kind: 'members', shopIds: [shopId] })
          return toInvitation(row)
        },
        isDuplicateRefusal,
      )
    },

    async revokeInvitation(invitationId) {
      return refusalMeansChanged(
        changes,
        { kind: 'members', shopIds: null },
        async () => {
          const deleted = await jsonRows<{ id: string }>(DELETE_INVITATION_SQL, [invitationId])
          if (deleted.length === 0)
            throw new BackendError('forbidden', 'the invitation is not revocable by this user')
          // The database answers with the invitation's id only: its shop is not known here.
          await persisted({ kind: 'members', shopIds: null })
        },
        isGoneRefusal,
      )
    },

    async acceptInvitations() {
      const actor = currentActor()
      if (actor.role === 'anon') return []
      const shopIds = await jsonRows<string>(ACCEPT_INVITATIONS_SQL, [], actor)
      if (shopIds.length > 0) await persisted({ kind: 'members', shopIds, userIds: [actor.userId] })
      return shopIds
    },

    async importShops(territorySlug, source, rows, dryRun) {
      checkImportShopsArgs(territorySlug, source, rows)
      const report = await jsonRows<ImportReportRow>(IMPORT_SHOPS_SQL, [
        territorySlug,
        source,
        JSON.stringify(rows),
        dryRun,
      ])
      const lines = report.map(toImportReportLine)
      if (!dryRun && lines.every((line) => line.action !== 'error')) {
        await persisted({ kind: 'shops', territorySlug, shopId: null })
      }
      return lines
    },

    subscribe: changes.subscribe,

    async resetDemoData() {
      const seed = await (await fetch(assetUrl(manifest.seedUrl))).text()
      await readyPromise
      try {
        // As the database owner, like `supabase db reset`: the only place the embedded backend
        // leaves the API roles, and it only restores the public seed.
        await database().exec(RESET_TRUNCATE_SQL)
        await database().exec(seed)
      } catch (error) {
        throw toBackendError(unpackDatabaseError(error))
      }
      await persisted({ kind: 'reset' })
    },
  }
}
