import '@testing-library/jest-dom/vitest'
import { act, cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import { loadOpeningHours } from '@/shop/opening-hours'
import type { StateCreator } from 'zustand'
import { resetAllStores, storeResets } from './store-resets'

// Every Zustand store the app creates goes back to its initial state after each test (Zustand's
// own testing recipe): no test resets a store by hand, and none inherits another's language,
// filters or outbox.
vi.mock('zustand', async (importOriginal) => {
  const zustand = await importOriginal<typeof import('zustand')>()
  type Initializer = StateCreator<unknown>
  const withReset = (createState: Initializer) => {
    const store = zustand.create(createState)
    const initial = store.getInitialState()
    storeResets.add(() => store.setState(initial, true))
    return store
  }
  // `create(initializer)` and the curried `create<T>()(initializer)` both.
  const create = (createState?: Initializer) => (createState ? withReset(createState) : withReset)
  return { ...zustand, create: create as unknown as typeof zustand.create }
})

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
  act(() => resetAllStores())
  globalThis.localStorage?.clear()
  globalThis.sessionStorage?.clear()
  // The router reads the URL: every test starts at the root, as a new visitor would.
  globalThis.history?.replaceState(null, '', '/')
})

// Tests never reach the internet: a request to another host fails as it would offline (the
// app's configured services, such as the address search and the geocoder, then take their
// offline path). Tests that speak to a service pass their own fake fetch.
const realFetch = globalThis.fetch
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(
    typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    globalThis.location?.href ?? 'http://localhost/',
  )
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
    return Promise.reject(new TypeError(`Failed to fetch: tests never reach ${url.hostname}`))
  }
  return realFetch(input, init)
}

// jsdom has <dialog> but not its modal methods; browsers (and the e2e tests) use the real ones.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}

// The app downloads the hours library apart and waits for it where hours are judged (see
// lazy-pages.tsx); unit tests start with it loaded, as those pages do.
await loadOpeningHours()
