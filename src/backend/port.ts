import type {
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
} from './types'

/**
 * The one interface the app uses for data. Two adapters implement it: Supabase (production)
 * and the embedded PGlite database (default). Both call the same SQL objects by name
 * (see sql-objects.ts), so the same row-level security decides.
 */
export interface VitrineBackend {
  readonly mode: 'supabase' | 'embedded'

  listTerritories(signal?: AbortSignal): Promise<Territory[]>
  listCategories(signal?: AbortSignal): Promise<Category[]>
  /** Shops of a territory that the current user may read (published ones for visitors). */
  listShops(territorySlug: string, signal?: AbortSignal): Promise<Shop[]>
  getShop(shopId: string, signal?: AbortSignal): Promise<Shop | null>

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
  /** The shop's status history, newest first (members and curators only). */
  listStatusEvents(shopId: string, signal?: AbortSignal): Promise<StatusEvent[]>

  /** Called on every change made here, in another tab, or on the server. Returns unsubscribe. */
  subscribe(listener: (change: BackendChange) => void): () => void

  /** Embedded backend only: restore the demonstration data. */
  resetDemoData?(): Promise<void>
}
