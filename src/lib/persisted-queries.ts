import {
  dehydrate,
  hydrate,
  type Query,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { keyStartsWith } from './query-key-prefix'
import { placesKeys } from '@/shop/api/places-keys'
import { merchantKeys } from '@/shop/api/merchant-keys'
import { accountKeys } from '@/session/account-keys'
import { localStorageIfAllowed } from './device-storage'

const STORAGE_KEY = 'vitrine.queries'
const FORMAT = 1
/** A week-old copy is still better than nothing on the subway; older is not shown. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000
const SAVE_DELAY_MS = 500

/**
 * What a merchant needs to open "Mon commerce" offline: their shops, the territories and the
 * categories. Shoppers' lists are not kept (they can be large, and stale). Who is signed in is
 * the backend's to say (it keeps its own session); a signed-out device keeps no one's shops.
 */
const KEPT_FOR_EVERYONE: readonly QueryKey[] = [placesKeys.territories(), placesKeys.categories()]
const KEPT_WHILE_SIGNED_IN: readonly QueryKey[] = [
  merchantKeys.allMyShops(),
  merchantKeys.allShops(),
]
const SESSION_KEY = accountKeys.session()

function isKeptKey(key: QueryKey): boolean {
  return [...KEPT_FOR_EVERYONE, ...KEPT_WHILE_SIGNED_IN].some((prefix) =>
    keyStartsWith(key, prefix),
  )
}

interface Saved {
  format: number
  savedAt: number
  state: ReturnType<typeof dehydrate>
}

/**
 * Puts back what the last visit kept, then keeps the kept queries up to date on the device.
 * Returns the function that stops keeping them.
 */
export function persistQueries(queryClient: QueryClient, now = Date.now): () => void {
  // Storage may be refused (a third-party frame): then nothing is kept.
  const store = localStorageIfAllowed()
  if (!store) return () => {}
  try {
    const raw = store.getItem(STORAGE_KEY)
    const saved = raw ? (JSON.parse(raw) as Saved) : null
    if (saved && saved.format === FORMAT && now() - saved.savedAt < MAX_AGE_MS) {
      hydrate(queryClient, saved.state)
      // Shown at once, and read again as soon as a page uses them.
      void queryClient.invalidateQueries({
        predicate: (query) => isKeptKey(query.queryKey),
        refetchType: 'none',
      })
    }
  } catch {
    // An unreadable copy is dropped; the queries are fetched as usual.
    store.removeItem(STORAGE_KEY)
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  const save = () => {
    timer = null
    const signedIn = Boolean(queryClient.getQueryData(SESSION_KEY))
    const kept = signedIn ? [...KEPT_FOR_EVERYONE, ...KEPT_WHILE_SIGNED_IN] : KEPT_FOR_EVERYONE
    const state = dehydrate(queryClient, {
      shouldDehydrateQuery: (query: Query) =>
        query.state.status === 'success' &&
        kept.some((prefix) => keyStartsWith(query.queryKey, prefix)),
    })
    try {
      store.setItem(
        STORAGE_KEY,
        JSON.stringify({ format: FORMAT, savedAt: now(), state } satisfies Saved),
      )
    } catch {
      // Full or refused: the app works as before, only not offline.
    }
  }
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'removed') return
    const key = event.query.queryKey
    if (!isKeptKey(key) && !keyStartsWith(key, SESSION_KEY)) return
    if (timer === null) timer = setTimeout(save, SAVE_DELAY_MS)
  })
  return () => {
    unsubscribe()
    if (timer !== null) {
      clearTimeout(timer)
      save()
    }
  }
}
