import type { SupabaseClient } from '@supabase/supabase-js'
import {
  createRestReader,
  isAuthCallback,
  isFresh,
  storedAccessToken,
  storedSession,
} from './rest-read'
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
import {
  MY_SHOPS_COLUMNS,
  SHOP_COLUMNS,
  SQL_FUNCTIONS,
  SQL_TABLES,
  TERRITORY_COLUMNS,
  CATEGORY_COLUMNS,
  STATUS_EVENT_COLUMNS,
  shopDetailsArgs,
  SUBCATEGORY_COLUMNS,
  SUBMISSION_COLUMNS,
  INVITATION_COLUMNS,
  POSSIBLE_DUPLICATE_COLUMNS,
  SHOP_MEMBER_LIST_COLUMNS,
  IMPORT_REPORT_COLUMNS,
  viewportArgs,
} from '../sql-objects'
import {
  createChangeHub,
  isDuplicateRefusal,
  isGoneRefusal,
  refusalMeansChanged,
} from '../change-hub'
import type { BackendChange, SessionUser, SetShopStatusInput, Shop } from '../types'
import type { SupabaseConfig } from '../../lib/env'

const SHOP_SELECT = SHOP_COLUMNS.join(',')
const TERRITORY_SELECT = TERRITORY_COLUMNS.join(',')
const SUBMISSION_SELECT = SUBMISSION_COLUMNS.join(',')
const INVITATION_SELECT = INVITATION_COLUMNS.join(',')

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
  config: SupabaseConfig & { fetch?: typeof fetch },
  client?: SupabaseClient,
): VitrineBackend {
  // supabase-js (Auth, Realtime, 60 KB gzipped) downloads in parallel with the first lists,
  // which go through plain PostgREST reads (rest-read.ts).
  let loaded: SupabaseClient | null = client ?? null
  let loading: Promise<SupabaseClient> | null = client ? Promise.resolve(client) : null
  function getClient(): Promise<SupabaseClient> {
    loading ??= import('@supabase/supabase-js').then(({ createClient }) => {
      loaded = createClient(config.url, config.anonKey, {
        auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
        ...(config.fetch ? { global: { fetch: config.fetch } } : {}),
      })
      return loaded
    })
    loading.catch(() => {
      loading = null
    })
    return loading
  }
  // The token the first reads used before supabase-js had loaded (undefined: none was made).
  let tokenOfFirstReads: string | null | undefined
  const rest = createRestReader({
    url: config.url,
    anonKey: config.anonKey,
    ...(config.fetch ? { fetch: config.fetch } : {}),
    async accessToken() {
      if (!loaded) return (tokenOfFirstReads ??= storedAccessToken(config.url))
      const { data } = await loaded.auth.getSession()
      return data.session?.access_token ?? null
    },
  })

  function fail(error: unknown): never {
    throw toBackendError(error)
  }

  // Every `subscribe` listener, so that the merchant's own shops' channel reaches them all; the
  // other tabs hear the writes made here (Realtime tells them of shops only, and only online).
  const changes = createChangeHub(`vitrine-changes:${config.url}`)
  /** A write of a shop at a given version: a stale refusal tells that the shop changed. */
  const shopWrite = <T>(shopId: string, write: () => Promise<T>) =>
    refusalMeansChanged(changes, { kind: 'shops', territorySlug: null, shopId }, write)
  /** A decision on a request at a given version: a stale refusal tells that the queue changed. */
  const submissionWrite = <T>(write: () => Promise<T>) =>
    refusalMeansChanged(changes, { kind: 'submissions', territorySlug: null }, write)
  /** A changed shop as its writer got it back. */
  const shopWritten = (shop: Shop) => {
    changes.report({ kind: 'shops', territorySlug: shop.territorySlug, shopId: shop.id, shop })
    return shop
  }
  // The user last reported, so that Auth's own events (a token refresh, this tab's sign-in)
  // are not reported twice; undefined until the first.
  let reportedUserId: string | null | undefined
  const sessionChanged = (user: SessionUser | null) => {
    // Auth's own event may have come first (it fires before its call returns).
    if ((user?.id ?? null) === reportedUserId) return
    reportedUserId = user?.id ?? null
    // supabase-js tells the other tabs itself.
    changes.report({ kind: 'session', user }, { tabsHearIt: true })
  }

  return {
    mode: 'supabase',

    async listTerritories(signal) {
      const rows = await rest.select<TerritoryRow>(
        SQL_TABLES.territories.name,
        [
          ['select', TERRITORY_SELECT],
          ['order', 'sort_order.asc'],
        ],
        signal,
      )
      return rows.map(toTerritory)
    },

    async listCategories(signal) {
      const rows = await rest.select<CategoryRow>(
        SQL_TABLES.categories.name,
        [
          ['select', CATEGORY_COLUMNS.join(',')],
          ['order', 'sort_order.asc,slug.asc'],
        ],
        signal,
      )
      return rows.map(toCategory)
    },

    async listShops(territorySlug, signal, limit) {
      const rows = await rest.select<ShopRow>(
        SQL_TABLES.shops.name,
        [
          ['select', SHOP_SELECT],
          ['territory_slug', `eq.${territorySlug}`],
          ['order', 'name.asc,id.asc'],
          ...(limit === undefined ? [] : [['limit', String(limit)] as [string, string]]),
        ],
        signal,
      )
      return rows.map(toShop)
    },

    async getShop(shopId, signal) {
      const supabase = await getClient()
      let query = supabase.from(SQL_TABLES.shops.name).select(SHOP_SELECT).eq('id', shopId)
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query.maybeSingle()
      if (error) fail(error)
      return data ? toShop(data as unknown as ShopRow) : null
    },

    async listShopsInViewport(viewport, signal) {
      const supabase = await getClient()
      let query = supabase
        .rpc(SQL_FUNCTIONS.shopsInViewport.name, viewportArgs(viewport))
        .select(SHOP_SELECT)
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return ((data ?? []) as unknown as ShopRow[]).map(toShop)
    },

    async getSessionUser() {
      // Before supabase-js has loaded: the stored session answers, unless it needs a refresh
      // or a magic link is coming back.
      if (!loaded && !isAuthCallback(window.location)) {
        const stored = storedSession(config.url)
        if (!stored) return null
        if (isFresh(stored)) return toSessionUser(stored.user)
      }
      const supabase = await getClient()
      const { data, error } = await supabase.auth.getSession()
      if (error) fail(error)
      return toSessionUser(data.session?.user)
    },

    signInMethods() {
      return { demoAccounts: [], email: true }
    },

    async signIn(method) {
      const supabase = await getClient()
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
          sessionChanged(user)
          return { kind: 'signed-in', user }
        }
        case 'demo':
          throw new BackendError('invalid', 'Demo accounts exist only in the embedded backend.')
      }
    },

    async signOut() {
      const supabase = await getClient()
      const { error } = await supabase.auth.signOut()
      if (error) fail(error)
      sessionChanged(null)
    },

    async listMyShops(signal) {
      const supabase = await getClient()
      let query = supabase.rpc(SQL_FUNCTIONS.myShops.name).select(MY_SHOPS_COLUMNS.join(','))
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return ((data ?? []) as unknown as MyShopRow[]).map(toMyShop)
    },

    async setShopStatus(input) {
      return shopWrite(input.shopId, async () => {
        const supabase = await getClient()
        const { data, error } = await supabase
          .rpc(SQL_FUNCTIONS.setShopStatus.name, setShopStatusArgs(input))
          .select(SHOP_SELECT)
          .single()
        if (error) fail(error)
        return shopWritten(toShop(data as unknown as ShopRow))
      })
    },

    async updateShopDetails(input) {
      return shopWrite(input.shopId, async () => {
        const supabase = await getClient()
        const { data, error } = await supabase
          .rpc(SQL_FUNCTIONS.updateShopDetails.name, shopDetailsArgs(input))
          .select(SHOP_SELECT)
          .single()
        if (error) fail(error)
        return shopWritten(toShop(data as unknown as ShopRow))
      })
    },

    async confirmShopStatus(shopId, expectedUpdatedAt) {
      return shopWrite(shopId, async () => {
        const supabase = await getClient()
        const args: Record<(typeof SQL_FUNCTIONS.confirmShopStatus.args)[number], unknown> = {
          shop_id: shopId,
          expected_updated_at: expectedUpdatedAt,
        }
        const { data, error } = await supabase
          .rpc(SQL_FUNCTIONS.confirmShopStatus.name, args)
          .select(SHOP_SELECT)
          .single()
        if (error) fail(error)
        return shopWritten(toShop(data as unknown as ShopRow))
      })
    },

    async moveShop(shopId, location, expectedUpdatedAt) {
      return shopWrite(shopId, async () => {
        const supabase = await getClient()
        const args: Record<(typeof SQL_FUNCTIONS.moveShop.args)[number], unknown> = {
          shop_id: shopId,
          lon: location.lon,
          lat: location.lat,
          expected_updated_at: expectedUpdatedAt,
        }
        const { data, error } = await supabase
          .rpc(SQL_FUNCTIONS.moveShop.name, args)
          .select(SHOP_SELECT)
          .single()
        if (error) fail(error)
        return shopWritten(toShop(data as unknown as ShopRow))
      })
    },

    async listStatusEvents(shopId, signal) {
      const supabase = await getClient()
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

    async listSubcategories(signal) {
      const supabase = await getClient()
      let query = supabase
        .from(SQL_TABLES.subcategories.name)
        .select(SUBCATEGORY_COLUMNS.join(','))
        .order('sort_order')
        .order('slug')
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return (data as unknown as SubcategoryRow[]).map(toSubcategory)
    },

    async listTerritoryCredits(territorySlug, signal) {
      const supabase = await getClient()
      const args: Record<(typeof SQL_FUNCTIONS.territoryCredits.args)[number], unknown> = {
        territory_slug: territorySlug,
      }
      let query = supabase.rpc(SQL_FUNCTIONS.territoryCredits.name, args).select('credit')
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return ((data ?? []) as { credit: string }[]).map((row) => row.credit)
    },

    async listCuratedTerritories(signal) {
      const supabase = await getClient()
      let query = supabase
        .rpc(SQL_FUNCTIONS.curatorTerritories.name)
        .select(TERRITORY_SELECT)
        .order('sort_order')
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return ((data ?? []) as unknown as TerritoryRow[]).map(toTerritory)
    },

    async submitShop(territorySlug, draft) {
      const supabase = await getClient()
      const { data, error } = await supabase
        .from(SQL_TABLES.submissions.name)
        .insert({ territory_slug: territorySlug, ...fromShopDraft(draft) })
        .select(SUBMISSION_SELECT)
        .single()
      if (error) fail(error)
      changes.report({ kind: 'submissions', territorySlug })
      return toSubmission(data as unknown as SubmissionRow)
    },

    async listMySubmissions(signal) {
      const supabase = await getClient()
      const { data: auth } = await supabase.auth.getSession()
      const userId = auth.session?.user.id
      if (!userId) return []
      let query = supabase
        .from(SQL_TABLES.submissions.name)
        .select(SUBMISSION_SELECT)
        .eq('submitted_by', userId)
        .order('created_at', { ascending: false })
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return (data as unknown as SubmissionRow[]).map(toSubmission)
    },

    async withdrawSubmission(submissionId) {
      return refusalMeansChanged(
        changes,
        { kind: 'submissions', territorySlug: null },
        async () => {
          const supabase = await getClient()
          const args: Record<(typeof SQL_FUNCTIONS.withdrawSubmission.args)[number], unknown> = {
            submission_id: submissionId,
          }
          const { data, error } = await supabase.rpc(SQL_FUNCTIONS.withdrawSubmission.name, args)
          if (error) fail(error)
          if (!(data as string[] | null)?.length)
            throw new BackendError('forbidden', 'the row is not writable by this user')
          changes.report({ kind: 'submissions', territorySlug: null })
        },
        isGoneRefusal,
      )
    },

    async listSubmissions(territorySlug, signal) {
      const supabase = await getClient()
      let query = supabase
        .from(SQL_TABLES.submissions.name)
        .select(SUBMISSION_SELECT)
        .eq('territory_slug', territorySlug)
        .order('created_at', { ascending: false })
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      const rows = (data as unknown as SubmissionRow[]).map(toSubmission)
      // Pending first, as the embedded backend orders them.
      return [...rows].sort(
        (a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'),
      )
    },

    async updateSubmission(submissionId, draft, expectedUpdatedAt) {
      return submissionWrite(async () => {
        const supabase = await getClient()
        const { data, error } = await supabase
          .from(SQL_TABLES.submissions.name)
          .update(fromShopDraft(draft))
          .eq('id', submissionId)
          .eq('updated_at', expectedUpdatedAt)
          .select(SUBMISSION_SELECT)
        if (error) fail(error)
        const row = (data as unknown as SubmissionRow[])[0]
        if (row) {
          changes.report({ kind: 'submissions', territorySlug: row.territory_slug })
          return toSubmission(row)
        }
        const { data: current } = await supabase
          .from(SQL_TABLES.submissions.name)
          .select('updated_at')
          .eq('id', submissionId)
          .maybeSingle()
        if (current) throw new BackendError('stale-update', 'the row changed since it was loaded')
        throw new BackendError('forbidden', 'the row is not writable by this user')
      })
    },

    async publishSubmission(submissionId, expectedUpdatedAt) {
      return submissionWrite(async () => {
        const supabase = await getClient()
        const args: Record<(typeof SQL_FUNCTIONS.publishSubmission.args)[number], unknown> = {
          submission_id: submissionId,
          expected_updated_at: expectedUpdatedAt,
        }
        const { data, error } = await supabase
          .rpc(SQL_FUNCTIONS.publishSubmission.name, args)
          .select(SHOP_SELECT)
          .single()
        if (error) fail(error)
        const shop = toShop(data as unknown as ShopRow)
        changes.report({ kind: 'submissions', territorySlug: shop.territorySlug })
        return shopWritten(shop)
      })
    },

    async refuseSubmission(submissionId, reason, expectedUpdatedAt) {
      return submissionWrite(async () => {
        const supabase = await getClient()
        const args: Record<(typeof SQL_FUNCTIONS.refuseSubmission.args)[number], unknown> = {
          submission_id: submissionId,
          reason,
          expected_updated_at: expectedUpdatedAt,
        }
        const { data, error } = await supabase
          .rpc(SQL_FUNCTIONS.refuseSubmission.name, args)
          .select(SUBMISSION_SELECT)
          .single()
        if (error) fail(error)
        const row = data as unknown as SubmissionRow
        changes.report({ kind: 'submissions', territorySlug: row.territory_slug })
        return toSubmission(row)
      })
    },

    async listPossibleDuplicates(submissionId, signal) {
      const supabase = await getClient()
      let query = supabase
        .rpc(SQL_FUNCTIONS.possibleDuplicates.name, { submission_id: submissionId })
        .select(POSSIBLE_DUPLICATE_COLUMNS.join(','))
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return ((data ?? []) as unknown as PossibleDuplicateRow[]).map(toPossibleDuplicate)
    },

    async listShopMembers(shopId, signal) {
      const supabase = await getClient()
      let query = supabase
        .rpc(SQL_FUNCTIONS.shopMemberList.name, { shop_id: shopId })
        .select(SHOP_MEMBER_LIST_COLUMNS.join(','))
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return ((data ?? []) as unknown as ShopMemberRow[]).map(toShopMember)
    },

    async removeShopMember(shopId, userId) {
      return refusalMeansChanged(
        changes,
        { kind: 'members', shopIds: [shopId] },
        async () => {
          const supabase = await getClient()
          const args: Record<(typeof SQL_FUNCTIONS.removeShopMember.args)[number], unknown> = {
            shop_id: shopId,
            user_id: userId,
          }
          const { data, error } = await supabase.rpc(SQL_FUNCTIONS.removeShopMember.name, args)
          if (error) fail(error)
          if (!(data as string[] | null)?.length)
            throw new BackendError('forbidden', 'the member is not removable by this user')
          changes.report({ kind: 'members', shopIds: [shopId], userIds: [userId] })
        },
        isGoneRefusal,
      )
    },

    async listInvitations(shopId, signal) {
      const supabase = await getClient()
      let query = supabase
        .from(SQL_TABLES.invitations.name)
        .select(INVITATION_SELECT)
        .eq('shop_id', shopId)
        .order('created_at', { ascending: false })
      if (signal) query = query.abortSignal(signal)
      const { data, error } = await query
      if (error) fail(error)
      return (data as unknown as InvitationRow[]).map(toInvitation)
    },

    async inviteToShop(shopId, email, role) {
      return refusalMeansChanged(
        changes,
        { kind: 'members', shopIds: [shopId] },
        async () => {
          const supabase = await getClient()
          const { data, error } = await supabase
            .from(SQL_TABLES.invitations.name)
            .insert({ shop_id: shopId, email: email.trim().toLowerCase(), role })
            .select(INVITATION_SELECT)
            .single()
          if (error) fail(error)
          changes.report({ kind: 'members', shopIds: [shopId] })
          return toInvitation(data as unknown as InvitationRow)
        },
        isDuplicateRefusal,
      )
    },

    async revokeInvitation(invitationId) {
      return refusalMeansChanged(
        changes,
        { kind: 'members', shopIds: null },
        async () => {
          const supabase = await getClient()
          const args: Record<(typeof SQL_FUNCTIONS.revokeShopInvitation.args)[number], unknown> = {
            invitation_id: invitationId,
          }
          const { data, error } = await supabase.rpc(SQL_FUNCTIONS.revokeShopInvitation.name, args)
          if (error) fail(error)
          if (!(data as string[] | null)?.length)
            throw new BackendError('forbidden', 'the invitation is not revocable by this user')
          // The database answers with the invitation's id only: its shop is not known here.
          changes.report({ kind: 'members', shopIds: null })
        },
        isGoneRefusal,
      )
    },

    async acceptInvitations() {
      const supabase = await getClient()
      const { data: auth } = await supabase.auth.getSession()
      if (!auth.session) return []
      const { data, error } = await supabase.rpc(SQL_FUNCTIONS.acceptShopInvitations.name)
      if (error) fail(error)
      const shopIds = (data ?? []) as string[]
      if (shopIds.length > 0)
        changes.report({ kind: 'members', shopIds, userIds: [auth.session.user.id] })
      return shopIds
    },

    async importShops(territorySlug, source, rows, dryRun) {
      const supabase = await getClient()
      const args: Record<(typeof SQL_FUNCTIONS.importShops.args)[number], unknown> = {
        territory_slug: territorySlug,
        source,
        rows,
        dry_run: dryRun,
      }
      const { data, error } = await supabase
        .rpc(SQL_FUNCTIONS.importShops.name, args)
        .select(IMPORT_REPORT_COLUMNS.join(','))
      if (error) fail(error)
      const lines = ((data ?? []) as unknown as ImportReportRow[]).map(toImportReportLine)
      if (!dryRun && lines.every((line) => line.action !== 'error'))
        changes.report({ kind: 'shops', territorySlug, shopId: null })
      return lines
    },

    watchShops(shopIds) {
      let stop: (() => void) | null = null
      let cancelled = false
      const ids = [...new Set(shopIds)].sort()
      if (ids.length === 0) return () => undefined
      void getClient().then(
        (supabase) => {
          if (cancelled) return
          // Realtime checks the row against the subscriber's policies: a member hears their
          // shops, published or not; the filter keeps the channel to these rows only.
          const channel = supabase
            .channel(`vitrine-my-shops:${ids.join(',')}`)
            .on(
              'postgres_changes',
              {
                event: '*',
                schema: 'public',
                table: SQL_TABLES.shops.name,
                filter: `id=in.(${ids.join(',')})`,
              },
              (payload) => {
                const changed = payload.new as Partial<ShopRow> | undefined
                const row = (
                  changed && 'id' in changed ? changed : (payload.old ?? {})
                ) as Partial<ShopRow>
                changes.heard({
                  kind: 'shops',
                  territorySlug: row.territory_slug ?? null,
                  shopId: row.id ?? null,
                })
              },
            )
            .subscribe()
          stop = () => void supabase.removeChannel(channel)
        },
        () => {
          // supabase-js could not be downloaded: the page keeps what it has and says nothing
          // is lost; its next write reports the failure.
        },
      )
      return () => {
        cancelled = true
        stop?.()
      }
    },

    subscribe(listener: (change: BackendChange) => void) {
      let stop: (() => void) | null = null
      let cancelled = false
      const unsubscribe = changes.subscribe(listener)
      // Live updates can wait for the first lists: supabase-js (Auth, Realtime) downloads once
      // the page is idle, not in competition with them on a slow network; at once when a
      // magic link comes back.
      const connect = () => {
        if (cancelled) return
        void getClient().then(
          (supabase) => {
            if (cancelled) return
            const channel = supabase
              .channel('vitrine-shops')
              .on(
                'postgres_changes',
                { event: '*', schema: 'public', table: SQL_TABLES.shops.name },
                (payload) => {
                  // A delete's `new` is empty; its `old` carries the key (and no territory).
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
            const { data } = supabase.auth.onAuthStateChange((event, session) => {
              const user = toSessionUser(session?.user)
              // The session supabase-js starts with is the one the first reads already used: no
              // need to fetch the lists again.
              if (
                event === 'INITIAL_SESSION' &&
                (tokenOfFirstReads === undefined ||
                  tokenOfFirstReads === (session?.access_token ?? null))
              ) {
                reportedUserId ??= user?.id ?? null
                return
              }
              // A token refresh, or this tab's sign-in already reported, changes no one.
              if ((user?.id ?? null) === reportedUserId && event !== 'USER_UPDATED') return
              reportedUserId = user?.id ?? null
              changes.heard({ kind: 'session', user })
            })
            stop = () => {
              data.subscription.unsubscribe()
              void supabase.removeChannel(channel)
            }
          },
          () => {
            // supabase-js could not be downloaded: the next call that needs it tries again and
            // reports the failure; live updates resume with a reload.
          },
        )
      }
      if (isAuthCallback(window.location)) connect()
      else if ('requestIdleCallback' in window)
        window.requestIdleCallback(connect, { timeout: 3000 })
      else setTimeout(connect, 1000)
      return () => {
        cancelled = true
        unsubscribe()
        stop?.()
      }
    },
  }
}
