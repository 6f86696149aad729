import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import type { VitrineBackend } from '../port'
import { BackendError, toBackendError } from '../errors'
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
} from '../rows'
import {
  MY_SHOPS_COLUMNS,
  SHOP_COLUMNS,
  SQL_FUNCTIONS,
  SQL_TABLES,
  TERRITORY_COLUMNS,
  CATEGORY_COLUMNS,
  STATUS_EVENT_COLUMNS,
  shopDetailsArgs,
} from '../sql-objects'
import type { BackendChange, SessionUser, SetShopStatusInput } from '../types'
import type { SupabaseConfig } from '../../lib/env'

const SHOP_SELECT = SHOP_COLUMNS.join(',')
const TERRITORY_SELECT = TERRITORY_COLUMNS.join(',')

type User = { id: string; email?: string | null; user_metadata?: Record<string, unknown> }

function toSessionUser(user: User | null | undefined): SessionUser | null {
  if (!user) return null
  const name = user.user_metadata?.display_name ?? user.user_metadata?.full_name
  return {
    id: user.id,
    email: user.email ?? null,
    displayName: typeof name === 'string' ? name : null,
  }
}

/** Named arguments of set_shop_status, from the shared list so the contract test covers them. */
export function setShopStatusArgs(input: SetShopStatusInput): Record<string, unknown> {
  const values: Record<(typeof SQL_FUNCTIONS.setShopStatus.args)[number], unknown> = {
    shop_id: input.shopId,
    status: input.status,
    message: input.message,
    closed_until: input.closedUntil,
    services: input.services,
    expected_updated_at: input.expectedUpdatedAt,
  }
  return values
}

/** Production: the same SQL objects through PostgREST, Supabase Auth and Realtime. */
export function createSupabaseBackend(
  config: SupabaseConfig,
  client?: SupabaseClient,
): VitrineBackend {
  const supabase =
    client ??
    createClient(config.url, config.anonKey, {
      auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
    })

  function fail(error: unknown): never {
    throw toBackendError(error)
  }

  return {
    mode: 'supabase',

    async listTerritories(signal) {
      let query = supabase
        .from(SQL_TABLES.territories.name)
        .select(TERRITORY_SELECT)
        .order('sort_order')
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return (data as unknown as TerritoryRow[]).map(toTerritory)
    },

    async listCategories(signal) {
      let query = supabase
        .from(SQL_TABLES.categories.name)
        .select(CATEGORY_COLUMNS.join(','))
        .order('sort_order')
        .order('slug')
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return (data as unknown as CategoryRow[]).map(toCategory)
    },

    async listShops(territorySlug, signal) {
      let query = supabase
        .from(SQL_TABLES.shops.name)
        .select(SHOP_SELECT)
        .eq('territory_slug', territorySlug)
        .order('name')
        .order('id')
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return (data as unknown as ShopRow[]).map(toShop)
    },

    async getShop(shopId, signal) {
      let query = supabase.from(SQL_TABLES.shops.name).select(SHOP_SELECT).eq('id', shopId)
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query.maybeSingle()
      if (error) fail(error)
      return data ? toShop(data as unknown as ShopRow) : null
    },

    async getSessionUser() {
      const { data, error } = await supabase.auth.getSession()
      if (error) fail(error)
      return toSessionUser(data.session?.user)
    },

    signInMethods() {
      return { demoAccounts: [], email: true }
    },

    async signIn(method) {
      switch (method.kind) {
        case 'magic-link':
        case 'email-code-request': {
          const { error } = await supabase.auth.signInWithOtp({
            email: method.email,
            options: {
              shouldCreateUser: true,
              ...(method.kind === 'magic-link'
                ? { emailRedirectTo: method.redirectTo ?? window.location.href }
                : {}),
            },
          })
          if (error) fail(error)
          return { kind: 'email-sent' }
        }
        case 'email-code-verify': {
          const { data, error } = await supabase.auth.verifyOtp({
            email: method.email,
            token: method.code,
            type: 'email',
          })
          if (error) fail(error)
          const user = toSessionUser(data.user)
          if (!user) throw new BackendError('unknown', 'Sign-in returned no user')
          return { kind: 'signed-in', user }
        }
        case 'demo':
          throw new BackendError('invalid', 'Demo accounts exist only in the embedded backend.')
      }
    },

    async signOut() {
      const { error } = await supabase.auth.signOut()
      if (error) fail(error)
    },

    async listMyShops(signal) {
      let query = supabase.rpc(SQL_FUNCTIONS.myShops.name).select(MY_SHOPS_COLUMNS.join(','))
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return ((data ?? []) as unknown as MyShopRow[]).map(toMyShop)
    },

    async setShopStatus(input) {
      const { data, error } = await supabase
        .rpc(SQL_FUNCTIONS.setShopStatus.name, setShopStatusArgs(input))
        .select(SHOP_SELECT)
        .single()
      if (error) fail(error)
      return toShop(data as unknown as ShopRow)
    },

    async updateShopDetails(input) {
      const { data, error } = await supabase
        .rpc(SQL_FUNCTIONS.updateShopDetails.name, shopDetailsArgs(input))
        .select(SHOP_SELECT)
        .single()
      if (error) fail(error)
      return toShop(data as unknown as ShopRow)
    },

    async confirmShopStatus(shopId, expectedUpdatedAt) {
      const args: Record<(typeof SQL_FUNCTIONS.confirmShopStatus.args)[number], unknown> = {
        shop_id: shopId,
        expected_updated_at: expectedUpdatedAt,
      }
      const { data, error } = await supabase
        .rpc(SQL_FUNCTIONS.confirmShopStatus.name, args)
        .select(SHOP_SELECT)
        .single()
      if (error) fail(error)
      return toShop(data as unknown as ShopRow)
    },

    async listStatusEvents(shopId, signal) {
      let query = supabase
        .from(SQL_TABLES.statusEvents.name)
        .select(STATUS_EVENT_COLUMNS.join(','))
        .eq('shop_id', shopId)
        .order('changed_at', { ascending: false })
        .order('id', { ascending: false })
        .limit(50)
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return (data as unknown as StatusEventRow[]).map(toStatusEvent)
    },

    subscribe(listener: (change: BackendChange) => void) {
      const channel = supabase
        .channel('vitrine-shops')
        .on(
          'postgres_changes',
          { event: '*', schema: 'public', table: SQL_TABLES.shops.name },
          (payload) => {
            // A delete's `new` is an empty object; its `old` carries the key (and no territory).
            const changed = payload.new as Partial<ShopRow> | undefined
            const row = (
              changed && 'id' in changed ? changed : (payload.old ?? {})
            ) as Partial<ShopRow>
            listener({
              kind: 'shops',
              territorySlug: row.territory_slug ?? null,
              shopId: row.id ?? null,
            })
          },
        )
        .subscribe()
      const { data } = supabase.auth.onAuthStateChange(() => listener({ kind: 'session' }))
      return () => {
        data.subscription.unsubscribe()
        void supabase.removeChannel(channel)
      }
    },
  }
}
