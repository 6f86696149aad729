import type {
  LonLat,
  BackendChange,
  DemoAccount,
  MyShop,
  SessionUser,
  SetShopStatusInput,
  Shop,
  SignInMethod,
  SignInResult,
  Territory,
  Category,
  StatusEvent,
  ShopDetailsInput,
  Subcategory,
  ShopDraft,
  ShopSubmission,
  PossibleDuplicate,
  ShopMember,
  ShopInvitation,
  MemberRole,
  ImportSource,
  ImportReportLine,
  ShopKind,
  ShopService,
  ShopStatus,
} from './types'
import type { ImportRow } from './import-row'

/**
 * A map viewport and the shopper page's filters, for `listShopsInViewport`. "Open now" is not
 * here: it needs the opening hours and the clock, so the app applies it to the rows it gets.
 */
export interface ViewportQuery {
  /** [west, south, east, north] in WGS84 degrees; west ≤ east (no antimeridian crossing). */
  bounds: [number, number, number, number]
  /** Every one must be offered. */
  services?: ShopService[]
  /** Any of these; empty or absent means all. */
  categories?: string[]
  /** Any of these; empty or absent means all. */
  kinds?: ShopKind[]
  /** The merchant's status, any of these; empty or absent means all. */
  statuses?: ShopStatus[]
  /** Every word in the name or the commune, ignoring case and accents. */
  query?: string
  /** At most this many shops, nearest the viewport's centre first (1 to MAX_VIEWPORT_ROWS). */
  limit?: number
}

/**
 * The one interface the app uses for data. Two adapters implement it: Supabase (production)
 * and the embedded PGlite database (default). Both call the same SQL objects by name
 * (see sql-objects.ts), so the same row-level security decides.
 */
export interface VitrineBackend {
  readonly mode: 'supabase' | 'embedded'
  /**
   * The browser refuses this page storage (a third-party frame): the embedded backend cannot
   * start its database and shows the build's published snapshot, read-only.
   */
  readonly publishedSnapshotOnly?: boolean

  listTerritories(signal?: AbortSignal): Promise<Territory[]>
  listCategories(signal?: AbortSignal): Promise<Category[]>
  /**
   * Shops of a territory that the current user may read (published ones for visitors), by name;
   * at most `limit` of them when given (the shoppers' page asks one more than it would load
   * whole, to tell a territory to load by viewport).
   */
  listShops(territorySlug: string, signal?: AbortSignal, limit?: number): Promise<Shop[]>
  getShop(shopId: string, signal?: AbortSignal): Promise<Shop | null>
  /**
   * Shops in a map viewport that the current user may read, nearest its centre first, for
   * directories too large to load whole. A bad viewport or limit is a BackendError 'invalid'.
   */
  listShopsInViewport(query: ViewportQuery, signal?: AbortSignal): Promise<Shop[]>

  getSessionUser(): Promise<SessionUser | null>
  /** Sign-in methods this backend offers; demo accounts exist only in the embedded backend. */
  signInMethods(): { demoAccounts: DemoAccount[]; email: boolean }
  signIn(method: SignInMethod): Promise<SignInResult>
  signOut(): Promise<void>
  listMyShops(signal?: AbortSignal): Promise<MyShop[]>

  /** Refuses a stale `expectedUpdatedAt` with a BackendError of kind 'stale-update'. */
  setShopStatus(input: SetShopStatusInput): Promise<Shop>
  /** A member's hours, how to order, description and contacts; same stale refusal. */
  updateShopDetails(input: ShopDetailsInput): Promise<Shop>
  /** "Mes informations sont à jour": refreshes the status date only; same stale refusal. */
  confirmShopStatus(shopId: string, expectedUpdatedAt: string): Promise<Shop>
  /** A curator's pin: the place moves there and its position is exact; same stale refusal. */
  moveShop(shopId: string, location: LonLat, expectedUpdatedAt: string): Promise<Shop>
  /** The credits of a territory's sources (its places' `sourceAttribution`), most used first. */
  listTerritoryCredits(territorySlug: string, signal?: AbortSignal): Promise<string[]>
  /** The shop's status history, newest first (members and curators only). */
  listStatusEvents(shopId: string, signal?: AbortSignal): Promise<StatusEvent[]>

  // --- Referencing and curation (the database decides who may do what) ---

  listSubcategories(signal?: AbortSignal): Promise<Subcategory[]>
  /** Territories the signed-in user curates (none for others). */
  listCuratedTerritories(signal?: AbortSignal): Promise<Territory[]>
  /** A signed-in user's "Référencer mon commerce" questionnaire; it waits for a curator. */
  submitShop(territorySlug: string, draft: ShopDraft): Promise<ShopSubmission>
  /** The signed-in user's own submissions, newest first. */
  listMySubmissions(signal?: AbortSignal): Promise<ShopSubmission[]>
  /** The submitter takes back a pending submission. */
  withdrawSubmission(submissionId: string): Promise<void>
  /** A curator's queue: the territory's submissions, pending first. */
  listSubmissions(territorySlug: string, signal?: AbortSignal): Promise<ShopSubmission[]>
  /** The submitter or a curator edits a pending submission; stale refusal as for shops. */
  updateSubmission(
    submissionId: string,
    draft: ShopDraft,
    expectedUpdatedAt: string,
  ): Promise<ShopSubmission>
  publishSubmission(submissionId: string, expectedUpdatedAt: string): Promise<Shop>
  refuseSubmission(
    submissionId: string,
    reason: string,
    expectedUpdatedAt: string,
  ): Promise<ShopSubmission>
  listPossibleDuplicates(submissionId: string, signal?: AbortSignal): Promise<PossibleDuplicate[]>
  listShopMembers(shopId: string, signal?: AbortSignal): Promise<ShopMember[]>
  removeShopMember(shopId: string, userId: string): Promise<void>
  listInvitations(shopId: string, signal?: AbortSignal): Promise<ShopInvitation[]>
  inviteToShop(shopId: string, email: string, role: MemberRole): Promise<ShopInvitation>
  revokeInvitation(invitationId: string): Promise<void>
  /** Binds the signed-in user's verified e-mail to the shops it was invited to; their ids. */
  acceptInvitations(): Promise<string[]>
  /** Checks (dry run) or applies an import, all or nothing; one report line per row. */
  importShops(
    territorySlug: string,
    source: ImportSource,
    rows: ImportRow[],
    dryRun: boolean,
  ): Promise<ImportReportLine[]>

  /**
   * Called on every change made here (each write, and each refusal that says the record changed
   * elsewhere), in another tab, or on the server. The app's cache follows from these alone
   * (`src/app/backend-changes.ts`). Returns unsubscribe.
   */
  subscribe(listener: (change: BackendChange) => void): () => void
  /**
   * Asks for every change of these shops (a merchant's own, published or not) to reach
   * `subscribe`'s listeners while the returned function is not called. Supabase listens to
   * their rows through Realtime; the embedded backend already hears every tab's changes.
   */
  watchShops?(shopIds: readonly string[]): () => void

  /** Embedded backend only: restore the demonstration data. */
  resetDemoData?(): Promise<void>
}
